from itertools import groupby

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET

from careers import turkish
from careers.comments.views import section_context as comment_section_context

from . import charts, seo
from .cache import cache_public_page
from .freshness import last_modified, with_last_modified
from .models import MinimumWage, Role, Sector, Skill, Status
from .reads import count_reads
from .related import related_for

SECTOR_PAGE_SIZE = 20
SKILL_PAGE_SIZE = 20
HOME_LIST_SIZE = 5


def health(request):
    """A view that does nothing: the floor the benchmarks compare pages against."""
    return HttpResponse("ok", content_type="text/plain")


def published_role_counts():
    now = timezone.now()
    return Sector.objects.annotate(
        role_count=Count(
            "roles",
            filter=Q(roles__status=Status.PUBLISHED, roles__published_at__lte=now),
        )
    ).filter(role_count__gt=0)


def alphabetical(roles):
    """Roles in Turkish alphabetical order, grouped by initial: [(letter, [roles])]."""
    roles = sorted(roles, key=lambda role: turkish.sort_key(role.title))
    return [
        (letter, list(group))
        for letter, group in groupby(roles, key=lambda r: turkish.initial(r.title))
    ]


def page_path(request, page):
    """The canonical address of a paginated list: page 1 is the plain address."""
    if page.number > 1:
        return f"{request.path}?sayfa={page.number}"
    return request.path


@cache_public_page
def home(request):
    roles = list(with_last_modified(Role.objects.published().for_cards()))
    sectors = sorted(published_role_counts(), key=lambda s: turkish.sort_key(s.name))
    most_read = sorted(
        (role for role in roles if role.view_count),
        key=lambda role: (-role.view_count, turkish.sort_key(role.title)),
    )[:HOME_LIST_SIZE]
    recently_updated = sorted(roles, key=lambda role: role.last_modified, reverse=True)
    meta = seo.page_meta(
        title=_("Meslek Rehberi: careers and salaries"),
        description=_(
            "What each occupation does, what it pays, which skills it asks for and how to "
            "get there."
        ),
        path=request.path,
        jsonld=[
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": seo.SITE_NAME,
                "url": seo.absolute("/"),
                "inLanguage": "tr-TR",
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": seo.absolute(reverse("search:search")) + "?q={search_term_string}",
                    "query-input": "required name=search_term_string",
                },
            }
        ],
    )
    return render(
        request,
        "articles/home.html",
        {
            "sectors": sectors,
            "letters": alphabetical(roles),
            "role_total": len(roles),
            "most_read": most_read,
            "recently_updated": recently_updated[:HOME_LIST_SIZE],
            "meta": meta,
        },
    )


@cache_public_page
def role_list(request):
    roles = list(Role.objects.published().for_cards())
    meta = seo.page_meta(
        title=_("Occupations A–Z") + " | Meslek Rehberi",
        description=ngettext(
            "All %(counter)s occupation in alphabetical order, with the latest average salary.",
            "All %(counter)s occupations in alphabetical order, with the latest average salaries.",
            len(roles),
        )
        % {"counter": len(roles)},
        path=request.path,
        crumbs=[seo.Crumb(_("Occupations A–Z"), request.path)],
    )
    return render(
        request,
        "articles/role_list.html",
        {"letters": alphabetical(roles), "role_total": len(roles), "meta": meta},
    )


@cache_public_page(params=("sayfa",))
def sector_detail(request, slug):
    sector = get_object_or_404(Sector, slug=slug)
    roles = sorted(
        Role.objects.published().filter(sector=sector).for_cards(),
        key=lambda role: turkish.sort_key(role.title),
    )
    page = Paginator(roles, SECTOR_PAGE_SIZE).get_page(request.GET.get("sayfa"))
    title = _("%(name)s occupations and salaries") % {"name": sector.name}
    if page.number > 1:
        title += " (" + _("page %(n)s") % {"n": page.number} + ")"
    meta = seo.page_meta(
        title=f"{title} | Meslek Rehberi",
        description=sector.description
        or _("Occupations in %(name)s: duties, salaries and skills.") % {"name": sector.name},
        path=page_path(request, page),
        crumbs=[seo.Crumb(sector.name, sector.get_absolute_url())],
    )
    return render(
        request, "articles/sector_detail.html", {"sector": sector, "page": page, "meta": meta}
    )


@cache_public_page
def skill_list(request):
    skills = sorted(
        Skill.objects.annotate(
            role_count=Count(
                "role_skills",
                filter=Q(role_skills__role__in=Role.objects.published()),
                distinct=True,
            )
        ).filter(role_count__gt=0),
        key=lambda skill: turkish.sort_key(skill.name),
    )
    meta = seo.page_meta(
        title=_("Skills and the occupations that need them") + " | Meslek Rehberi",
        description=_(
            "Communication, problem solving, attention to detail: find the occupations that "
            "ask for the skills you have."
        ),
        path=request.path,
        crumbs=[seo.Crumb(_("Skills"), request.path)],
    )
    return render(request, "articles/skill_list.html", {"skills": skills, "meta": meta})


@cache_public_page(params=("sayfa",))
def skill_detail(request, slug):
    skill = get_object_or_404(Skill, slug=slug)
    roles = sorted(
        Role.objects.published().filter(role_skills__skill=skill).for_cards(),
        key=lambda role: turkish.sort_key(role.title),
    )
    page = Paginator(roles, SKILL_PAGE_SIZE).get_page(request.GET.get("sayfa"))
    heading = title = _("Occupations that need %(name)s") % {"name": skill.name}
    if page.number > 1:
        title += " (" + _("page %(n)s") % {"n": page.number} + ")"
    meta = seo.page_meta(
        title=f"{title} | Meslek Rehberi",
        description=_("%(count)s occupations ask for %(name)s: what they do and what they pay.")
        % {"count": len(roles), "name": turkish.lower(skill.name)},
        path=page_path(request, page),
        crumbs=[
            seo.Crumb(_("Skills"), reverse("articles:skill_list")),
            seo.Crumb(skill.name, skill.get_absolute_url()),
        ],
    )
    return render(
        request,
        "articles/skill_detail.html",
        {"skill": skill, "page": page, "heading": heading, "meta": meta},
    )


SORT_CHOICES = [
    ("meslek", gettext_lazy("Occupation")),
    ("ortalama", gettext_lazy("Average")),
    ("ust", gettext_lazy("Top")),
]
DIRECTION_CHOICES = [("artan", gettext_lazy("ascending")), ("azalan", gettext_lazy("descending"))]


class SalaryFilterForm(forms.Form):
    """The salary page's query string: ``?sirala=ortalama&yon=azalan&sektor=finans``."""

    sirala = forms.ChoiceField(label=gettext_lazy("Sort by"), choices=SORT_CHOICES, required=False)
    yon = forms.ChoiceField(label=gettext_lazy("Order"), choices=DIRECTION_CHOICES, required=False)
    sektor = forms.SlugField(label=gettext_lazy("Sector"), required=False, max_length=140)

    def clean_sektor(self):
        return self.cleaned_data["sektor"] or ""


def sort_roles(roles, key, direction):
    """Sort by title (Turkish order), average or top; roles without figures always last."""
    if key == "meslek":
        return sorted(roles, key=lambda r: turkish.sort_key(r.title), reverse=direction == "azalan")
    field = "latest_average" if key == "ortalama" else "latest_top"
    with_figures = [role for role in roles if getattr(role, field) is not None]
    without = [role for role in roles if getattr(role, field) is None]
    by_title = sorted(with_figures, key=lambda r: turkish.sort_key(r.title))
    ordered = sorted(by_title, key=lambda r: getattr(r, field), reverse=direction == "azalan")
    return ordered + sorted(without, key=lambda r: turkish.sort_key(r.title))


@cache_public_page(params=("sirala", "yon", "sektor"))
def salaries(request):
    form = SalaryFilterForm(request.GET)
    form.is_valid()
    choice = form.cleaned_data  # the valid fields; a bad value falls back to the default
    notices = []
    if "sirala" in form.errors or "yon" in form.errors:
        notices.append(_("That sort order is not available; the default order is shown."))
    no_such_sector = _("There is no such sector; all occupations are shown.")
    if "sektor" in form.errors:
        notices.append(no_such_sector)
    key = choice.get("sirala") or "ortalama"
    direction = choice.get("yon") or ("artan" if key == "meslek" else "azalan")
    sectors = sorted(published_role_counts(), key=lambda s: turkish.sort_key(s.name))
    sector = None
    roles = Role.objects.published().for_cards()
    if choice.get("sektor"):
        sector = next((s for s in sectors if s.slug == choice["sektor"]), None)
        if sector is None:
            notices.append(no_such_sector)
        else:
            roles = roles.filter(sector=sector)
    roles = sort_roles(list(roles), key, direction)
    title = _("Salaries compared")
    description = _(
        "The latest average and top monthly salaries of %(count)s occupations side by "
        "side, with year and source."
    ) % {"count": len(roles)}
    if sector:
        title = _("%(name)s salaries compared") % {"name": sector.name}
        description = _(
            "%(name)s: the latest average and top monthly salaries of %(count)s occupations "
            "side by side, with year and source."
        ) % {"name": sector.name, "count": len(roles)}
    meta = seo.page_meta(
        title=f"{title} | Meslek Rehberi",
        description=description,
        path=request.path + (f"?sektor={sector.slug}" if sector else ""),
        crumbs=[seo.Crumb(_("Salaries"), request.path)],
    )
    sort_links = {
        name: {
            "direction": (
                ("azalan" if direction == "artan" else "artan")
                if name == key
                else ("artan" if name == "meslek" else "azalan")
            ),
            "current": name == key,
        }
        for name, _label in SORT_CHOICES
    }
    return render(
        request,
        "articles/salaries.html",
        {
            "roles": roles,
            "chart": charts.comparison_chart(roles),
            "sectors": sectors,
            "sector": sector,
            "sort": key,
            "direction": direction,
            "sort_links": sort_links,
            "notices": notices,
            "heading": title,
            "meta": meta,
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


def can_preview(user, role):
    return user.is_active and user.is_staff and user.has_perm("articles.change_role")


def article_meta(request, role, bands, modified, preview):
    title = _("%(title)s: what does the job involve and what does it pay?") % {"title": role.title}
    canonical = seo.absolute(role.get_absolute_url())
    image_url = seo.absolute(role.image.url) if role.image else None
    return seo.page_meta(
        title=title,
        description=role.summary,
        path=role.get_absolute_url(),
        crumbs=[
            seo.Crumb(role.sector.name, role.sector.get_absolute_url()),
            seo.Crumb(role.title, role.get_absolute_url()),
        ],
        og_type="article",
        image=image_url,
        noindex=preview,
        jsonld=[
            seo.article_jsonld(
                role,
                title=title,
                canonical=canonical,
                last_modified=modified,
                bands=bands,
                image_url=image_url,
            )
        ],
    )


@count_reads
@cache_public_page
def role_detail(request, slug):
    role = Role.objects.for_article().filter(slug=slug).first()
    if role is None:
        raise Http404
    preview = not role.is_public
    if preview and not can_preview(request.user, role):
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
        "meta": article_meta(request, role, bands, modified, preview),
    }
    context.update(comment_section_context(request, role))  # one query: approved comments
    return render(request, "articles/role_detail.html", context)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /yonetim/",
        "Disallow: /markdownx/",
        f"Disallow: {reverse('search:search')}",
        "",
        f"Sitemap: {seo.absolute(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
