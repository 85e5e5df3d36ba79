from django.conf import settings
from django.shortcuts import get_object_or_404, render

from careers.articles import keys
from careers.salaries import keys as salary_keys
from careers.salaries.freshness import salary_data_date
from careers.salaries.models import MinimumWage
from careers.salaries.reports.conf import public_rules
from careers.site import seo
from careers.site.pagecache import cache_public_page, shows

from .models import PageKind, SimplePage


def _render(request, kind, extra=None):
    simple_page = get_object_or_404(SimplePage, kind=kind)
    shows(request, simple_page.cache_key)
    meta = seo.page_meta(
        title=f"{simple_page.title} | {seo.SITE_NAME}",
        description=simple_page.summary,
        path=request.path,
        crumbs=[seo.Crumb(simple_page.title, request.path)],
    )
    context = {"page": simple_page, "meta": meta, **(extra or {})}
    return render(request, "pages/page.html", context)


@cache_public_page
def page(request, kind):
    """One site page (one query; from the page cache after the first reader). The KVKK notice
    adds what salary reports keep, with the code's own numbers."""
    extra = {"reports": public_rules()} if kind == PageKind.PRIVACY else None
    return _render(request, kind, extra)


# ROLES: the data's date changes with a band
@cache_public_page(keys=(salary_keys.MINWAGE, keys.ROLES))
def methodology(request):
    """How salary figures are compiled: the editors' text, then the minimum wage table the
    multiples are computed from, how old figures may be before they are called stale, how
    readers' reports are counted (with the code's own thresholds), and the downloads of the
    data with their date (three queries)."""
    return _render(
        request,
        PageKind.METHODOLOGY,
        {
            "minimum_wages": MinimumWage.objects.order_by("-effective_from"),
            "stale_months": settings.SALARY_STALE_MONTHS,
            "data_date": salary_data_date(),  # the downloads' date
            "reports": public_rules(),  # readers' reports: thresholds, outliers, batches
        },
    )
