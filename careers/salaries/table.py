"""The rows and bars of ``/maaslar/`` (fifty roles a page), formatted here once and rendered
by Jinja2 (``salaries/rows.jinja``, careers/site/jinja.py): in the Django template language
the page spent two thirds of a cold render at 10,000 roles on these loops (a notice, two
net/gross counterparts and the readers' medians per row, four tags and an include each).

What each row shows is what the tags show on other pages, from the same functions: the note
(:func:`notices.salary_notice` against today's minimum wage, one value for the page), the
counterpart on the other basis (:mod:`.conversion`, the payroll rules read once), the readers'
medians (the role's joined ``report_summary``). The page records each thing it shows
(surrogate keys), as the tags do."""

from django.utils import timezone
from django.utils.translation import gettext

from careers import turkish
from careers.site import jinja
from careers.site.pagecache import shows

from . import conversion, keys, notices
from .models import PayBasis
from .reports.present import summary_of


def _readers(role):
    summary = summary_of(role)
    if summary is None or (summary.net_median is None and summary.gross_median is None):
        return None
    return {
        "net": turkish.format_money(summary.net_median) if summary.net_median else "",
        "gross": turkish.format_money(summary.gross_median) if summary.gross_median else "",
    }


def _other(converter, figure, basis, year):
    """A figure's counterpart on the other basis, as the rows show it ("≈ 5.882 TL brüt")."""
    if not figure or not basis or not year:
        return ""
    converted = converter.convert(figure, basis, int(year))
    return converted.html(short=True) if converted else ""


def rows(request, roles):
    """One dict per role: exactly what ``salaries/rows.jinja`` prints."""
    rates = notices.minimum_wages()
    shows(request, keys.MINWAGE)
    rate = notices.minimum_wage_on(rates, timezone.localdate())
    minimum_net = rate and rate.net_monthly
    converter = None
    found = []
    for role in roles:
        shows(request, keys.reports(role.pk))  # the readers' figures may appear after a batch
        basis = role.salary_pay_basis if role.salary_pay_basis in conversion.OTHER else None
        if basis and converter is None:
            converter = conversion.converter(request)

        notice = None
        if role.salary_year is not None:
            notice = notices.salary_notice(role.salary_year, role.salary_average, minimum_net)
        found.append(
            {
                "url": role.get_absolute_url(),
                "title": role.title,
                "sector": role.sector.name,
                "notice": notice.text if notice else "",
                "year": role.salary_year or "—",
                "basis": PayBasis(basis).label if basis else "",
                "average": turkish.format_money(role.salary_average) if role.salary_average else "",
                "average_other": _other(converter, role.salary_average, basis, role.salary_year),
                "top": turkish.format_money(role.salary_top) if role.salary_top else "",
                "top_other": _other(converter, role.salary_top, basis, role.salary_year),
                "readers": _readers(role),
            }
        )
    return found


def rows_html(request, roles):
    return jinja.render(
        "salaries/rows.jinja",
        {"rows": rows(request, roles), "net": gettext("net"), "gross": gettext("gross")},
    )


def bars_html(chart):
    """The comparison chart's bars (``charts.comparison_chart``) as SVG elements."""
    return jinja.render(
        "salaries/bars.jinja",
        {"chart": chart, "amounts": gettext("average %(average)s · top %(top)s")},
    )
