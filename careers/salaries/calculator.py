"""The net <-> gross calculator (``/maaslar/net-brut/``): its form, the month-by-month payslips
and the year's rules they apply, shaped for the template.

A plain GET form (it works with JavaScript off and every answer has an address, so the page
cache keeps it; ``static/js/net-brut.js`` only fetches the same address as the reader types).
Three readings of an amount: a gross paid every month; a net that is the year's monthly
average (how the site converts salary figures, ``conversion.py``); a net paid every month (a
net-pay agreement: the gross then climbs through the year). Amounts are read with
``careers.turkish.parse_amount``; every refusal is a Turkish message next to its field.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from careers import turkish

from .payroll import PayrollRulesMissing
from .payroll_models import plain

PARAMS = ("tutar", "tur", "yil")
GROSS, NET_AVERAGE, NET_FIXED = "brut", "net", "net-sabit"
KINDS = [
    (GROSS, gettext_lazy("Gross, the same every month")),
    (NET_AVERAGE, gettext_lazy("Net, the year's monthly average (as the site's figures)")),
    (NET_FIXED, gettext_lazy("Net, the same every month (a net-pay agreement)")),
]
#: Where each payslip line's rule is explained on the page (the table's headers link there).
ANCHORS = {
    "minimum_wage": "kural-asgari-ucret",
    "sgk": "kural-sgk",
    "unemployment": "kural-issizlik",
    "ceiling": "kural-tavan",
    "income_tax": "kural-gelir-vergisi",
    "stamp_tax": "kural-damga-vergisi",
    "exemption": "kural-istisna",
}


class NetGrossForm(forms.Form):
    tutar = forms.CharField(
        label=gettext_lazy("Monthly amount (TL)"),
        required=False,
        max_length=40,
        help_text=gettext_lazy("For example 45.000 or 45.000,50."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    tur = forms.ChoiceField(
        label=gettext_lazy("The amount is"), choices=KINDS, required=False, widget=forms.RadioSelect
    )
    yil = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, required=False)

    def __init__(self, data, *, years, default_year):
        super().__init__(data, initial={"tur": GROSS, "yil": default_year})
        self.default_year = default_year
        self.fields["yil"].choices = [(year, str(year)) for year in sorted(years, reverse=True)]
        self.fields["yil"].error_messages["invalid_choice"] = _(
            "There are payroll rules for these years only: %(years)s."
        ) % {"years": ", ".join(str(year) for year in sorted(years))}

    def clean_tutar(self):
        text = self.cleaned_data.get("tutar", "")
        try:
            amount = turkish.parse_amount(text)
        except turkish.AmountError as error:
            raise forms.ValidationError(str(error)) from None
        if amount is None:
            return None
        if amount <= 0:
            raise forms.ValidationError(_("Enter an amount greater than zero."))
        if amount > LARGEST:
            raise forms.ValidationError(
                _("Enter at most %(largest)s a month.") % {"largest": turkish.format_money(LARGEST)}
            )
        if amount.as_tuple().exponent < -2:
            raise forms.ValidationError(_("An amount has at most two decimals (kuruş)."))
        return amount

    def clean_tur(self):
        return self.cleaned_data.get("tur") or GROSS

    def clean_yil(self):
        return self.cleaned_data.get("yil") or self.default_year

    def calculate(self, converter):
        """The :class:`Result` for a valid amount, or None (an empty form, or errors added to
        the form)."""
        if not self.is_bound or not self.is_valid() or self.cleaned_data["tutar"] is None:
            return None
        amount, kind, year = (self.cleaned_data[name] for name in PARAMS)
        if not converter.usable(year):
            self.add_error("yil", no_rules_message(year, converter))
            return None
        payroll = converter.payroll
        try:
            if kind == GROSS:
                slips = payroll.year_table(amount, year)
            elif kind == NET_AVERAGE:
                slips = payroll.year_table(payroll.gross_for_average_net(amount, year), year)
            else:
                slips = payroll.net_agreed_year(amount, year)
        except (ValueError, PayrollRulesMissing):
            self.add_error("tutar", _("No gross up to 100.000.000 TL a month pays that net."))
            return None
        return Result(kind, amount, year, slips)


LARGEST = Decimal(10_000_000)


def no_rules_message(year, converter):
    return _(
        "There are no payroll rules for %(year)s on the site yet, so it cannot be computed. "
        "Years with rules: %(years)s."
    ) % {"year": year, "years": ", ".join(str(y) for y in converter.complete_years())}


@dataclass(frozen=True)
class Result:
    kind: str
    amount: Decimal
    year: int
    slips: tuple

    def total(self, name):
        return sum((getattr(slip, name) for slip in self.slips), Decimal(0))

    @property
    def totals(self):
        names = ("gross", "sgk", "unemployment", "tax_base", "income_tax", "income_tax_exemption")
        names += ("stamp_tax", "stamp_tax_exemption", "net")
        return {name: self.total(name) for name in names}

    @property
    def rows(self):
        """``(month name, payslip, [(anchor, "%15"), ...])``: the brackets each month's income
        tax falls in, linked to their line of the tariff."""
        return [
            (
                turkish.MONTHS[slip.month - 1],
                slip,
                [(f"{ANCHORS['income_tax']}-{b.number}", _percent(b.rate)) for b in slip.brackets],
            )
            for slip in self.slips
        ]

    @property
    def average_net(self):
        return (self.total("net") / 12).quantize(Decimal("0.01"))

    @property
    def summary(self):
        first, last = self.slips[0], self.slips[-1]
        values = {
            "amount": turkish.format_money(self.amount, 2),
            "year": self.year,
            "gross": turkish.format_money(first.gross, 2),
            "average": turkish.format_money(self.average_net, 2),
            "january": turkish.format_money(first.gross, 2),
            "december": turkish.format_money(last.gross, 2),
        }
        if self.kind == GROSS:
            return (
                _(
                    "%(amount)s gross every month of %(year)s pays %(average)s net on average a "
                    "month, with the %(year)s rules."
                )
                % values
            )
        if self.kind == NET_AVERAGE:
            return (
                _(
                    "A net of %(amount)s as the monthly average of %(year)s takes %(gross)s gross "
                    "every month, with the %(year)s rules."
                )
                % values
            )
        return (
            _(
                "A net of %(amount)s every month of %(year)s takes %(january)s gross in January "
                "and %(december)s in December, with the %(year)s rules."
            )
            % values
        )


# --- The year's rules, as the page lists them ------------------------------------------------


@dataclass(frozen=True)
class Rule:
    anchor: str
    title: str
    values: list
    sources: list
    brackets: tuple = ()


def _percent(rate):
    return "%" + plain(rate * 100).replace(".", ",")


def _values(periods, show, several):
    """One value for the year when every period has the same, else each with its start."""
    shown = [show(period) for period in periods]
    if not several or len(set(shown)) == 1:
        return shown[:1]
    return [
        _("%(value)s (from %(date)s)")
        % {"value": value, "date": turkish.format_date(period.effective_from)}
        for value, period in zip(shown, periods, strict=True)
    ]


def _sources(periods, name):
    return list(dict.fromkeys(getattr(p, f"{name}_source") for p in periods if p))


def year_rules(converter, year):
    """The rules of ``year`` (``Rule`` values, in payslip order) with their sources; empty for
    a year without any."""
    periods = sorted(
        (p for p in converter.payroll.periods if p.effective_from.year == year),
        key=lambda p: p.effective_from,
    )
    if not periods:
        return []
    several = len(periods) > 1
    missing = _("not entered yet")

    def number(name, show):
        return lambda p: missing if getattr(p, name) is None else show(getattr(p, name))

    def ceiling(period):
        if None in (period.sgk_ceiling_multiple, period.minimum_wage_gross):
            return missing
        values = {"multiple": turkish.format_number(period.sgk_ceiling_multiple)}
        if converter.usable(year):
            month = period.effective_from.month
            amount = converter.payroll.breakdown(Decimal(0), year, month).sgk_ceiling
            values["amount"] = turkish.format_money(amount, 2)
            return _("%(multiple)s times the gross minimum wage: %(amount)s a month") % values
        return _("%(multiple)s times the gross minimum wage") % values

    def exemption(value):
        if value:
            return _("yes: no income tax or stamp tax on the minimum wage's part")
        return _("no")

    money = number("minimum_wage_gross", lambda v: turkish.format_money(v, 2))
    net = number("minimum_wage_net", lambda v: turkish.format_money(v, 2))
    rules = [
        Rule(
            ANCHORS["minimum_wage"],
            _("Minimum wage, gross (net)"),
            [
                f"{a} ({b})"
                for a, b in zip(
                    _values(periods, money, several), _values(periods, net, several), strict=False
                )
            ],
            _sources(periods, "minimum_wage_gross"),
        ),
        Rule(
            ANCHORS["sgk"],
            _("Employee's social security share"),
            _values(periods, number("sgk_employee_rate", _percent), several),
            _sources(periods, "sgk_employee_rate"),
        ),
        Rule(
            ANCHORS["unemployment"],
            _("Employee's unemployment insurance share"),
            _values(periods, number("unemployment_employee_rate", _percent), several),
            _sources(periods, "unemployment_employee_rate"),
        ),
        Rule(
            ANCHORS["ceiling"],
            _("Social security ceiling"),
            _values(periods, ceiling, several),
            _sources(periods, "sgk_ceiling_multiple"),
        ),
        Rule(
            ANCHORS["income_tax"],
            _("Income tax on wages (cumulative through the year)"),
            [] if periods[0].wage_brackets else [missing],
            _sources(periods, "wage_brackets"),
            brackets=_brackets(periods[0].wage_brackets or ()),
        ),
        Rule(
            ANCHORS["stamp_tax"],
            _("Stamp tax"),
            _values(periods, number("stamp_tax_rate", _percent), several),
            _sources(periods, "stamp_tax_rate"),
        ),
        Rule(
            ANCHORS["exemption"],
            _("Minimum-wage exemption"),
            _values(periods, number("minimum_wage_exemption", exemption), several),
            _sources(periods, "minimum_wage_exemption"),
        ),
    ]
    return rules


@dataclass(frozen=True)
class BracketRow:
    number: int
    anchor: str
    text: str
    rate: str


def _brackets(tariff):
    rows, lower = [], None
    for number, bracket in enumerate(tariff, 1):
        values = {
            "lower": turkish.format_money(lower or 0),
            "upper": bracket.upper is not None and turkish.format_money(bracket.upper),
        }
        if bracket.upper is None:
            text = _("above %(lower)s") % values
        elif lower is None:
            text = _("up to %(upper)s") % values
        else:
            text = _("%(lower)s to %(upper)s") % values
        anchor = f"{ANCHORS['income_tax']}-{number}"
        rows.append(BracketRow(number, anchor, text, _percent(bracket.rate)))
        lower = bracket.upper
    return tuple(rows)
