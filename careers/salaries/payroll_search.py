"""Net to gross: which gross, among the several that pay the same net, and how to find it fast.

Why its own module: `payroll.py` computes payslips; this decides the inverse, which needs a
rule as much as an algorithm. Kuruş rounding makes neighbouring grosses pay the same net
(13.414,49, 13.414,50 and, from September, 13.414,51 all pay 11.402,32 in 2023), and with the
same gross all year a late month's net can even fall as the gross rises (the year's whole base
climbs into the next bracket at once). The rule:

  Let g* be the first gross at which the UNROUNDED net (shares, taxes and the minimum-wage
  exemptions all at their exact rates, no kuruş rounding anywhere) reaches the asked net,
  rounded up to the kuruş: what the rates alone give. The answer is the gross nearest to g*
  whose payslip pays exactly the asked net; of two equally near, the larger.

This gives every official minimum wage back from its net, in every month (the decree fixes
the gross; g* is the gross the net came from), and always has an answer: a kuruş more gross
never raises the net by more than a kuruş (its shares and taxes never fall by more than they
rise), so every whole-kuruş net between 0 and the largest supported gross's is paid by some
gross. The unrounded net is piecewise linear in the gross, so g* is exact (fractions, at its
kinks); the real net stays within a few kuruş of it, so the answer is found close by.
"""

from bisect import bisect_left
from collections import Counter
from fractions import Fraction

MAX_KURUS = 10**10  # 100 million TL a month: far above 50 x any minimum wage here


class Envelope:
    """The unrounded net of one month (or the average of several) as a function of the gross,
    given its values at every kink. `year` is a payroll._Year; `fixed_before` is the cumulative
    tax base of earlier months when their grosses are known (None: same gross all year)."""

    def __init__(self, year, months, fixed_before=None):
        self.year, self.months, self.fixed_before = year, tuple(months), fixed_before
        self._piece_cache = {}
        self.xs = sorted(set().union(*(self._kinks(m) for m in self.months)))
        self.fs = [self.value(g) for g in self.xs]
        # The running maximum finds the FIRST crossing; kept as integer pairs (and floats for a
        # first guess) because this runs on every conversion.
        self.peaks, peak = [], self.fs[0]
        for value in self.fs:
            peak = max(peak, value)
            self.peaks.append((peak.numerator, peak.denominator))
        self.float_peaks = [numerator / denominator for numerator, denominator in self.peaks]
        self.segments = [None]  # the crossing of segment j at `level` is A + (level S - R) B / D
        for x0, x1, f0, f1 in zip(self.xs, self.xs[1:], self.fs, self.fs[1:], strict=False):
            inverse_slope = (x1 - x0) / (f1 - f0) if f1 != f0 else Fraction(0)
            q, v, u = x0.denominator, inverse_slope.denominator, inverse_slope.numerator
            s = f0.denominator
            self.segments.append((x0.numerator * s * v, s, f0.numerator, u * q, q * s * v))

    def value(self, gross):
        """The unrounded net in kuruş (a Fraction) at a gross in kuruş."""
        values = [self._month_value(m, Fraction(gross)) for m in self.months]
        return sum(values) / len(values)

    def first_reaching(self, level):
        """g*: the first gross at which the unrounded net reaches `level`, rounded up to the
        kuruş; None when no supported gross reaches it."""
        peaks = self.peaks
        j = bisect_left(self.float_peaks, level)  # a float guess, then made exact
        while j < len(peaks) and peaks[j][0] < level * peaks[j][1]:
            j += 1
        while j > 0 and peaks[j - 1][0] >= level * peaks[j - 1][1]:
            j -= 1
        if j == len(peaks):
            return None
        if j == 0:
            return 0
        a, s, r, b, d = self.segments[j]
        return -(-(a + (level * s - r) * b) // d)

    def _pieces(self, m):
        """``(earlier, own)``: the (SGK ceiling, employee share rate) of month m and, grouped
        with how many months paid under each, of the earlier months whose base depends on the
        gross (none when ``fixed_before`` is known). Grouped and kept per month: the envelope
        evaluates them thousands of times, and with the same gross all year earlier months
        differ only by their period."""
        found = self._piece_cache.get(m)
        if found is None:
            year = self.year

            def piece(i):
                ceiling, (sn, sd), (un, ud) = year.specs[year.months[i].spec]
                return Fraction(ceiling), Fraction(sn, sd) + Fraction(un, ud)

            earlier = () if self.fixed_before is not None else range(m)
            found = tuple(Counter(piece(i) for i in earlier).items()), piece(m)
            self._piece_cache[m] = found
        return found

    def _bases(self, m, gross):
        earlier, (ceiling, rate) = self._pieces(m)
        before = sum(n * (gross - r * min(gross, c)) for (c, r), n in earlier)
        return Fraction(self.fixed_before or 0) + before, gross - rate * min(gross, ceiling)

    def _tax(self, m, gross, bases=None):
        before, own = bases or self._bases(m, gross)
        scaled = self.year.scaled_tariff(before + own) - self.year.scaled_tariff(before)
        return Fraction(scaled) / self.year.scale

    def _month_value(self, m, gross):
        month = self.year.months[m]
        bases = self._bases(m, gross)
        tax = self._tax(m, gross, bases) - month.exact_exempt_tax
        stamp = Fraction(*month.stamp) * gross - month.exact_exempt_stamp
        return bases[1] - max(tax, 0) - max(stamp, 0)

    def _kinks(self, m):
        """Where month m's unrounded net changes slope: the SGK ceilings, the grosses at which
        the base before the month and through it cross a bracket, where the tax first exceeds
        the exemption, and where the stamp tax does."""
        month = self.year.months[m]
        kinks = {Fraction(0), Fraction(MAX_KURUS)}
        earlier, own = self._pieces(m)
        ceilings = {ceiling for (ceiling, _rate), _n in earlier} | {own[0]}
        kinks |= {ceiling for ceiling in ceilings if 0 < ceiling < MAX_KURUS}
        for upper in self.year.uppers:
            for through in (False, True):
                found = _solve(lambda g, t=through: sum(self._bases(m, g)[: 1 + t]), upper, kinks)
                kinks |= found
        kinks |= _solve(lambda g: self._tax(m, g), month.exact_exempt_tax, kinks)
        stamp_free = month.exact_exempt_stamp / Fraction(*month.stamp)
        return kinks | ({stamp_free} if stamp_free < MAX_KURUS else set())


def _solve(function, level, kinks):
    """Where a nondecreasing function, linear between the kinks, first reaches `level`."""
    points = sorted(kinks)
    x0, y0 = points[0], function(points[0])
    for x1 in points[1:]:
        y1 = function(x1)
        if y0 < level <= y1:
            return {x0 + (level - y0) * (x1 - x0) / (y1 - y0)}
        x0, y0 = x1, y1
    return set()


def nearest_gross_paying(net_of, target, start):
    """The gross nearest to `start` for which `net_of(gross) == target`, the larger of two
    equally near ones (all in kuruş)."""
    if start is None:
        raise ValueError("No gross up to the largest supported amount pays that net")
    if net_of(start) == target:
        return start
    for distance in range(1, MAX_KURUS + 1):
        above, below = start + distance, start - distance
        if above <= MAX_KURUS and net_of(above) == target:
            return above
        if below >= 0 and net_of(below) == target:
            return below
        if above > MAX_KURUS and below < 0:
            break
    raise ValueError("No gross up to the largest supported amount pays that net")
