"""The payroll rules of each period as editors keep them: every number beside its source.

Why a table and not only ``payroll_params.py``: the rules change every January (the tariff,
the minimum wage, sometimes a share or the ceiling), and editors must add a year without a
deploy, with a history of who changed which number (django-simple-history, as the salary
bands). Migration ``salaries/0003_payroll_parameters`` seeded 2023-2026 from
``payroll_params.PERIODS``; :meth:`PayrollParametersQuerySet.periods` gives the rows back as
the ``PayrollPeriod`` values the pure arithmetic (``payroll.Payroll(periods)``) takes.

Rates are stored as percentages (14 for the 14 % SGK share, 0,759 for stamp tax) because
editors read them that way in the official texts; the tariff is one JSON list of brackets
(``[{"upper": "70000", "percent": "15"}, ..., {"upper": null, "percent": "40"}]``, amounts as
strings so that nothing passes through a float), typed in the admin one bracket a line. A number
nobody could source stays empty: the arithmetic then refuses that period, and the site says
that the year has no rules instead of guessing.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from careers import turkish

from .payroll_params import Bracket, PayrollPeriod

HUNDRED = Decimal(100)

#: (model field, its source field, PayrollPeriod field): each number and where it goes.
NUMBERS = (
    ("minimum_wage_gross", "minimum_wage_gross_source", "minimum_wage_gross"),
    ("minimum_wage_net", "minimum_wage_net_source", "minimum_wage_net"),
    ("sgk_employee_percent", "sgk_employee_source", "sgk_employee_rate"),
    ("unemployment_employee_percent", "unemployment_employee_source", "unemployment_employee_rate"),
    ("sgk_ceiling_multiple", "sgk_ceiling_source", "sgk_ceiling_multiple"),
    ("wage_brackets", "wage_brackets_source", "wage_brackets"),
    ("stamp_tax_percent", "stamp_tax_source", "stamp_tax_rate"),
    ("minimum_wage_exemption", "minimum_wage_exemption_source", "minimum_wage_exemption"),
)
PERCENTS = ("sgk_employee_percent", "unemployment_employee_percent", "stamp_tax_percent")


def brackets_from_json(value):
    """The stored tariff as ``payroll_params.Bracket`` rows (rates as fractions), or None.
    Raises ValueError for a list that is not a tariff (:func:`tariff_errors` says why)."""
    if value is None:
        return None
    brackets = []
    for item in value:
        upper = None if item["upper"] is None else Decimal(str(item["upper"]))
        brackets.append(Bracket(upper, Decimal(str(item["percent"])) / HUNDRED))
    return tuple(brackets)


def tariff_errors(brackets):
    """What is wrong with a tariff (``Bracket`` rows, rates as fractions), in Turkish: the
    thresholds must rise, have whole kuruş, and only the last bracket is open-ended; rates
    between 0 and 100 %, never falling."""
    if not brackets:
        return [gettext("Give at least one income tax bracket.")]
    errors = []
    uppers = [b.upper for b in brackets[:-1]]
    if None in uppers or brackets[-1].upper is not None:
        errors.append(gettext("Only the last bracket has no upper limit; every other has one."))
    known = [upper for upper in uppers if upper is not None]
    if any(u <= 0 or u != u.quantize(Decimal("0.01")) for u in known):
        errors.append(gettext("Bracket limits are positive amounts in whole kuruş."))
    if any(later <= earlier for earlier, later in zip(known, known[1:], strict=False)):
        errors.append(gettext("Each bracket's limit must be higher than the one before."))
    rates = [b.rate for b in brackets]
    if any(not 0 < rate <= 1 for rate in rates):
        errors.append(gettext("Rates are above 0 % and at most 100 %."))
    elif any(later < earlier for earlier, later in zip(rates, rates[1:], strict=False)):
        errors.append(gettext("A bracket's rate cannot be lower than the one before."))
    return errors


def plain(number):
    """A Decimal as plain digits without trailing zeros: ``Decimal("20.00")`` -> ``"20"``."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def brackets_to_json(brackets):
    """``Bracket`` rows (rates as fractions) as the stored JSON list."""
    return [
        {"upper": None if b.upper is None else plain(b.upper), "percent": plain(b.rate * HUNDRED)}
        for b in brackets
    ]


def as_periods(rows):
    """Rows oldest first as the ``PayrollPeriod`` values ``payroll.Payroll`` takes."""
    return tuple(row.as_period() for row in rows)


class PayrollParametersQuerySet(models.QuerySet):
    def oldest_first(self):
        return self.order_by("effective_from")

    def periods(self):
        """Every period, oldest first, as ``PayrollPeriod`` values (one query): what
        ``payroll.Payroll`` takes. A row whose tariff cannot be read counts as missing it."""
        return as_periods(self.oldest_first())


def _percent_field(label, help_text):
    return models.DecimalField(
        label, max_digits=7, decimal_places=4, null=True, blank=True, help_text=help_text
    )


def _source_field():
    return models.TextField(
        _("source"),
        blank=True,
        help_text=_("Where this number comes from: the Official Gazette, the law, GİB's tariff."),
    )


class PayrollParameters(models.Model):
    """The employee-side payroll rules from a date until the next row's: what turns a gross
    monthly wage into the net one, and back."""

    effective_from = models.DateField(
        _("in force from"),
        unique=True,
        help_text=_(
            "The first day of a month: 1 January for a new year, or the month a new minimum "
            "wage starts (1 July 2023)."
        ),
    )
    minimum_wage_gross = models.DecimalField(
        _("gross minimum wage"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Monthly, in TL: the base of the minimum-wage exemption and the ceiling."),
    )
    minimum_wage_gross_source = _source_field()
    minimum_wage_net = models.DecimalField(
        _("net minimum wage"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The official net, kept to check the arithmetic against it."),
    )
    minimum_wage_net_source = _source_field()
    sgk_employee_percent = _percent_field(
        _("employee's social security share (%)"), _("E.g. 14 (9 pension + 5 health).")
    )
    sgk_employee_source = _source_field()
    unemployment_employee_percent = _percent_field(
        _("employee's unemployment insurance share (%)"), _("E.g. 1.")
    )
    unemployment_employee_source = _source_field()
    sgk_ceiling_multiple = models.DecimalField(
        _("social security ceiling (× gross minimum wage)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The shares are taken on at most this many gross minimum wages: 7,5 or 9."),
    )
    sgk_ceiling_source = _source_field()
    wage_brackets = models.JSONField(
        _("income tax brackets for wages"),
        null=True,
        blank=True,
        help_text=_("Cumulative yearly limits and rates; the same all year."),
    )
    wage_brackets_source = _source_field()
    stamp_tax_percent = _percent_field(_("stamp tax (%)"), _("Per mille 7,59 is 0,759 %."))
    stamp_tax_source = _source_field()
    minimum_wage_exemption = models.BooleanField(
        _("minimum-wage exemption"),
        null=True,
        blank=True,
        help_text=_(
            "Yes: the income tax and stamp tax on the minimum wage are not charged (since 2022)."
        ),
    )
    minimum_wage_exemption_source = _source_field()

    objects = PayrollParametersQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("payroll rules")
        verbose_name_plural = _("payroll rules")
        constraints = [
            models.CheckConstraint(
                condition=(Q(minimum_wage_gross__isnull=True) | Q(minimum_wage_gross__gt=0))
                & (Q(minimum_wage_net__isnull=True) | Q(minimum_wage_net__gt=0))
                & (Q(sgk_ceiling_multiple__isnull=True) | Q(sgk_ceiling_multiple__gt=0)),
                name="salaries_payroll_amounts_positive",
                violation_error_message=_("Amounts must be greater than zero."),
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True})
                    | (Q(**{f"{name}__gte": 0}) & Q(**{f"{name}__lte": 100})),
                    name=f"salaries_payroll_{name}_range",
                    violation_error_message=_("A percentage is between 0 and 100."),
                )
                for name in PERCENTS
            ),
        ]

    def __str__(self):
        return gettext("Payroll rules from %(date)s") % {
            "date": turkish.format_date(self.effective_from)
        }

    def tariff(self):
        """The stored tariff as ``Bracket`` rows, or None when empty or unreadable."""
        try:
            return brackets_from_json(self.wage_brackets)
        except (KeyError, TypeError, ValueError, InvalidOperation):
            return None

    def as_period(self):
        """This row as the pure module's ``PayrollPeriod`` (percentages become fractions)."""
        values = {"effective_from": self.effective_from}
        for field, source, name in NUMBERS:
            value = getattr(self, field)
            if field in PERCENTS and value is not None:
                value = value / HUNDRED
            elif field == "wage_brackets":
                value = self.tariff()
            values[name], values[f"{name}_source"] = value, getattr(self, source)
        return PayrollPeriod(**values)

    def clean(self):
        super().clean()
        errors = {}
        if self.effective_from and self.effective_from.day != 1:
            errors["effective_from"] = gettext("Payroll rules start on the first day of a month.")
        for field, source, _name in NUMBERS:
            if getattr(self, field) is not None and not getattr(self, source).strip():
                errors[source] = gettext("Say where this number comes from.")
        if None not in (self.minimum_wage_net, self.minimum_wage_gross) and (
            self.minimum_wage_net > self.minimum_wage_gross
        ):
            errors["minimum_wage_net"] = gettext("The net figure cannot be higher than the gross.")
        if self.wage_brackets is not None:
            tariff = self.tariff()
            problems = tariff_errors(tariff) if tariff is not None else [gettext("Unreadable.")]
            if problems:
                errors["wage_brackets"] = problems
            elif self.effective_from:
                errors.update(self._same_tariff_all_year(tariff))
        if errors:
            raise ValidationError(errors)

    def _same_tariff_all_year(self, tariff):
        """The tariff is yearly: another period of the same year must not differ (one query)."""
        others = PayrollParameters.objects.filter(
            effective_from__year=self.effective_from.year, wage_brackets__isnull=False
        ).exclude(pk=self.pk)
        for other in others:
            if other.tariff() not in (None, tariff):
                return {
                    "wage_brackets": gettext(
                        "The income tax tariff is yearly: the rules from %(date)s have a "
                        "different one. Change both."
                    )
                    % {"date": turkish.format_date(other.effective_from)}
                }
        return {}
