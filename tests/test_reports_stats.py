"""The readers' reports' statistics (careers/salaries/reports/stats.py): checked against
Python's ``statistics`` module on the same numbers, without a database."""

import math
import random
import statistics

import pytest

from careers.salaries.reports import stats


@pytest.mark.parametrize("n", [1, 2, 5, 6, 11, 40, 301])
def test_quantiles_are_what_statistics_gives_on_the_same_numbers(n):
    rng = random.Random(n)
    values = sorted(rng.lognormvariate(10.3, 0.35) for _ in range(n))
    if n > 1:
        q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1 = q2 = q3 = values[0]
    assert stats.quantile(values, 0.25) == pytest.approx(q1, rel=1e-12)
    assert stats.quantile(values, 0.5) == pytest.approx(statistics.median(values), rel=1e-12)
    assert stats.quantile(values, 0.5) == pytest.approx(q2, rel=1e-12)
    assert stats.quantile(values, 0.75) == pytest.approx(q3, rel=1e-12)


@pytest.mark.parametrize(
    ("value", "rounded"),
    [(30_049.99, 30_000), (30_050, 30_100), (30_149, 30_100), (99.5, 100), (49.9, 0), (0, 0)],
)
def test_amounts_are_rounded_to_100_lira_halves_up(value, rounded):
    assert stats.round_to(value, 100) == rounded


def test_a_cohort_below_five_reports_or_five_addresses_is_not_described():
    amounts, times = [30_000] * 5, ["2026-01-01"] * 5
    assert stats.describe(amounts[:4], times[:4], list("abcd"), min_count=5, min_addresses=5,
                          step=100) is None  # fmt: skip
    assert stats.describe(amounts, times, list("abcda"), min_count=5, min_addresses=5,
                          step=100) is None  # fmt: skip
    # hashes deleted after 30 days (None): each such report counts as an address of its own
    described = stats.describe(amounts, times, ["a", "b", None, None, None], min_count=5,
                               min_addresses=5, step=100)  # fmt: skip
    assert described is not None and described.addresses == 5


def test_fences_are_on_a_log_scale_and_never_tighter_than_a_factor_of_two():
    same = [30_000] * 20  # everyone reported the same round figure: IQR 0
    low, high = stats.fences(same, k=3, min_factor=2)
    assert low == pytest.approx(15_000) and high == pytest.approx(60_000)
    spread = [20_000, 25_000, 30_000, 35_000, 40_000, 45_000, 50_000, 60_000]
    low, high = stats.fences(spread, k=3, min_factor=2)
    logs = sorted(math.log(v) for v in spread)
    q1, q3 = statistics.quantiles(logs, n=4, method="inclusive")[0::2]
    assert math.log(high) == pytest.approx(q3 + 3 * (q3 - q1))
    assert math.log(low) == pytest.approx(q1 - 3 * (q3 - q1))
    assert low * high == pytest.approx(math.exp(q1 + q3))  # symmetric on the log scale
