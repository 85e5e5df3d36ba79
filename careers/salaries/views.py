"""The salary comparison (``/maaslar/``): every role's latest figures, sorted and paginated in
the database; and the net <-> gross calculator (``/maaslar/net-brut/``, ``calculator.py``).
Thin, like the article views they sit beside; through the page cache."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from careers.articles import keys, listing
from careers.articles.models import Role
from careers.site import seo
from careers.site.pagecache import cache_public_page

from . import calculator, charts, conversion, table
from . import keys as salary_keys
from .forms import SalaryFilterForm
from .freshness import salary_data_date
from .listing import salary_order

PAGE_SIZE = 50


def page_meta(request, heading, count, sector):
    if sector:
        description = _(
            "%(name)s: the latest average and top monthly salaries of %(count)s occupations "
            "side by side, with year and source."
        ) % {"name": sector.name, "count": count}
    else:
        description = _(
            "The latest average and top monthly salaries of %(count)s occupations side by "
            "side, with year and source."
        ) % {"count": count}
    return seo.page_meta(
        title=seo.titled(heading),
        description=description,
        path=request.path + (f"?sektor={sector.slug}" if sector else ""),
        crumbs=[seo.Crumb(_("Salaries"), request.path)],
    )


#: What a row of /maaslar/ (``table.rows``) and its chart read of a role and its readers' summary.
LIST_COLUMNS = (
    "slug", "title", "sector", "salary_year", "salary_average", "salary_top", "salary_pay_basis",
    "report_summary__net_median", "report_summary__gross_median", "report_summary__year",
    "report_summary__net_count", "report_summary__gross_count",
)  # fmt: skip


@cache_public_page(
    params=("sirala", "yon", "sektor", "sayfa"),
    keys=(keys.ROLES, keys.SECTORS, salary_keys.REPORTS),
)
def salary_list(request):
    """Every role's latest figures, sorted and paginated in the database; the chart shows
    the page's rows."""
    form = SalaryFilterForm(request.GET)
    notices = []
    if form.bad_order:
        notices.append(_("That sort order is not available; the default order is shown."))
    sectors = listing.sectors_with_counts()
    sector = listing.find(sectors, slug=form.sector_slug)
    if form.bad_sector or (form.sector_slug and sector is None):
        notices.append(_("There is no such sector; all occupations are shown."))
    # Sectors fetched apart (one query for the page's 50): joined, SQLite would start from
    # the sectors and sort every role instead of reading the figure's index in order.
    roles = Role.objects.published().prefetch_related("sector")
    # Readers' medians in the same query (a left join on the role's key), and only the columns
    # a row shows: the whole role (and the summary's figures) was a fifth of a cold render.
    roles = roles.select_related("report_summary").only(*LIST_COLUMNS)
    if sector:
        roles = roles.filter(sector=sector)
    total = sector.role_count if sector else sum(s.role_count for s in sectors)
    page = listing.CountedPaginator(salary_order(roles, *form.order()), PAGE_SIZE, total).get_page(
        request.GET.get("sayfa")
    )
    heading = (
        _("%(name)s salaries compared") % {"name": sector.name}
        if sector
        else _("Salaries compared")
    )
    filters = {"sektor": sector.slug} if sector else {}
    chart = charts.comparison_chart(page.object_list)
    return render(
        request,
        "salaries/salary_list.html",
        {
            "roles": page.object_list,
            "rows": table.rows_html(request, page.object_list),
            "page": page,
            "query_suffix": urlencode({**filters, **form.hidden_order()}),
            "chart": chart,
            "bars": table.bars_html(chart) if chart else "",
            "sectors": sectors,
            "sector": sector,
            "order": form.hidden_order(),
            "sort_links": form.sort_links(),
            "notices": notices,
            "heading": heading,
            "data_date": salary_data_date(),  # the downloads' date
            "meta": page_meta(request, heading, page.paginator.count, sector),
        },
    )


@cache_public_page(params=calculator.PARAMS, keys=(salary_keys.PAYROLL,))
def net_gross(request):
    """The calculator: a month-by-month payslip table for an amount and a year, and the year's
    rules with their sources (no query: the rules come from the cache until they change)."""
    converter = conversion.converter(request)
    this_year = timezone.localdate().year
    complete = converter.complete_years()
    notices, default_year = [], this_year
    if complete and this_year not in complete:  # January, before editors add the new rules
        earlier = [year for year in complete if year < this_year]
        default_year = max(earlier or complete)
        notices.append(calculator.no_rules_message(this_year, converter))
    years = sorted({*converter.years, this_year})
    form = calculator.NetGrossForm(request.GET or None, years=years, default_year=default_year)
    result = form.calculate(converter)
    year = default_year
    if form.is_bound and form.cleaned_data.get("yil") in complete:
        year = form.cleaned_data["yil"]
    title = _("Net and gross salary calculator")
    path = reverse("salaries:net_gross")
    meta = seo.page_meta(
        title=seo.titled(title),
        description=_(
            "Net to gross and gross to net, month by month, with the payroll rules of each year "
            "and where every number comes from."
        ),
        path=path,
        crumbs=[seo.Crumb(_("Salaries"), reverse("salaries:list")), seo.Crumb(title, path)],
    )
    return render(
        request,
        "salaries/net_gross.html",
        {
            "form": form,
            "result": result,
            "year": year,
            "rules": calculator.year_rules(converter, year),
            "anchors": calculator.ANCHORS,
            "several_periods": len({slip.rules for slip in result.slips}) > 1 if result else False,
            "notices": notices,
            "title": title,
            "meta": meta,
        },
    )
