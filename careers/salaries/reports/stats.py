"""The statistics of readers' reports, as plain functions on plain numbers (tested without a
database, against Python's ``statistics`` module on the same rows).

* **Quantiles**: linear interpolation between the two nearest ranks (Hyndman and Fan's type 7:
  what numpy, R and Excel's PERCENTILE.INC give by default, and ``statistics.quantiles(...,
  method="inclusive")``), so anyone can check a published figure with a spreadsheet.
* **Outliers**: Tukey's fences on the logarithm of the amount. Salaries are skewed to the right
  and roughly log-normal; on a log scale they are nearly symmetric, so one rule fits both ends
  (half of a typical salary is as unusual as twice it). Quartiles ignore up to a quarter of
  the data, so a few wrong reports cannot move the fences that catch them. ``k = 3`` ("far
  out", not Tukey's 1.5): with 1.5 about 1 report in 140 from a clean log-normal sample would be
  held, an editor's chore for nothing; 3 catches the mistakes that matter (a yearly figure typed
  as monthly, one zero too many or too few) and holds about 1 report in 400,000 of a clean
  log-normal sample (a role's reports mix experience bands and provinces, so the real tails are
  heavier: of makescale's 9,000 test reports one clean one was held). The fences are never
  closer than a factor (``REPORTS_OUTLIER_MIN_FACTOR``, 3) beyond the quartiles: when many
  readers report the same round amount the quartiles can coincide, and "every other amount is
  an outlier" would be wrong; and the quartiles of a dozen reports are noisy (with a factor of
  2, makescale's known distributions had a clean part-time report held). MAD was the
  alternative (a higher breakdown point), but in the small cohorts that matter here the median
  absolute deviation of round amounts is often 0, the same problem worse; the interquartile
  range with a floor is simpler to explain on the methodology page.
* **Rounding**: published amounts to the nearest ``step`` lira, halves up.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def quantile(ordered, q):
    """The ``q`` quantile (0-1) of the sorted, non-empty list ``ordered`` (type 7)."""
    position = (len(ordered) - 1) * q
    below = math.floor(position)
    fraction = position - below
    if below + 1 < len(ordered):
        return ordered[below] + (ordered[below + 1] - ordered[below]) * fraction
    return ordered[below]


def round_to(value, step):
    """``value`` to the nearest multiple of ``step``, halves up: 30_050 -> 30_100 (step 100)."""
    units = (Decimal(repr(float(value))) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(units) * step


def fences(amounts, *, k, min_factor):
    """``(low, high)``: amounts below ``low`` or above ``high`` are outliers (see the module
    docstring). ``amounts``: positive numbers, at least one."""
    logs = sorted(math.log(amount) for amount in amounts)
    q1, q3 = quantile(logs, 0.25), quantile(logs, 0.75)
    reach = max(k * (q3 - q1), math.log(min_factor))
    return math.exp(q1 - reach), math.exp(q3 + reach)


@dataclass(frozen=True)
class Summary:
    """What is published of one cohort (amounts rounded), or ``None`` from :func:`describe`
    when the cohort is too thin to publish."""

    count: int
    addresses: int
    p25: int
    median: int
    p75: int
    first: object  # the earliest report's time, as the database gave it
    last: object


def distinct_addresses(hashes):
    """How many different reporters: distinct address hashes, and each report whose hash was
    already deleted (older than the retention period) as one of its own. Reports from one
    address for one role replace each other while the hash is kept, so a role's reports from
    the same address can only be that far apart in time."""
    kept = {value for value in hashes if value}
    return len(kept) + sum(1 for value in hashes if not value)


def describe(amounts, times, hashes, *, min_count, min_addresses, step):
    """The published :class:`Summary` of one cohort, or None below the thresholds.
    ``amounts``, ``times`` and ``hashes`` are the cohort's reports, in the same order."""
    count = len(amounts)
    if count < min_count:
        return None
    addresses = distinct_addresses(hashes)
    if addresses < min_addresses:
        return None
    ordered = sorted(amounts)
    return Summary(
        count=count,
        addresses=addresses,
        p25=round_to(quantile(ordered, 0.25), step),
        median=round_to(quantile(ordered, 0.5), step),
        p75=round_to(quantile(ordered, 0.75), step),
        first=min(times),
        last=max(times),
    )
