"""What the data-quality page says about the payroll rules (net <-> gross), so that editors
notice before readers do:

* **a year without rules**: from 1 January, until editors enter the new year's rules (the
  tariff is published in the last days of December, the minimum wage around then), figures
  of that year are shown without their counterpart;
* **a period with a number missing** (nobody could source it: the arithmetic refuses it);
* **salary years without rules**: bands with a known basis whose year has none;
* **the minimum wage check**: each period's rules must turn its gross minimum wage into the
  official net (what a minimum-wage earner was paid that year before it), to the kuruş, and
  agree with the minimum wage table. A typo in a rate or a bracket shows up here at once.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from careers import turkish

from .conversion import converter_for
from .payroll import PayrollRulesMissing
from .payroll_models import PayrollParameters

#: The PayrollPeriod fields' names for editors.
FIELD_NAMES = {
    "minimum_wage_gross": gettext_lazy("gross minimum wage"),
    "sgk_employee_rate": gettext_lazy("social security share"),
    "unemployment_employee_rate": gettext_lazy("unemployment insurance share"),
    "sgk_ceiling_multiple": gettext_lazy("social security ceiling"),
    "wage_brackets": gettext_lazy("income tax brackets"),
    "stamp_tax_rate": gettext_lazy("stamp tax"),
    "minimum_wage_exemption": gettext_lazy("minimum-wage exemption"),
}


@dataclass(frozen=True)
class PayrollProblem:
    message: str
    rules: PayrollParameters | None = None  # the row to open, if any


def payroll_problems(today, band_years, minimum_wages):
    """Everything wrong or missing in the payroll rules (one query): ``band_years`` are the
    years of bands with a known basis; ``minimum_wages`` the minimum wage table."""
    rows = list(PayrollParameters.objects.order_by("effective_from"))
    converter = converter_for(tuple(row.as_period() for row in rows))
    complete = set(converter.complete_years())
    problems = []
    if today.year not in complete:
        problems.append(
            PayrollProblem(
                _(
                    "There are no complete payroll rules for %(year)s yet: %(year)s salary "
                    "figures are shown without their net or gross counterpart, and the "
                    "calculator cannot compute %(year)s. Enter them from the new tariff and "
                    "minimum wage."
                )
                % {"year": today.year}
            )
        )
    for row in rows:
        missing = row.as_period().missing()
        if missing:
            names = ", ".join(str(FIELD_NAMES[name]) for name in missing)
            problems.append(
                PayrollProblem(
                    _("%(rules)s lack: %(names)s.") % {"rules": row, "names": names}, row
                )
            )
    for year in sorted(set(band_years) - complete - {today.year}, reverse=True):
        problems.append(
            PayrollProblem(
                _(
                    "Salary figures of %(year)s have no payroll rules: their net or gross "
                    "counterpart is not shown."
                )
                % {"year": year}
            )
        )
    by_date = {rate.effective_from: rate for rate in minimum_wages}
    for row in rows:
        if row.effective_from.year in complete:
            problems += _minimum_wage_problems(row, converter.payroll, by_date)
    return problems


def _minimum_wage_problems(row, payroll, minimum_wages):
    problems = []
    year, month = row.effective_from.year, row.effective_from.month
    try:
        earlier = [payroll.rules_for(year, m).minimum_wage_gross for m in range(1, month)]
        net = payroll.net(row.minimum_wage_gross, year, month, earlier=earlier)
    except (PayrollRulesMissing, ValueError):
        return problems
    money = turkish.format_money
    if row.minimum_wage_net is not None and net != row.minimum_wage_net:
        problems.append(
            PayrollProblem(
                _(
                    "%(rules)s turn the gross minimum wage (%(gross)s) into %(net)s net, but the "
                    "official net is %(official)s: check the rates and the brackets."
                )
                % {
                    "rules": row,
                    "gross": money(row.minimum_wage_gross, 2),
                    "net": money(net, 2),
                    "official": money(row.minimum_wage_net, 2),
                },
                row,
            )
        )
    table = minimum_wages.get(row.effective_from)
    if table is not None and (table.gross_monthly, table.net_monthly) != (
        row.minimum_wage_gross,
        row.minimum_wage_net,
    ):
        problems.append(
            PayrollProblem(
                _(
                    "%(rules)s and the minimum wage table disagree about the minimum wage of "
                    "%(date)s (%(gross)s gross, %(net)s net in the table)."
                )
                % {
                    "rules": row,
                    "date": turkish.format_date(row.effective_from),
                    "gross": money(table.gross_monthly, 2),
                    "net": money(table.net_monthly, 2),
                },
                row,
            )
        )
    return problems
