"""Net and gross pay, both ways, to the kuruş, the way a Turkish payslip computes them.

Why a pure module: the same arithmetic serves the article, the cards, the salary list, the
comparison, the API/CSV and the calculator page, and it must be checked against official
figures without a database. It imports nothing from Django; the rules come in as
`PayrollPeriod` rows (payroll_params.PERIODS by default, the admin's table later).

How a payslip computes a month (all amounts rounded half up to the kuruş, each deduction on
its own, as payslips and GİB's published exemption amounts do - 4.211,325 -> 4.211,33):
  SGK and unemployment shares on the gross, at most the ceiling (daily minimum wage x
  multiple, rounded, x 30); the month's income tax base is the gross less both; the month's
  income tax is the yearly tariff on the cumulative base through this month less the tariff on
  the cumulative base before it; stamp tax on the whole gross. The minimum-wage exemption is
  the same income tax computed on the minimum wage's own base (cumulatively) and the stamp tax
  on the minimum wage, each capped at the employee's own tax of the month (a part-timer below
  the minimum wage pays none). Unless told otherwise (`earlier`), every earlier month of the
  year paid the same gross.

Net to gross is a search on whole kuruş, never a formula: of the grosses that pay the asked
net (rounding makes neighbours pay the same), the one nearest to what the rates alone give;
payroll_search.py says exactly which, and why the official minimum wages come back from their
nets in every month. Every whole-kuruş net is paid by some gross; a net with a fraction of a
kuruş, a negative one or one above what 100 million TL gross pays is refused (ValueError).
"""

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from math import lcm

from .payroll_params import PERIODS, PayrollPeriod
from .payroll_search import MAX_KURUS, Envelope, nearest_gross_paying


class PayrollRulesMissing(LookupError):
    """No complete payroll rules for the asked month (the editor must fill them in)."""


@dataclass(frozen=True)
class BracketSlice:
    """The part of this month's income tax base that fell in one bracket of the tariff."""

    number: int  # 1-based, as the tariff counts them
    rate: Decimal
    lower: Decimal
    upper: Decimal | None
    amount: Decimal


@dataclass(frozen=True)
class Breakdown:
    """One month's payslip, with the rules it applied (`rules` carries their sources)."""

    year: int
    month: int
    rules: PayrollPeriod
    gross: Decimal
    sgk_ceiling: Decimal
    ceiling_applied: bool
    sgk: Decimal
    unemployment: Decimal
    tax_base: Decimal
    cumulative_tax_base: Decimal
    income_tax: Decimal  # before the minimum-wage exemption
    income_tax_exemption: Decimal
    income_tax_exemption_capped: bool  # the employee's tax was below the minimum wage's
    minimum_wage_cumulative_base: Decimal  # the exemption's own cumulative base
    stamp_tax: Decimal  # before the exemption
    stamp_tax_exemption: Decimal
    stamp_tax_exemption_capped: bool
    net: Decimal
    brackets: tuple[BracketSlice, ...]

    @property
    def income_tax_due(self):
        return self.income_tax - self.income_tax_exemption

    @property
    def stamp_tax_due(self):
        return self.stamp_tax - self.stamp_tax_exemption


def _half_up(numerator, denominator):
    return (2 * numerator + denominator) // (2 * denominator)


def _ratio(rate):
    fraction = Fraction(rate)
    return fraction.numerator, fraction.denominator


def _tl(kurus):
    return Decimal(kurus).scaleb(-2)


def _kurus(amount, what):
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(f"{what} must be a Decimal or int amount in TL, not {amount!r}")
    value = Decimal(amount) * 100
    if not value.is_finite() or value != value.to_integral_value():
        raise ValueError(f"{what} must be a whole number of kuruş: {amount}")
    if not 0 <= value <= MAX_KURUS:
        raise ValueError(f"{what} must be between 0 and {_tl(MAX_KURUS)} TL: {amount}")
    return int(value)


@dataclass(frozen=True)
class _Month:
    rules: PayrollPeriod
    spec: int  # index into _Year.specs: (ceiling, SGK ratio, unemployment ratio)
    stamp: tuple[int, int]
    min_cumulative: int  # the minimum wage's cumulative tax base through this month
    exempt_tax: int
    exempt_stamp: int
    exact_exempt_tax: Fraction  # the same exemptions without kuruş rounding, for the search
    exact_exempt_stamp: Fraction


class _Year:
    """One calendar year's rules in integer kuruş, shaped for speed."""

    def __init__(self, year, periods):
        # Only the year's own periods: a year without its rules is refused, not guessed from
        # the year before (the tariff and the minimum wage are set anew every year).
        starts = [p for p in periods if p.effective_from.year == year]
        chosen = []
        for month in range(1, 13):
            current = [p for p in starts if p.effective_from <= date(year, month, 1)]
            if not current:
                raise PayrollRulesMissing(f"No payroll rules for {month:02}/{year}")
            rules = max(current, key=lambda p: p.effective_from)
            if rules.missing():
                raise PayrollRulesMissing(
                    f"Payroll rules from {rules.effective_from} lack {', '.join(rules.missing())}"
                )
            chosen.append(rules)
        tariffs = {rules.wage_brackets for rules in chosen}
        if len(tariffs) != 1:
            raise ValueError(f"The income tax tariff of {year} must be the same all year")
        (tariff,) = tariffs
        self.scale = lcm(*(Fraction(b.rate).denominator for b in tariff))
        self.rates = [int(b.rate * self.scale) for b in tariff]
        self.uppers = [int(b.upper * 100) for b in tariff if b.upper is not None]
        self.tariff = tariff
        self.at_upper = [0]  # scaled tariff at each bracket's lower bound
        for j, upper in enumerate(self.uppers):
            lower = self.uppers[j - 1] if j else 0
            self.at_upper.append(self.at_upper[-1] + self.rates[j] * (upper - lower))
        self.specs, self.months = [], []
        min_cumulative, exact_cumulative = 0, Fraction(0)  # the minimum wage's, as payslips
        for rules in chosen:  # compute them and without rounding (for the search)
            minimum = _kurus(rules.minimum_wage_gross, "minimum wage")
            daily = Fraction(minimum, 30) * Fraction(rules.sgk_ceiling_multiple)
            ceiling = 30 * _half_up(daily.numerator, daily.denominator)
            shares = _ratio(rules.sgk_employee_rate), _ratio(rules.unemployment_employee_rate)
            spec = (ceiling, *shares)
            if spec not in self.specs:
                self.specs.append(spec)
            stamp = _ratio(rules.stamp_tax_rate)
            before, min_cumulative = min_cumulative, min_cumulative + self.parts(spec, minimum)[2]
            exact_before = exact_cumulative
            exact_cumulative += minimum - sum(Fraction(*share) for share in shares) * min(
                minimum, ceiling
            )
            exempt = (
                self.tax(before, min_cumulative),
                _half_up(minimum * stamp[0], stamp[1]),
                Fraction(self.scaled_tariff(exact_cumulative) - self.scaled_tariff(exact_before))
                / self.scale,
                Fraction(*stamp) * minimum,
            )
            if not rules.minimum_wage_exemption:
                exempt = (0, 0, Fraction(0), Fraction(0))
            spec_index = self.specs.index(spec)
            self.months.append(_Month(rules, spec_index, stamp, min_cumulative, *exempt))
        # With the same gross all year, month m's earlier base is a sum over few specs.
        self.earlier = [
            tuple(Counter(mo.spec for mo in self.months[:m]).items()) for m in range(12)
        ]

    @staticmethod
    def parts(spec, gross):
        """SGK share, unemployment share and tax base of one month's gross."""
        ceiling, (sn, sd), (un, ud) = spec
        insured = gross if gross < ceiling else ceiling
        sgk = (2 * insured * sn + sd) // (2 * sd)
        unemployment = (2 * insured * un + ud) // (2 * ud)
        return sgk, unemployment, gross - sgk - unemployment

    def scaled_tariff(self, base):
        j = bisect_left(self.uppers, base)
        return self.at_upper[j] + self.rates[j] * (base - (self.uppers[j - 1] if j else 0))

    def tax(self, before, through):
        return _half_up(self.scaled_tariff(through) - self.scaled_tariff(before), self.scale)

    def base_before(self, gross, m):
        parts = self.parts
        return sum(n * parts(self.specs[s], gross)[2] for s, n in self.earlier[m])

    def net(self, gross, m, before=None):
        """Month m's (0-11) net in kuruş; `before`: the cumulative base of earlier months."""
        mo = self.months[m]
        if before is None:
            before = self.base_before(gross, m)
        base = self.parts(self.specs[mo.spec], gross)[2]
        tax = self.tax(before, before + base) - mo.exempt_tax
        stamp = _half_up(gross * mo.stamp[0], mo.stamp[1]) - mo.exempt_stamp
        return base - (tax if tax > 0 else 0) - (stamp if stamp > 0 else 0)

    def nets(self, gross):
        """The twelve nets in kuruş when the same gross is paid every month."""
        bases = [self.parts(spec, gross)[2] for spec in self.specs]
        nets, before = [], 0
        for m in range(12):
            nets.append(self.net(gross, m, before))
            before += bases[self.months[m].spec]
        return nets

    def average(self, gross):
        return _half_up(sum(self.nets(gross)), 12)


def _month(month):
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12: {month!r}")
    return month


class Payroll:
    """The arithmetic over one set of rules (`periods`: PayrollPeriod rows, in any order).

    Amounts go in and come out as Decimal TL in whole kuruş. `earlier`, where taken, lists the
    grosses paid in the earlier months of the same year (January first); without it every
    earlier month paid the same gross as the asked one."""

    def __init__(self, periods=PERIODS):
        self.periods = tuple(periods)
        self._years = {}
        self._envelope = lru_cache(maxsize=1024)(self._new_envelope)

    def _year(self, year):
        if year not in self._years:
            self._years[year] = _Year(year, self.periods)
        return self._years[year]

    def _new_envelope(self, year, months, fixed_before):
        return Envelope(self._year(year), months, fixed_before)

    def _before(self, yr, month, earlier):
        if earlier is None:
            return None
        earlier = list(earlier)
        if len(earlier) != month - 1:
            raise ValueError(f"earlier must list the {month - 1} grosses before month {month}")
        return sum(
            yr.parts(yr.specs[yr.months[i].spec], _kurus(gross, "earlier gross"))[2]
            for i, gross in enumerate(earlier)
        )

    def rules_for(self, year, month):
        """The PayrollPeriod (with its sources) that governs a month."""
        return self._year(year).months[_month(month) - 1].rules

    def net(self, gross, year, month, *, earlier=None):
        yr = self._year(year)
        before = self._before(yr, _month(month), earlier)
        return _tl(yr.net(_kurus(gross, "gross"), month - 1, before))

    def gross_for_net(self, net, year, month, *, earlier=None):
        """The gross that pays exactly `net` that month, nearest to what the rates alone give
        (payroll_search.py)."""
        yr = self._year(year)
        before = self._before(yr, _month(month), earlier)
        target = _kurus(net, "net")
        start = self._envelope(year, (month - 1,), before).first_reaching(target)
        return _tl(nearest_gross_paying(lambda g: yr.net(g, month - 1, before), target, start))

    def unrounded_net(self, gross, year, month, *, earlier=None):
        """The month's net at the exact rates, without kuruş rounding (a Fraction of TL): what
        the search aims at."""
        yr = self._year(year)
        before = self._before(yr, _month(month), earlier)
        value = self._envelope(year, (month - 1,), before).value(_kurus(gross, "gross"))
        return value / 100

    def breakdown(self, gross, year, month, *, earlier=None):
        yr = self._year(year)
        kurus = _kurus(gross, "gross")
        before = self._before(yr, _month(month), earlier)
        if before is None:
            before = yr.base_before(kurus, month - 1)
        return self._breakdown(yr, year, month, kurus, before)

    def year_table(self, gross, year):
        """Twelve payslips: `gross` is one amount paid every month, or twelve amounts."""
        grosses = [gross] * 12 if isinstance(gross, Decimal | int) else list(gross)
        if len(grosses) != 12:
            raise ValueError("year_table needs one gross or twelve")
        yr, rows, before = self._year(year), [], 0
        for month, amount in enumerate(grosses, 1):
            rows.append(self._breakdown(yr, year, month, _kurus(amount, "gross"), before))
            before += _kurus(rows[-1].tax_base, "tax base")
        return tuple(rows)

    def net_agreed_year(self, net, year):
        """Twelve payslips when the same net is paid every month: each month's gross is found
        given the grosses actually paid before it (what a net-pay agreement costs)."""
        grosses = []
        for month in range(1, 13):
            grosses.append(self.gross_for_net(net, year, month, earlier=grosses))
        return self.year_table(grosses, year)

    def average_net(self, gross, year):
        """The year's average monthly net (total of twelve nets / 12, to the kuruş) when the
        same gross is paid every month."""
        return _tl(self._year(year).average(_kurus(gross, "gross")))

    def gross_for_average_net(self, net, year):
        """The gross paid every month whose yearly average net is exactly `net`, chosen as
        gross_for_net chooses."""
        target = _kurus(net, "net")
        start = self._envelope(year, tuple(range(12)), None).first_reaching(target)
        return _tl(nearest_gross_paying(self._year(year).average, target, start))

    @staticmethod
    def _breakdown(yr, year, month, gross, before):
        mo = yr.months[month - 1]
        ceiling = yr.specs[mo.spec][0]
        sgk, unemployment, base = yr.parts(yr.specs[mo.spec], gross)
        through = before + base
        tax = yr.tax(before, through)
        stamp = _half_up(gross * mo.stamp[0], mo.stamp[1])
        tax_exemption, stamp_exemption = min(tax, mo.exempt_tax), min(stamp, mo.exempt_stamp)
        slices, lowers = [], [0, *yr.uppers]
        for number, (bracket, lower) in enumerate(zip(yr.tariff, lowers, strict=True), 1):
            upper = yr.uppers[number - 1] if number <= len(yr.uppers) else None
            low, high = max(before, lower), through if upper is None else min(through, upper)
            if high > low:
                top = None if upper is None else _tl(upper)
                slices.append(BracketSlice(number, bracket.rate, _tl(lower), top, _tl(high - low)))
        return Breakdown(
            year=year,
            month=month,
            rules=mo.rules,
            gross=_tl(gross),
            sgk_ceiling=_tl(ceiling),
            ceiling_applied=gross > ceiling,
            sgk=_tl(sgk),
            unemployment=_tl(unemployment),
            tax_base=_tl(base),
            cumulative_tax_base=_tl(through),
            income_tax=_tl(tax),
            income_tax_exemption=_tl(tax_exemption),
            income_tax_exemption_capped=tax < mo.exempt_tax,
            minimum_wage_cumulative_base=_tl(mo.min_cumulative),
            stamp_tax=_tl(stamp),
            stamp_tax_exemption=_tl(stamp_exemption),
            stamp_tax_exemption_capped=stamp < mo.exempt_stamp,
            net=_tl(base - (tax - tax_exemption) - (stamp - stamp_exemption)),
            brackets=tuple(slices),
        )


DEFAULT = Payroll()
rules_for = DEFAULT.rules_for
net = DEFAULT.net
gross_for_net = DEFAULT.gross_for_net
breakdown = DEFAULT.breakdown
year_table = DEFAULT.year_table
net_agreed_year = DEFAULT.net_agreed_year
average_net = DEFAULT.average_net
gross_for_average_net = DEFAULT.gross_for_average_net
