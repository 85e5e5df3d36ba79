"""The article pages. Thin: each fetches through a queryset method, hands plain objects to its
template and takes its SEO meta from :mod:`.meta`. Every public page goes through the page
cache (:func:`careers.site.pagecache.cache_public_page`)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from careers import turkish
from careers.site.pagecache import cache_public_page, shows

from . import fragments, keys, listing, meta, reads
from .models import Author, Correction, Role, Sector, Skill, article_role
from .permissions import can_preview

SECTOR_PAGE_SIZE = 20
SKILL_PAGE_SIZE = 20
ROLE_LIST_PAGE_SIZE = 50
HOME_LIST_SIZE = 5
AUTHOR_PAGE_SIZE = 20
CORRECTIONS_PAGE_SIZE = 20


@cache_public_page(keys=(keys.ROLES, keys.SECTORS))
def home(request):
    """A chosen selection with links onward: sectors, the most read, the recently updated
    and the initials of the A–Z (each bounded, whatever the number of roles)."""
    letters = listing.letters()
    most_read, recently_updated = listing.home_selection(HOME_LIST_SIZE)
    return render(
        request,
        "articles/home.html",
        {
            "sectors": listing.sectors_with_counts(),
            "letters": letters,
            "role_total": sum(count for _letter, count in letters),
            "most_read": most_read,
            "recently_updated": recently_updated,
            "meta": meta.home(request),
        },
    )


@cache_public_page(params=("harf", "sayfa"), keys=(keys.ROLES,))
def role_list(request):
    """A–Z, one initial at a time (``?harf=ç``), paginated in the database."""
    letters = listing.letters()
    known = dict(letters)
    letter = request.GET.get("harf", "").strip()
    letter = turkish.lower(letter) if letter != listing.DIGITS else letter
    if letter not in known:
        letter = letters[0][0] if letters else ""
    roles = listing.roles_by_letter(letter).for_cards() if letter else Role.objects.none()
    page = listing.CountedPaginator(roles, ROLE_LIST_PAGE_SIZE, known.get(letter, 0)).get_page(
        request.GET.get("sayfa")
    )
    return render(
        request,
        "articles/role_list.html",
        {
            "letters": letters,
            "letter": letter,
            "page": page,
            "query_suffix": urlencode({"harf": letter}),
            "role_total": sum(known.values()),
            "meta": meta.role_list(request, sum(known.values()), letter, page),
        },
    )


def _role_page(request, roles, size, count):
    """A page of role cards in Turkish order, paginated in the database (``count`` from the
    cached counts: no COUNT query)."""
    roles = listing.in_turkish_order(roles)
    page = listing.CountedPaginator(roles, size, count).get_page(request.GET.get("sayfa"))
    shows(request, *keys.cards(page))
    return page


@cache_public_page(params=("sayfa",))
def sector_detail(request, slug):
    sector = get_object_or_404(Sector, slug=slug)
    count = listing.role_count(listing.sectors_with_counts(), sector.pk)
    if not count:  # only drafts (or nothing): no more public than they are
        raise Http404
    shows(request, keys.sector(sector.pk))
    page = _role_page(
        request, Role.objects.published().filter(sector=sector).for_cards(), SECTOR_PAGE_SIZE, count
    )
    return render(
        request,
        "articles/sector_detail.html",
        {"sector": sector, "page": page, "meta": meta.sector(request, sector, page)},
    )


@cache_public_page(keys=(keys.SKILLS,))
def skill_list(request):
    return render(
        request,
        "articles/skill_list.html",
        {"skill_list": listing.skill_list_html(request), "meta": meta.skill_list(request)},
    )


@cache_public_page(params=("sayfa",))
def skill_detail(request, slug):
    skill = get_object_or_404(Skill, slug=slug)
    shows(request, keys.skill(skill.pk))
    roles = Role.objects.published().filter(role_skills__skill=skill).for_cards()
    count = listing.skill_role_count(skill.pk)
    if not count:  # asked for by drafts only (or none): no more public than they are
        raise Http404
    page = _role_page(request, roles, SKILL_PAGE_SIZE, count)
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


@cache_public_page
def role_detail(request, slug):
    role = article_role(slug)
    if role is None:
        raise Http404
    preview = not role.is_public
    if preview and not can_preview(request.user):
        raise Http404
    article = fragments.article_fragments(request, role, preview)
    return render(
        request,
        "articles/role_detail.html",
        {
            "role": role,
            "preview": preview,
            "article": article,
            "meta": article["meta"],
            "read_beacon": None if preview else reads.beacon_url(role.slug),
        },
    )


@cache_public_page(params=("sayfa",))
def author_detail(request, slug):
    """An author's profile and their published articles, paginated in the database (Turkish
    order); a profile with nothing published (written or reviewed) is not a public page."""
    author = get_object_or_404(Author, slug=slug)
    shows(request, keys.author(author.pk))
    roles = Role.objects.published().filter(author=author).for_cards().order_by("title_sort")
    page = Paginator(roles, AUTHOR_PAGE_SIZE).get_page(request.GET.get("sayfa"))
    reviewed = Role.objects.published().filter(reviewed_by=author).count()
    if not page.paginator.count and not reviewed:
        raise Http404
    shows(request, *keys.cards(page))
    return render(
        request,
        "articles/author_detail.html",
        {
            "author": author,
            "page": page,
            "reviewed": reviewed,
            "meta": meta.author(request, author, page),
        },
    )


@cache_public_page(params=("sayfa",), keys=(keys.CORRECTIONS, keys.ROLES))
def corrections(request):
    """Every published correction, newest first, paginated in the database."""
    items = Correction.objects.published().select_related("role").order_by("-created_at", "-pk")
    page = Paginator(items, CORRECTIONS_PAGE_SIZE).get_page(request.GET.get("sayfa"))
    return render(
        request,
        "articles/corrections.html",
        {"page": page, "meta": meta.corrections(request, page)},
    )
