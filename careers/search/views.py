from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from careers import turkish
from careers.articles import keys
from careers.articles.listing import sectors_with_counts
from careers.salaries import keys as salary_keys
from careers.salaries import notices as salary_notices
from careers.site import jinja, seo
from careers.site.pagecache import cache_public_page, shows

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
            "results": results_html(request, page) if found else "",
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


def results_html(request, page):
    """A page of results (``search/results.jinja``): drawn by Jinja2 from values formatted
    here, as a card's figures and note are elsewhere (one minimum wage for the page)."""
    rates = None
    results = []
    for result in page:
        role, figure, notice = result.role, "", None
        if role.salary_average:
            figure = gettext("%(year)s average: %(amount)s") % {
                "year": role.salary_year,
                "amount": turkish.format_money(role.salary_average),
            }
        if role.salary_average and role.salary_year is not None:
            if rates is None:  # read (and shown) only for a page with figures
                rates = salary_notices.minimum_wages()
                shows(request, salary_keys.MINWAGE)
            rate = salary_notices.minimum_wage_on(rates, timezone.localdate())
            notice = salary_notices.salary_notice(
                role.salary_year, role.salary_average, rate and rate.net_monthly
            )
        results.append(
            {
                "url": role.get_absolute_url(),
                "title_html": result.title_html,
                "other_names_html": result.other_names_html,
                "snippet_html": result.snippet_html,
                "sector": role.sector.name,
                "figure": figure,
                "notice": notice.text if notice else "",
            }
        )
    return jinja.render(
        "search/results.jinja", {"results": results, "also_known": gettext("Also known as:")}
    )
