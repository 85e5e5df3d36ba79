"""Salary rules: plain functions, tested without HTTP."""

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


def validate_band(*, year, low, average, top, hourly_average=None, hourly_top=None, today=None):
    """Field errors (``{field: message}``) for a salary band; empty when it is valid.

    The same rules are database constraints; this gives the editor a message next to the field.
    """
    errors = {}
    for field, value in (
        ("low", low),
        ("average", average),
        ("top", top),
        ("hourly_average", hourly_average),
        ("hourly_top", hourly_top),
    ):
        if value is not None and value <= 0:
            errors[field] = _("Enter an amount greater than zero.")
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
