from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from careers import turkish
from careers.comments.views import section_context as comment_section_context

from .cache import cache_public_page
from .models import MinimumWage, Role, Sector, Status
from .related import related_for

SECTOR_PAGE_SIZE = 20


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


@cache_public_page
def home(request):
    roles = list(Role.objects.published().for_cards())
    sectors = sorted(published_role_counts(), key=lambda s: turkish.sort_key(s.name))
    return render(
        request,
        "articles/home.html",
        {"sectors": sectors, "letters": alphabetical(roles), "role_total": len(roles)},
    )


@cache_public_page
def role_list(request):
    roles = list(Role.objects.published().for_cards())
    return render(
        request,
        "articles/role_list.html",
        {"letters": alphabetical(roles), "role_total": len(roles)},
    )


@cache_public_page
def sector_detail(request, slug):
    sector = get_object_or_404(Sector, slug=slug)
    roles = sorted(
        Role.objects.published().filter(sector=sector).for_cards(),
        key=lambda role: turkish.sort_key(role.title),
    )
    page = Paginator(roles, SECTOR_PAGE_SIZE).get_page(request.GET.get("sayfa"))
    return render(request, "articles/sector_detail.html", {"sector": sector, "page": page})


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
    context = {
        "role": role,
        "preview": preview,
        "bands": bands,
        "sources": salary_sources(bands),
        "last_modified": max([role.updated_at, *(band.updated_at for band in bands)]),
        "related_links": links,
        "computed_related": computed,
        "popular": {
            placement: [link for link in links if link.placement == placement]
            for placement in ("after_training", "after_trends_intro")
        },
    }
    context.update(comment_section_context(request, role))  # one query: approved comments
    return render(request, "articles/role_detail.html", context)
