"""Net and gross side by side: every salary figure with a known basis, shown the other way too.

What "≈" means. A band's figure is one monthly amount for a whole year, and the same gross pays
a different net in each month (the income tax base accumulates through the year: more net in
January than in December). The honest reading of such a figure is the year's average, so:

* a **gross** figure G of year Y is shown with the average of the twelve nets G pays in Y
  (``payroll.average_net``: same gross every month, total of the twelve nets / 12);
* a **net** figure N of year Y is shown with the gross which, paid every month of Y, gives
  twelve nets averaging N (``payroll.gross_for_average_net``, exact to the kuruş);

with Y's own rules ("2023 kurallarıyla"). Figures marked "belirtilmemiş" are never converted;
a year without complete payroll rules says so (:attr:`Converted.reason` ``no_rules``) and
never borrows another year's. The methodology page and the calculator
(``/maaslar/net-brut/``) say the same to readers.

Cost per page: the rules are fetched once per rendering (from the cache until they change,
:data:`keys.PAYROLL`); the arithmetic for exactly those rules is kept per process
(:func:`converter_for`), with each year's tables and every figure converted so far, so a page
of 50 cards makes no query per card and a figure seen before costs a dictionary look-up.
"""

import functools
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from careers import turkish
from careers.site.baked import Baked
from careers.site.pagecache import cached, shows

from . import keys
from .payroll import Payroll, PayrollRulesMissing

NET, GROSS = "net", "gross"
OTHER = {NET: GROSS, GROSS: NET}
CENT = Decimal("0.01")
#: Why a figure has no counterpart (``Converted.reason``), as the API and the files say it.
COMPUTED, NO_RULES, OUT_OF_RANGE, UNSPECIFIED = (
    "computed",
    "no_rules",
    "out_of_range",
    "unspecified",
)
#: The figures of a band that are converted.
FIGURES = ("low", "average", "top")
#: Figures kept per process and rules version (a few MB at most).
MEMO_SIZE = 50_000


@dataclass(frozen=True)
class Converted:
    """A figure's counterpart: ``amount`` (Decimal TL, None when it cannot be computed) on
    ``pay_basis`` (the other basis than the figure's), with ``year``'s rules."""

    amount: Decimal | None
    pay_basis: str
    year: int
    figure: Decimal
    reason: str = COMPUTED

    @property
    def text(self):
        """``"≈ 5.882 TL brüt, 2023 kurallarıyla"``, or why there is none."""
        values = {"year": self.year}
        if self.amount is not None:
            values["amount"] = turkish.format_money(self.amount, 0)
            if self.pay_basis == GROSS:
                return _("≈ %(amount)s gross, with the %(year)s rules") % values
            return _("≈ %(amount)s net, with the %(year)s rules") % values
        if self.reason == NO_RULES:
            if self.pay_basis == GROSS:
                return _("gross not shown: no %(year)s payroll rules yet") % values
            return _("net not shown: no %(year)s payroll rules yet") % values
        return ""

    @property
    def short_text(self):
        """``"≈ 5.882 TL brüt"``: where the row already says the year (the salary list)."""
        if self.amount is None:
            return self.text
        values = {"amount": turkish.format_money(self.amount, 0)}
        if self.pay_basis == GROSS:
            return _("≈ %(amount)s gross") % values
        return _("≈ %(amount)s net") % values

    @functools.cached_property
    def calculator_url(self):
        """The calculator with this figure in it: its month-by-month table and the rules (kept
        with the figure: converted figures are kept per process, see :class:`Converter`)."""
        kind = "brut" if self.pay_basis == NET else "net"
        query = {"tutar": turkish.format_number(self.figure).replace(".", ""), "tur": kind}
        return f"{_calculator_path()}?{urlencode({**query, 'yil': self.year})}"

    def html(self, short=False):
        """The counterpart as the pages show it: a link to its calculation, or why there is
        none. ``short``: in rows that say the year, "≈ 5.882 TL brüt" (the link's name keeps
        "2023 kurallarıyla"). Kept per language with the figure: a list of fifty roles shows a
        hundred of them on every render."""
        rendered = self.__dict__.setdefault("rendered_html", {})
        key = (translation.get_language(), short)
        if key not in rendered:
            rendered[key] = self._render_html(short)
        return rendered[key]

    def _render_html(self, short):
        if self.amount is None:
            text = self.text
            return format_html('<span class="converted converted-missing">{}</span>', text)
        if short:
            return format_html(
                '<a class="converted" href="{}" aria-label="{}">{}</a>',
                self.calculator_url,
                self.text,
                self.short_text,
            )
        return format_html('<a class="converted" href="{}">{}</a>', self.calculator_url, self.text)


@functools.cache
def _calculator_path():
    return reverse("salaries:net_gross")


class Converter:
    """The arithmetic over one set of payroll rules (``PayrollPeriod`` values)."""

    def __init__(self, periods):
        self.payroll = Payroll(periods)
        self.years = sorted({period.effective_from.year for period in periods})
        self._usable = {}
        self.convert = functools.lru_cache(maxsize=MEMO_SIZE)(self._convert)

    def usable(self, year):
        """Whether ``year`` has complete, consistent rules for all its months."""
        if year not in self._usable:
            try:
                self.payroll.rules_for(year, 12)
                self._usable[year] = True
            except (PayrollRulesMissing, ValueError):
                self._usable[year] = False
        return self._usable[year]

    def complete_years(self):
        return [year for year in self.years if self.usable(year)]

    def _convert(self, figure, pay_basis, year):
        """The counterpart of ``figure`` (a monthly amount of ``year`` on ``pay_basis``), or
        None when the basis is unspecified or there is no figure."""
        if figure is None or pay_basis not in OTHER:
            return None
        figure = Decimal(figure).quantize(CENT)
        other = OTHER[pay_basis]
        if not self.usable(year):
            return Converted(None, other, year, figure, NO_RULES)
        try:
            if pay_basis == NET:
                amount = self.payroll.gross_for_average_net(figure, year)
            else:
                amount = self.payroll.average_net(figure, year)
        except ValueError:  # negative, or beyond 100 million TL a month
            return Converted(None, other, year, figure, OUT_OF_RANGE)
        return Converted(amount, other, year, figure)

    def attach(self, bands):
        """Set ``band.converted_low``, ``converted_average`` and ``converted_top`` (a
        :class:`Converted` or None) on each band; returns ``bands``."""
        for band in bands:
            for name in FIGURES:
                value = self.convert(getattr(band, name), band.pay_basis, band.year)
                setattr(band, f"converted_{name}", value)
        return bands

    def columns(self, figures, pay_basis, year):
        """The open data's columns for one band or latest figure: ``{"<figure>_net": ..,
        "<figure>_gross": .., "conversion": ..}`` for each of ``figures`` (``{"average":
        Decimal, ...}``): the figure itself on its basis, the computed counterpart on the other
        (None when it cannot be computed), and why (``computed``, ``no_rules``,
        ``out_of_range`` or ``unspecified``)."""
        columns, reasons = {}, set()
        for name, figure in figures.items():
            converted = self.convert(figure, pay_basis, year)
            own = figure if pay_basis in OTHER else None
            columns[f"{name}_net"] = own if pay_basis == NET else None
            columns[f"{name}_gross"] = own if pay_basis == GROSS else None
            if converted is not None:
                columns[f"{name}_{converted.pay_basis}"] = converted.amount
                reasons.add(converted.reason)
        if pay_basis not in OTHER:
            columns["conversion"] = UNSPECIFIED
        else:
            columns["conversion"] = next(
                (r for r in (NO_RULES, OUT_OF_RANGE) if r in reasons), COMPUTED
            )
        return columns


@functools.lru_cache(maxsize=4)
def converter_for(periods):
    """The :class:`Converter` of these exact rules, kept per process (a new version of the
    rules makes a new one)."""
    return Converter(periods)


def fetch_periods():
    """The payroll rules as ``PayrollPeriod`` values: from the cache until they change
    (one query otherwise)."""
    return cached("salaries:payroll-rules", [keys.PAYROLL], _periods)


def _payroll_rows():
    from .models import PayrollParameters  # the models import this module

    return PayrollParameters.objects.oldest_first()


#: ``PayrollParameters.objects.periods()``'s query, baked (careers/site/baked.py).
_PAYROLL_ROWS = Baked(_payroll_rows)


def _periods():
    from .payroll_models import as_periods

    return as_periods(_PAYROLL_ROWS())


def converter(request=None):
    """The converter of the current rules; ``request``'s page then shows the payroll key (it
    is rendered again when the rules change)."""
    if request is not None:
        shows(request, keys.PAYROLL)
    return converter_for(fetch_periods())
