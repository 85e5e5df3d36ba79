from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from careers.articles import keys
from careers.articles.listing import sectors_with_counts
from careers.site import seo
from careers.site.pagecache import cache_public_page

from . import service, throttle
from .text import MAX_QUERY_LENGTH


def clean_query(raw):
    """What the reader typed, kept for the search box: control characters removed (a NUL
    cannot be stored or sent to PostgreSQL), nothing else changed."""
    return "".join(ch for ch in raw if ch.isprintable() or ch in " \t").strip()


@cache_public_page(params=("q", "sayfa"), keys=(keys.SEARCH, keys.ROLES, keys.SECTORS))
def search(request):
    query = clean_query(request.GET.get("q", ""))
    notices = []
    if len(query) > MAX_QUERY_LENGTH:
        notices.append(
            _("Your search is long: only its first %(count)s characters were used.")
            % {"count": MAX_QUERY_LENGTH}
        )
    status, retry_after = 200, None
    try:
        words, page = (
            service.search(query, request, request.GET.get("sayfa")) if query else ([], None)
        )
    except throttle.Throttled as throttled:
        status, retry_after, words, page = 429, throttled.retry_after, [], None
        notices.append(_("You have searched a lot in a short time. Please try again in a minute."))
    if query and not words and status == 200:
        notices.append(_("Your search has no letters or digits to look for."))
    found = page is not None and page.paginator.count > 0
    sectors = []
    if not found:  # help the reader on: browse by sector or A–Z instead
        sectors = sectors_with_counts()  # cached: no count over every role per search
    title = _("Search: %(query)s") % {"query": query[:60]} if query else _("Search occupations")
    meta = seo.page_meta(
        title=seo.titled(title),
        description=_("Search the occupations by name, duty or skill."),
        path=reverse("search:search"),
        crumbs=[seo.Crumb(_("Search"), reverse("search:search"))],
        robots=seo.NOINDEX,
    )
    response = render(
        request,
        "search/search.html",
        {
            "query": query,
            "words": words,
            "page": page if found else None,
            "found": found,
            "notices": notices,
            "sectors": sectors,
            "query_suffix": urlencode({"q": query}),
            "meta": meta,
        },
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response
