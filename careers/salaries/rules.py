"""Salary rules: amounts, their order, hourly figures and minimum-wage multiples. Plain
functions, tested without HTTP; the models, the admin, the import and the pages all use them."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

#: Working hours in a month, as Turkish payroll practice counts them (30 days x 7.5 hours,
#: the divisor used for hourly pay and overtime). Hourly figures left empty are derived with it.
MONTHLY_HOURS = 225

CENT = Decimal("0.01")


def hourly(monthly, entered=None):
    """The hourly figure to show: the one entered, else ``monthly / MONTHLY_HOURS``."""
    if entered is not None:
        return entered
    if monthly is None:
        return None
    return (Decimal(monthly) / MONTHLY_HOURS).quantize(CENT, rounding=ROUND_HALF_UP)


def positive_amount_errors(**amounts):
    """``{field: message}`` for each amount given that is zero or less (None is not checked)."""
    return {
        field: _("Enter an amount greater than zero.")
        for field, value in amounts.items()
        if value is not None and value <= 0
    }


def validate_minimum_wage(*, net_monthly, gross_monthly):
    """Field errors of a minimum wage rate: positive amounts, net no higher than gross."""
    errors = positive_amount_errors(net_monthly=net_monthly, gross_monthly=gross_monthly)
    if not errors and None not in (net_monthly, gross_monthly) and net_monthly > gross_monthly:
        errors["net_monthly"] = _("The net figure cannot be higher than the gross.")
    return errors


def validate_band(*, year, low, average, top, hourly_average=None, hourly_top=None, today=None):
    """Field errors (``{field: message}``) for a salary band; empty when it is valid.

    The same rules are database constraints; this gives the editor a message next to the field.
    """
    errors = positive_amount_errors(
        low=low, average=average, top=top, hourly_average=hourly_average, hourly_top=hourly_top
    )
    if average is not None and top is not None and "average" not in errors and average > top:
        errors["average"] = _("The average cannot be higher than the top figure.")
    if low is not None and average is not None and "low" not in errors and low > average:
        errors["low"] = _("The lowest figure cannot be higher than the average.")
    current_year = (today or timezone.localdate()).year
    if year is not None and year > current_year:
        errors["year"] = _("The year cannot be in the future (it is %(year)s now).") % {
            "year": current_year
        }
    return errors


# --- Minimum wage ---------------------------------------------------------------------------
# ``rates`` below is a list of MinimumWage rows (anything with ``effective_from`` and
# ``net_monthly``) sorted oldest first: ``MinimumWage.objects.table()``, one query.


def _days_in_force(rates, year):
    """``[(rate, days)]``: each rate in force during ``year`` and for how many of its days.
    A rate stays in force until the next one starts (it carries over into later years)."""
    start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    spans = []
    for index, rate in enumerate(rates):
        begins = max(rate.effective_from, start)
        following = rates[index + 1].effective_from if index + 1 < len(rates) else end
        ends = min(following, end)
        if ends > begins:
            spans.append((rate, (ends - begins).days))
    return spans


def minimum_wage_for_year(rates, year):
    """The minimum wage a salary band of ``year`` is compared with: the rate in force on the
    most days of that year; on a tie, the later one. None before the first known rate.

    2023 had two rates: 8.506,80 TL net from 1 January (181 days) and 11.402,32 TL from
    1 July (184 days), so 2023 bands are compared with 11.402,32 TL, the rate at the end of the
    year and for most of it. A year with one rate uses that rate; a year with no new rate
    entered yet uses the one still in force.
    """
    spans = _days_in_force(rates, year)
    if not spans:
        return None
    # max() keeps the first of equal keys: compare (days, date) so a tie goes to the later.
    return max(spans, key=lambda span: (span[1], span[0].effective_from))[0]


def lowest_minimum_wage_in_year(rates, year):
    """The lowest net rate in force at any time during ``year`` (None before the first rate):
    a yearly figure below it is below the legal floor all year long, so it is surely wrong."""
    spans = _days_in_force(rates, year)
    if not spans:
        return None
    return min((rate for rate, _days in spans), key=lambda rate: rate.net_monthly)


MULTIPLE_PLACES = Decimal("0.1")


def minimum_wage_amount(rate, pay_basis="net"):
    """The figure of ``rate`` a band of ``pay_basis`` is compared with: net with net, gross
    with gross; None for "unspecified" (comparing an unknown basis would mislead)."""
    if rate is None or pay_basis not in ("net", "gross"):
        return None
    return rate.net_monthly if pay_basis == "net" else rate.gross_monthly


def minimum_wage_multiple(amount, rate, pay_basis="net"):
    """``amount`` as a multiple of ``rate``'s net (or, for a gross figure, gross) monthly
    figure, to one decimal place; None when the basis is unspecified:
    ``minimum_wage_multiple(Decimal("15963.25"), rate_11402_32)`` -> ``Decimal("1.4")``."""
    minimum = minimum_wage_amount(rate, pay_basis)
    if amount is None or not minimum:
        return None
    return (Decimal(amount) / minimum).quantize(MULTIPLE_PLACES, rounding=ROUND_HALF_UP)


def format_multiple(multiple):
    """Turkish form of a multiple: ``Decimal("1.4")`` -> ``"1,4"``, ``Decimal("2.0")`` -> ``"2"``;
    for "asgari ücretin 1,4 katı". Empty for None."""
    if multiple is None:
        return ""
    if multiple == multiple.to_integral_value():
        return str(int(multiple))
    return f"{multiple:f}".replace(".", ",")


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
