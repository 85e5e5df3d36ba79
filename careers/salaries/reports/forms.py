"""The "Maaşını paylaş" form: city, experience, monthly amount (read by the site's one amount
parser), net or gross, full or part time, the year, optionally the employer's size. No name, no
e-mail, no free text. The signed form time and the honeypot are the comment form's
(:class:`careers.site.formguard.GuardedForm`). Every message is Turkish and names the field;
a refused form is shown again with everything typed.

Field names are the Turkish words readers see in the address bar of the form's own page
(``il``, ``deneyim``, ``tutar``, ...), as the site's other forms use Turkish query words.
"""

from decimal import Decimal
from functools import cache

from django import forms
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from careers import turkish
from careers.site.formguard import TOKEN_MESSAGES, GuardedForm

from .. import rules
from ..models import PayBasis
from . import conf, provinces
from .models import REPORT_BASES, EmployerSize, Employment, Experience

FORM_SALT = "careers.salaries.reports.form"

REPORT_TOKEN_MESSAGES = {
    **TOKEN_MESSAGES,
    "too_fast": gettext_lazy(
        "The form was sent too quickly after the page opened. Please check what you entered "
        "and send it again."
    ),
}


@cache
def province_options():
    """The 81 ``<option>`` elements in Turkish alphabetical order, built once per process (the
    form is in every article; none is selected in a blank form)."""
    return format_html_join("", '<option value="{}">{}</option>', provinces.choices())


def amount_year_choices(today=None):
    """This year and last (in Istanbul): the years a report may be for."""
    year = (today or timezone.localdate()).year
    return [(year, str(year)), (year - 1, str(year - 1))]


class AmountField(forms.Field):
    """A monthly amount typed the Turkish way (``45.000``, ``45.000,50``, ``45000``), read by
    :func:`careers.turkish.parse_amount`; what was typed is shown again as typed."""

    max_length = 30

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        if len(value) > self.max_length:
            raise forms.ValidationError(_("That amount is too large."), code="max")
        try:
            amount = turkish.parse_amount(value)
        except turkish.AmountError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
        if amount is None or amount <= 0:
            raise forms.ValidationError(_("Enter an amount greater than zero."), code="min")
        if amount >= Decimal("1e12"):
            raise forms.ValidationError(_("That amount is too large."), code="max")
        return amount.quantize(Decimal("0.01"))


class ProvinceField(forms.TypedChoiceField):
    """The 81 provinces: the same for every form, so each form's copy of the field shares
    them instead of deep-copying 82 choices (a form is built on every article rendered)."""

    def __deepcopy__(self, memo):
        result = forms.Field.__deepcopy__(self, memo)
        result._choices = self._choices
        return result


class ReportForm(GuardedForm):
    guard_salt = FORM_SALT
    token_messages = REPORT_TOKEN_MESSAGES
    # The article also holds the comment form and its "zaman": this form's token is "imza".
    token_field = "imza"  # noqa: S105 (a field name, not a password)
    zaman = None
    imza = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)

    il = ProvinceField(
        label=gettext_lazy("Province you work in"),
        coerce=int,
        choices=[("", "")] + provinces.choices(),
        error_messages={"required": gettext_lazy("Choose the province you work in.")},
    )
    deneyim = forms.ChoiceField(
        label=gettext_lazy("Years of experience in this occupation"),
        choices=Experience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose your years of experience.")},
    )
    tutar = AmountField(
        label=gettext_lazy("Monthly pay (TL)"),
        help_text=gettext_lazy("Your usual monthly pay, e.g. 45.000 or 45.000,50."),
        error_messages={"required": gettext_lazy("Enter your monthly pay.")},
    )
    net_brut = forms.ChoiceField(
        label=gettext_lazy("Net or gross?"),
        choices=REPORT_BASES,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Net: what you take home; gross: before tax and social security deductions."
        ),
        error_messages={"required": gettext_lazy("Say whether the amount is net or gross.")},
    )
    calisma = forms.ChoiceField(
        label=gettext_lazy("Working time"),
        choices=Employment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Say whether you work full or part time.")},
    )
    yil = forms.TypedChoiceField(
        label=gettext_lazy("The year the amount is for"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose the year the amount is for.")},
    )
    isveren = forms.ChoiceField(
        label=gettext_lazy("Employer size (optional)"),
        choices=[("", gettext_lazy("I'd rather not say"))] + EmployerSize.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, role, rates=(), today=None, **kwargs):
        kwargs.setdefault("auto_id", "maas-%s")
        self.role = role
        self.rates = list(rates)
        super().__init__(*args, **kwargs)
        self.fields["yil"].choices = amount_year_choices(today)
        if not self.is_bound:
            self.initial.setdefault("yil", self.fields["yil"].choices[0][0])
            self.initial.setdefault("isveren", "")

    def guard_subject(self):
        return self.role.pk

    @property
    def privacy(self):
        """What the form's privacy note says (the code's own numbers)."""
        return {
            "days": conf.get("REPORTS_ADDRESS_RETENTION_DAYS"),
            "count": conf.get("REPORTS_MIN_COUNT"),
        }

    def guard_limits(self):
        return conf.get("REPORTS_MIN_FILL_SECONDS"), conf.get("REPORTS_FORM_MAX_AGE")

    def clean(self):
        cleaned = super().clean()
        amount, basis = cleaned.get("tutar"), cleaned.get("net_brut")
        year, employment = cleaned.get("yil"), cleaned.get("calisma")
        if amount is not None and basis and year and employment:
            problem = limit_problem(amount, basis, year, employment, self.rates)
            if problem:
                self.add_error("tutar", problem)
        return cleaned

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"maas-{name}-hata"


def limits(basis, year, employment, rates):
    """``(lowest, highest)`` monthly amount accepted (None: no limit known), against the
    minimum wage of ``year`` of the same basis (net with net, gross with gross): from a share
    of the lowest rate in force that year (``REPORTS_MIN_SHARE_OF_MINIMUM_WAGE`` for full time,
    ``REPORTS_PART_TIME_MIN_SHARE`` for part time) up to
    ``REPORTS_MAX_MULTIPLE_OF_MINIMUM_WAGE`` times the year's rate."""
    lowest_rate = rules.lowest_minimum_wage_in_year(rates, year)
    year_rate = rules.minimum_wage_for_year(rates, year)
    low = high = None
    if lowest_rate is not None:
        setting = (
            "REPORTS_MIN_SHARE_OF_MINIMUM_WAGE"
            if employment == Employment.FULL_TIME
            else "REPORTS_PART_TIME_MIN_SHARE"
        )
        share = Decimal(str(conf.get(setting)))
        low = (rules.minimum_wage_amount(lowest_rate, basis) * share).quantize(Decimal("0.01"))
    if year_rate is not None:
        multiple = Decimal(str(conf.get("REPORTS_MAX_MULTIPLE_OF_MINIMUM_WAGE")))
        high = (rules.minimum_wage_amount(year_rate, basis) * multiple).quantize(Decimal("0.01"))
    return low, high


def limit_problem(amount, basis, year, employment, rates):
    """The Turkish message refusing ``amount``, or None when it is within :func:`limits`."""
    low, high = limits(basis, year, employment, rates)
    words = {
        "amount": turkish.format_money(amount),
        "basis": PayBasis(basis).label,
        "working": Employment(employment).label,
        "year": year,
    }
    if low is not None and amount < low:
        return _(
            "%(amount)s a month is too low for %(working)s work against the %(basis)s minimum "
            "wage of %(year)s: the lowest amount we accept is %(low)s. Check that you entered "
            "the monthly %(basis)s amount."
        ) % {**words, "low": turkish.format_money(low, 2)}
    if high is not None and amount > high:
        return _(
            "%(amount)s a month is more than %(multiple)s times the %(basis)s minimum wage of "
            "%(year)s (at most %(high)s). Did you enter a yearly figure? Enter the monthly "
            "amount."
        ) % {
            **words,
            "multiple": conf.get("REPORTS_MAX_MULTIPLE_OF_MINIMUM_WAGE"),
            "high": turkish.format_money(high),
        }
    return None
