"""Salary data quality: warnings, not errors.

A warning never stops a save (figures are kept as stated, e.g. the seed's 2023 numbers); it is
shown to the editor after a save and listed on the data-quality page. The rules:

* **Below the minimum wage**: a monthly figure below the *lowest* net minimum wage in force at
  any time during the band's year (for 2023: 8.506,80 TL). Below even that, it is below the
  legal floor all year long.
* **Year-on-year change**: the average or top figure moved by more than ±50% from the band of
  the year just before (only consecutive years are compared: over a gap of several years such
  a change can be real).
* **Hourly vs monthly**: an hourly figure entered by hand that differs by more than 10% from
  the monthly figure divided by ``rules.MONTHLY_HOURS`` (225).
* **Stale**: a role whose latest band describes a year that ended more than
  ``settings.SALARY_STALE_MONTHS`` months ago (or that has no figures at all).
* **Payroll rules** missing or wrong (a new year from January on, a number missing, the
  minimum wage check): ``payroll_checks.py``.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from careers import turkish
from careers.articles.models import Role

from . import conversion, rules
from .models import MinimumWage, SalaryBand
from .payroll_checks import payroll_problems

YEAR_CHANGE_LIMIT = Decimal("0.50")
HOURLY_TOLERANCE = Decimal("0.10")

BELOW_MINIMUM = "below_minimum"
YEAR_CHANGE = "year_change"
HOURLY_MISMATCH = "hourly_mismatch"


@dataclass(frozen=True)
class SalaryWarning:
    band: object
    code: str
    field: str
    message: str

    def __str__(self):
        return self.message


def _figure_label(field):
    """The figure's name at the start of a sentence."""
    return {
        "low": _("The lowest figure"),
        "average": _("The average figure"),
        "top": _("The top figure"),
        "hourly_average": _("The hourly average"),
        "hourly_top": _("The hourly top figure"),
    }[field]


def _percent(ratio):
    """``Decimal("0.624")`` -> ``"+%62"`` (Turkish puts the sign before ``%``)."""
    value = (ratio * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}%{abs(value)}"


def below_minimum_warnings(band, rates):
    minimum = rules.lowest_minimum_wage_in_year(rates, band.year)
    if minimum is None:
        return []
    warnings = []
    gross = getattr(band, "pay_basis", "net") == "gross"  # like with like; else the net floor
    floor = minimum.gross_monthly if gross else minimum.net_monthly
    template = (
        _(
            "%(figure)s (%(amount)s) is below the lowest gross minimum wage of %(year)s "
            "(%(minimum)s)."
        )
        if gross
        else _(
            "%(figure)s (%(amount)s) is below the lowest net minimum wage of %(year)s "
            "(%(minimum)s)."
        )
    )
    for field in ("low", "average", "top"):
        amount = getattr(band, field)
        if amount is not None and amount < floor:
            message = template % {
                "figure": _figure_label(field),
                "amount": turkish.format_money(amount),
                "year": band.year,
                "minimum": turkish.format_money(floor),
            }
            warnings.append(SalaryWarning(band, BELOW_MINIMUM, field, message))
    return warnings


def year_change_warnings(band, previous):
    """``previous``: the same role's band of ``band.year - 1`` (anything with ``year``,
    ``average`` and ``top``), or None."""
    if previous is None or previous.year != band.year - 1:
        return []
    warnings = []
    for field in ("average", "top"):
        old, new = getattr(previous, field), getattr(band, field)
        if not old or new is None:
            continue
        change = (Decimal(new) - Decimal(old)) / Decimal(old)
        if abs(change) > YEAR_CHANGE_LIMIT:
            message = _(
                "%(figure)s changed by %(percent)s from the year before (%(previous_year)s: "
                "%(old)s → %(new)s). A change of more than ±50%% in a year is unusual: check "
                "the figure."
            ) % {
                "figure": _figure_label(field),
                "percent": _percent(change),
                "previous_year": previous.year,
                "old": turkish.format_money(old),
                "new": turkish.format_money(new),
            }
            warnings.append(SalaryWarning(band, YEAR_CHANGE, field, message))
    return warnings


def hourly_mismatch_warnings(band):
    warnings = []
    for hourly_field, monthly_field in (("hourly_average", "average"), ("hourly_top", "top")):
        entered, monthly = getattr(band, hourly_field), getattr(band, monthly_field)
        if entered is None or monthly is None:
            continue
        derived = rules.hourly(monthly)
        if not derived:
            continue
        difference = (Decimal(entered) - derived) / derived
        if abs(difference) > HOURLY_TOLERANCE:
            message = _(
                "%(figure)s (%(hourly)s) differs by %(percent)s from the monthly figure "
                "divided by %(hours)s hours (%(derived)s)."
            ) % {
                "figure": _figure_label(hourly_field),
                "hourly": turkish.format_money(entered, 2),
                "percent": _percent(difference),
                "hours": rules.MONTHLY_HOURS,
                "derived": turkish.format_money(derived, 2),
            }
            warnings.append(SalaryWarning(band, HOURLY_MISMATCH, hourly_field, message))
    return warnings


def band_warnings(band, *, previous=None, rates=()):
    """Every warning for one band. ``rates``: ``MinimumWage.objects.table()``."""
    return [
        *below_minimum_warnings(band, rates),
        *year_change_warnings(band, previous),
        *hourly_mismatch_warnings(band),
    ]


def warnings_for_bands(bands, rates):
    """Warnings for ``bands`` (any order, several roles), comparing each band with the same
    role's band of the year before when it is among ``bands``. No queries."""
    by_key = {(band.role_id, band.year): band for band in bands}
    result = []
    for band in bands:
        previous = by_key.get((band.role_id, band.year - 1))
        result.extend(band_warnings(band, previous=previous, rates=rates))
    return result


# --- Staleness ------------------------------------------------------------------------------


def stale_before_year(today=None, months=None):
    """Bands of a year *before* the returned year are stale: that year ended more than
    ``months`` (default ``settings.SALARY_STALE_MONTHS``) months before ``today``."""
    today = today or timezone.localdate()
    months = settings.SALARY_STALE_MONTHS if months is None else months
    year, _month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return year


def is_stale(latest_year, today=None, months=None):
    """True when a role's latest salary year is stale, or it has no figures (None)."""
    return latest_year is None or latest_year < stale_before_year(today, months)


# --- The data-quality page ------------------------------------------------------------------


@dataclass
class QualityReport:
    warnings: list
    stale_roles: list
    roles_without_figures: list
    stale_before: int
    stale_months: int
    payroll: list

    @property
    def problem_count(self):
        figures = len(self.warnings) + len(self.stale_roles) + len(self.roles_without_figures)
        return figures + len(self.payroll)


def quality_report(today=None):
    """Everything the data-quality page lists, in four queries whatever the data size."""
    today = today or timezone.localdate()
    rates = MinimumWage.objects.table()
    bands = list(
        SalaryBand.objects.select_related("role").order_by("role__title", "role_id", "-year")
    )
    roles = list(Role.objects.select_related("sector").order_by("title"))
    warnings = warnings_for_bands(bands, rates)
    cutoff = stale_before_year(today)
    stale, missing = [], []
    for role in roles:  # the latest year is kept on the role (refresh_role_salaries)
        if role.salary_year is None:
            missing.append(role)
        elif role.salary_year < cutoff:
            stale.append(role)
    key = turkish.sort_key
    return QualityReport(
        warnings=sorted(warnings, key=lambda w: (key(w.band.role.title), -w.band.year)),
        stale_roles=sorted(stale, key=lambda role: key(role.title)),
        roles_without_figures=sorted(missing, key=lambda role: key(role.title)),
        stale_before=cutoff,
        stale_months=settings.SALARY_STALE_MONTHS,
        payroll=payroll_problems(
            today, {band.year for band in bands if band.pay_basis in conversion.OTHER}, rates
        ),
    )
