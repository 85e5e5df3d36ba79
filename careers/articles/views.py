"""The article pages. Thin: each fetches through a queryset method, hands plain objects to its
template and takes its SEO meta from :mod:`.meta`. Every public page goes through the page
cache (:func:`careers.site.cache.cache_public_page`)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from careers import turkish
from careers.site.cache import cache_public_page

from . import charts, listing, meta
from .forms import SalaryFilterForm
from .freshness import last_modified, with_last_modified
from .models import MinimumWage, Role, Sector, Skill
from .permissions import can_preview
from .reads import count_reads
from .related import related_for

SECTOR_PAGE_SIZE = 20
SKILL_PAGE_SIZE = 20
HOME_LIST_SIZE = 5


@cache_public_page
def home(request):
    roles = list(with_last_modified(Role.objects.published().for_cards()))
    most_read = sorted(
        (role for role in roles if role.view_count),
        key=lambda role: (-role.view_count, turkish.sort_key(role.title)),
    )[:HOME_LIST_SIZE]
    recently_updated = sorted(roles, key=lambda role: role.last_modified, reverse=True)
    return render(
        request,
        "articles/home.html",
        {
            "sectors": listing.by_title(Sector.objects.with_role_counts(), "name"),
            "letters": listing.alphabetical(roles),
            "role_total": len(roles),
            "most_read": most_read,
            "recently_updated": recently_updated[:HOME_LIST_SIZE],
            "meta": meta.home(request),
        },
    )


@cache_public_page
def role_list(request):
    roles = list(Role.objects.published().for_cards())
    return render(
        request,
        "articles/role_list.html",
        {
            "letters": listing.alphabetical(roles),
            "role_total": len(roles),
            "meta": meta.role_list(request, len(roles)),
        },
    )


def _role_page(request, roles, size):
    return Paginator(listing.by_title(roles), size).get_page(request.GET.get("sayfa"))


@cache_public_page(params=("sayfa",))
def sector_detail(request, slug):
    sector = get_object_or_404(Sector, slug=slug)
    page = _role_page(
        request, Role.objects.published().filter(sector=sector).for_cards(), SECTOR_PAGE_SIZE
    )
    return render(
        request,
        "articles/sector_detail.html",
        {"sector": sector, "page": page, "meta": meta.sector(request, sector, page)},
    )


@cache_public_page
def skill_list(request):
    skills = listing.by_title(Skill.objects.with_role_counts(), "name")
    return render(
        request, "articles/skill_list.html", {"skills": skills, "meta": meta.skill_list(request)}
    )


@cache_public_page(params=("sayfa",))
def skill_detail(request, slug):
    skill = get_object_or_404(Skill, slug=slug)
    roles = Role.objects.published().filter(role_skills__skill=skill).for_cards()
    page = _role_page(request, roles, SKILL_PAGE_SIZE)
    heading = _("Occupations that need %(name)s") % {"name": skill.name}
    return render(
        request,
        "articles/skill_detail.html",
        {
            "skill": skill,
            "page": page,
            "heading": heading,
            "meta": meta.skill(request, skill, heading, page),
        },
    )


@cache_public_page(params=("sirala", "yon", "sektor"))
def salaries(request):
    form = SalaryFilterForm(request.GET)
    notices = []
    if form.bad_order:
        notices.append(_("That sort order is not available; the default order is shown."))
    sectors = listing.by_title(Sector.objects.with_role_counts(), "name")
    sector = next((s for s in sectors if s.slug == form.sector_slug), None)
    if form.bad_sector or (form.sector_slug and sector is None):
        notices.append(_("There is no such sector; all occupations are shown."))
    roles = Role.objects.published().for_cards()
    if sector:
        roles = roles.filter(sector=sector)
    roles = listing.sort_roles(list(roles), *form.order())
    heading = (
        _("%(name)s salaries compared") % {"name": sector.name}
        if sector
        else _("Salaries compared")
    )
    return render(
        request,
        "articles/salaries.html",
        {
            "roles": roles,
            "chart": charts.comparison_chart(roles),
            "sectors": sectors,
            "sector": sector,
            "order": form.hidden_order(),
            "sort_links": form.sort_links(),
            "notices": notices,
            "heading": heading,
            "meta": meta.salaries(request, heading, len(roles), sector),
        },
    )


def salary_sources(bands):
    """One source line per distinct source, with the years it covers."""
    sources = {}
    for band in bands:
        key = (band.source, band.source_url, band.is_sample)
        entry = sources.setdefault(
            key,
            {"text": band.source, "url": band.source_url, "is_sample": band.is_sample, "years": []},
        )
        entry["years"].append(band.year)
    return list(sources.values())


@count_reads
@cache_public_page
def role_detail(request, slug):
    role = Role.objects.for_article().filter(slug=slug).first()
    if role is None:
        raise Http404
    preview = not role.is_public
    if preview and not can_preview(request.user):
        raise Http404
    links, computed = related_for(role)
    bands = MinimumWage.objects.attach_multiples(role.salary_bands.all())
    modified = last_modified(role, bands)
    context = {
        "role": role,
        "preview": preview,
        "bands": bands,
        "sources": salary_sources(bands),
        "last_modified": modified,
        "salary_chart": charts.history_chart(bands),
        "related_links": links,
        "computed_related": computed,
        "popular": {
            placement: [link for link in links if link.placement == placement]
            for placement in ("after_training", "after_trends_intro")
        },
        "meta": meta.article(role, bands, modified, preview),
    }
    return render(request, "articles/role_detail.html", context)
