"""Net and gross against official and published figures, and the inverse against its rule.

No database: careers.salaries.payroll is plain Python. The official figures are the minimum
wages of shared/data/asgari-ucret.csv (each gross must give exactly its net and back, in every
month of its period), GİB's published tariff amounts and monthly minimum-wage exemptions, and
two published payslips above the minimum wage (2026 and 2025), each cited where it is used.
"""

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from careers.salaries import payroll
from careers.salaries.payroll import Payroll, PayrollRulesMissing
from careers.salaries.payroll_params import PERIODS, Bracket

# shared/data/asgari-ucret.csv: (effective from, net, gross), the site's reference data.
OFFICIAL_MINIMUM_WAGES = [
    ("2023-01-01", D("8506.80"), D("10008.00")),
    ("2023-07-01", D("11402.32"), D("13414.50")),
    ("2024-01-01", D("17002.12"), D("20002.50")),
    ("2025-01-01", D("22104.67"), D("26005.50")),
    ("2026-01-01", D("28075.50"), D("33030.00")),
]


def _minimum_wage_months():
    return list(_each_minimum_wage_month())


def _each_minimum_wage_month():
    """Every month a minimum wage was in force, with the grosses a minimum-wage earner was
    actually paid before it that year (2023's second half follows six months at 10.008)."""
    for start, net, gross in OFFICIAL_MINIMUM_WAGES:
        first = date.fromisoformat(start)
        last = 6 if first == date(2023, 1, 1) else 12
        for month in range(first.month, last + 1):
            if first.year == 2023:
                earlier = [D("10008.00")] * min(month - 1, 6) + [gross] * max(0, month - 7)
            else:
                earlier = [gross] * (month - 1)
            yield pytest.param(
                first.year, month, net, gross, earlier, id=f"{first.year}-{month:02}"
            )


def test_the_parameters_carry_the_reference_minimum_wages_and_no_gap():
    assert [
        (p.effective_from.isoformat(), p.minimum_wage_net, p.minimum_wage_gross) for p in PERIODS
    ] == OFFICIAL_MINIMUM_WAGES
    assert [p.missing() for p in PERIODS] == [[]] * 5
    assert all(p.minimum_wage_gross_source and p.wage_brackets_source for p in PERIODS)


@pytest.mark.parametrize(("year", "month", "net", "gross", "earlier"), _minimum_wage_months())
def test_the_minimum_wage_gross_gives_the_official_net_and_back(year, month, net, gross, earlier):
    assert payroll.net(gross, year, month, earlier=earlier) == net
    assert payroll.gross_for_net(net, year, month, earlier=earlier) == gross
    slip = payroll.breakdown(gross, year, month, earlier=earlier)
    assert slip.income_tax_due == slip.stamp_tax_due == 0  # the exemption covers it all
    assert slip.net == gross - slip.sgk - slip.unemployment == net
    if year != 2023:  # the same gross all year is the default assumption
        assert payroll.gross_for_net(net, year, month) == gross


def test_the_2024_minimum_wage_payslip_rounds_each_share_half_up():
    # megayaz.com.tr/notification.aspx?ID=24 "2024 yılı Asgari ücret": brüt 20.002,50, SGK
    # işçi payı 2.800,35, işsizlik işçi payı 200,03 (200,025 rounded up), kesintiler 3.000,38,
    # net 17.002,12.
    slip = payroll.breakdown(D("20002.50"), 2024, 1)
    assert (slip.sgk, slip.unemployment, slip.net) == (D("2800.35"), D("200.03"), D("17002.12"))


# GİB's published monthly minimum-wage exemption amounts (income tax; stamp tax), as printed in
# its yearly tables and reproduced by the calculators in wide use (e.g. 2026: "Ocak-Haziran
# 4.211,33 TL, Temmuz 4.537,75 TL, Ağustos-Aralık 5.615,10 TL", damga 250,70).
PUBLISHED_EXEMPTIONS = {
    2023: ["1276.02"] * 6 + ["1710.35", "1902.62"] + ["2280.46"] * 4,
    2024: ["2550.32"] * 6 + ["3001.06"] + ["3400.42"] * 5,
    2025: ["3315.70"] * 7 + ["4257.57"] + ["4420.93"] * 4,
    2026: ["4211.33"] * 6 + ["4537.75"] + ["5615.10"] * 5,
}
PUBLISHED_STAMP_EXEMPTIONS = {
    2023: ["75.96"] * 6 + ["101.82"] * 6,
    2024: ["151.82"] * 12,
    2025: ["197.38"] * 12,
    2026: ["250.70"] * 12,
}


@pytest.mark.parametrize("year", sorted(PUBLISHED_EXEMPTIONS))
def test_the_exemption_is_the_tax_on_the_minimum_wage_month_by_month(year):
    table = payroll.year_table(D("90000"), year)  # well above the minimum wage: never capped
    assert [str(slip.income_tax_exemption) for slip in table] == PUBLISHED_EXEMPTIONS[year]
    assert [str(slip.stamp_tax_exemption) for slip in table] == PUBLISHED_STAMP_EXEMPTIONS[year]
    assert not any(slip.income_tax_exemption_capped for slip in table)


# The tariffs' own arithmetic, as the texts state it ("870.000 TL'nin 230.000 TL'si için
# 40.500 TL"): the tax on the whole of each lower bracket, wage column. 2023: Tebliğ 323;
# 2024, 2025: GİB's tariff texts; 2026: Tebliğ 332 (sources in payroll_params.py).
PUBLISHED_TAX_AT_THRESHOLDS = {
    2023: [10_500, 26_500, 134_500, 607_000],
    2024: [16_500, 40_500, 213_300, 958_800],
    2025: [23_700, 58_100, 293_000, 1_378_000],
    2026: [28_500, 70_500, 367_500, 1_697_500],
}


@pytest.mark.parametrize("year", sorted(PUBLISHED_TAX_AT_THRESHOLDS))
def test_the_wage_tariff_adds_up_to_the_published_amounts(year):
    brackets = payroll.rules_for(year, 12).wage_brackets
    lowers = [D(0), *(b.upper for b in brackets[:-1])]
    totals, total = [], D(0)
    for bracket, lower in zip(brackets[:-1], lowers, strict=False):
        total += bracket.rate * (bracket.upper - lower)
        totals.append(total)
    assert totals == PUBLISHED_TAX_AT_THRESHOLDS[year]
    assert [b.rate for b in brackets] == [D("0.15"), D("0.20"), D("0.27"), D("0.35"), D("0.40")]


# verginet.net's 2026 brüt-net table for Ocak 115.000 TL then Şubat-Aralık 140.000 TL brüt, as
# reproduced month by month (with the note that every row matches verginet) in a public
# repository's calculator spec, "Brütten Nete Maaş Hesaplama - 2026 Türkiye". Columns: SGK,
# işsizlik, GV matrahı, kümülatif matrah, aylık GV (before the exemption), damga (before it),
# GV istisnası, DV istisnası, ele geçen.
VERGINET_2026 = [
    ("16100", "1150", "97750", "97750", "14662.50", "872.85", "4211.33", "250.70", "86676.68"),
    ("19600", "1400", "119000", "216750", "19187.50", "1062.60", "4211.33", "250.70", "103211.93"),
    ("19600", "1400", "119000", "335750", "23800.00", "1062.60", "4211.33", "250.70", "98599.43"),
    ("19600", "1400", "119000", "454750", "27632.50", "1062.60", "4211.33", "250.70", "94766.93"),
    ("19600", "1400", "119000", "573750", "32130.00", "1062.60", "4211.33", "250.70", "90269.43"),
    ("19600", "1400", "119000", "692750", "32130.00", "1062.60", "4211.33", "250.70", "90269.43"),
    ("19600", "1400", "119000", "811750", "32130.00", "1062.60", "4537.75", "250.70", "90595.85"),
    ("19600", "1400", "119000", "930750", "32130.00", "1062.60", "5615.10", "250.70", "91673.20"),
    ("19600", "1400", "119000", "1049750", "32130.00", "1062.60", "5615.10", "250.70", "91673.20"),
    ("19600", "1400", "119000", "1168750", "32130.00", "1062.60", "5615.10", "250.70", "91673.20"),
    ("19600", "1400", "119000", "1287750", "32130.00", "1062.60", "5615.10", "250.70", "91673.20"),
    ("19600", "1400", "119000", "1406750", "32130.00", "1062.60", "5615.10", "250.70", "91673.20"),
]  # fmt: skip


def test_a_published_2026_payslip_year_above_the_minimum_wage():
    grosses = [D("115000")] + [D("140000")] * 11
    rows = [
        tuple(
            D(v)
            for v in (
                s.sgk, s.unemployment, s.tax_base, s.cumulative_tax_base, s.income_tax,
                s.stamp_tax, s.income_tax_exemption, s.stamp_tax_exemption, s.net,
            )
        )
        for s in payroll.year_table(grosses, 2026)
    ]  # fmt: skip
    assert rows == [tuple(D(v) for v in row) for row in VERGINET_2026]
    # Each month's net back to its gross, given what was paid before it.
    for month, expected in enumerate(VERGINET_2026, 1):
        earlier, gross = grosses[: month - 1], grosses[month - 1]
        assert payroll.gross_for_net(D(expected[-1]), 2026, month, earlier=earlier) == gross


def test_a_published_2025_example_that_leaves_out_the_exemption():
    # segirt.com/blog/brutten-nete-maas-hesaplama-formulu-nedir.html, "Örnek Hesaplama (50.000
    # TL Brüt Maaş İçin)", 2025 tariff, first bracket: SGK 7.000, işsizlik 500, matrah 42.500,
    # gelir vergisi 6.375, damga 379,50, net 35.745,50. Its net charges both taxes in full;
    # since 2022 the tax on the minimum wage is not charged (GVK 23/18), so the January
    # payslip pays 35.745,50 + 3.315,70 + 197,38.
    slip = payroll.breakdown(D("50000"), 2025, 1)
    assert (slip.sgk, slip.unemployment, slip.tax_base) == (D("7000"), D("500"), D("42500"))
    assert (slip.income_tax, slip.stamp_tax) == (D("6375"), D("379.50"))
    assert slip.net == D("35745.50") + D("3315.70") + D("197.38") == D("39258.58")
    assert payroll.gross_for_net(slip.net, 2025, 1) == D("50000.00")


def test_the_same_gross_pays_less_net_in_december_than_in_january():
    table = payroll.year_table(D("100000"), 2025)
    assert table[0].net > table[-1].net
    assert [b.rate for b in table[0].brackets] == [D("0.15")]
    assert [b.rate for b in table[3].brackets] == [D("0.20"), D("0.27")]  # base crosses 330.000
    assert sum(b.amount for b in table[3].brackets) == table[3].tax_base
    average = (sum(s.net for s in table) / 12).quantize(D("0.01"), "ROUND_HALF_UP")
    assert payroll.average_net(D("100000"), 2025) == average


def test_below_the_minimum_wage_only_the_shares_are_taken():
    slip = payroll.breakdown(D("15000"), 2025, 6)  # part-time
    assert slip.income_tax_exemption_capped and slip.stamp_tax_exemption_capped
    assert slip.income_tax_due == slip.stamp_tax_due == 0
    assert slip.income_tax_exemption == slip.income_tax < D("3315.70")
    assert slip.net == D("15000") - D("2100") - D("150") == D("12750")
    assert payroll.gross_for_net(D("12750"), 2025, 6) == D("15000.00")


def test_above_the_sgk_ceiling_the_shares_stop_growing():
    fifty_times = D("33030") * 50
    slip = payroll.breakdown(fifty_times, 2026, 12)
    assert slip.sgk_ceiling == D("297270.00") and slip.ceiling_applied
    assert (slip.sgk, slip.unemployment) == (D("41617.80"), D("2972.70"))
    assert slip.brackets[-1].rate == D("0.40")  # December: the year's base passed 5.300.000
    assert slip.net == slip.gross - slip.sgk - slip.unemployment - slip.income_tax_due - (
        slip.stamp_tax_due
    )
    assert payroll.gross_for_net(slip.net, 2026, 12) == fifty_times
    assert payroll.breakdown(D("195041.40"), 2025, 1).sgk_ceiling == D("195041.40")
    assert payroll.breakdown(D("150018.90"), 2024, 1).sgk_ceiling == D("150018.90")
    assert payroll.breakdown(D("100000"), 2023, 7).sgk_ceiling == D("100608.90")
    assert payroll.breakdown(D("100000"), 2023, 6).sgk_ceiling == D("75060.00")


def test_a_net_agreement_costs_more_gross_as_the_brackets_rise():
    year = payroll.net_agreed_year(D("60000"), 2025)
    assert {slip.net for slip in year} == {D("60000.00")}
    grosses = [slip.gross for slip in year]
    assert grosses[0] == grosses[1] < grosses[2] < grosses[3] < grosses[4] < grosses[5]
    # From August the minimum wage's own tax enters the 20 % bracket: a larger exemption.
    assert grosses[5] == grosses[6] > grosses[7] > grosses[8] == grosses[11] > grosses[0]
    assert {s.gross for s in payroll.net_agreed_year(D("22104.67"), 2025)} == {D("26005.50")}


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: payroll.net(20000.5, 2025, 1), TypeError),
        (lambda: payroll.net(D("20000.505"), 2025, 1), ValueError),
        (lambda: payroll.net(D("-1"), 2025, 1), ValueError),
        (lambda: payroll.net(D("20000"), 2025, 13), ValueError),
        (lambda: payroll.gross_for_net(D("100.001"), 2025, 1), ValueError),
        (lambda: payroll.gross_for_net(D("99999999.99"), 2025, 1), ValueError),
        (lambda: payroll.net(D("20000"), 2025, 3, earlier=[D("20000")]), ValueError),
        (lambda: payroll.net("20000", 2025, 1), TypeError),
        (lambda: payroll.net(D("20000"), 2022, 1), PayrollRulesMissing),
        (lambda: payroll.net(D("20000"), 2027, 1), PayrollRulesMissing),  # not 2026's, guessed
    ],
)
def test_bad_input_is_refused_clearly(call, error):
    with pytest.raises(error):
        call()


def test_a_number_nobody_sourced_stops_the_arithmetic():
    unsourced = replace(
        PERIODS[-1], stamp_tax_rate=None, stamp_tax_rate_source="editor must fill in"
    )
    with pytest.raises(PayrollRulesMissing, match="stamp_tax_rate"):
        Payroll([*PERIODS[:-1], unsourced]).net(D("50000"), 2026, 1)


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
@pytest.mark.parametrize("month", range(1, 13))
def test_net_back_to_gross_keeps_the_net_to_the_kurus(year, month):
    """10.000 seeded random grosses between the minimum wage and 50 times it: the gross found
    for each one's net pays that same net, and it is never far from the gross it came from."""
    minimum = int(payroll.rules_for(year, 1).minimum_wage_gross * 100)
    rng = random.Random(year * 100 + month)
    for _ in range(10_000):
        gross = D(rng.randint(minimum, 50 * minimum)).scaleb(-2)
        net = payroll.net(gross, year, month)
        found = payroll.gross_for_net(net, year, month)
        assert payroll.net(found, year, month) == net, (gross, found)


@pytest.mark.parametrize("month", range(2, 13))
def test_net_back_to_gross_after_a_raise(month):
    """Earlier months paid 40.000 TL (and 2023 changes its ceiling and exemption in July):
    2.000 seeded grosses for this month, net and back, given that history."""
    earlier = [D("40000")] * (month - 1)
    rng = random.Random(month)
    for _ in range(2_000):
        gross = D(rng.randint(1_000_000, 50_000_000)).scaleb(-2)
        net = payroll.net(gross, 2023, month, earlier=earlier)
        found = payroll.gross_for_net(net, 2023, month, earlier=earlier)
        assert payroll.net(found, 2023, month, earlier=earlier) == net, (gross, found)


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_average_net_back_to_gross(year):
    minimum = int(payroll.rules_for(year, 1).minimum_wage_gross * 100)
    rng = random.Random(year)
    for _ in range(500):
        gross = D(rng.randint(minimum, 50 * minimum)).scaleb(-2)
        average = payroll.average_net(gross, year)
        assert payroll.average_net(payroll.gross_for_average_net(average, year), year) == average


# A small-scale year (minimum wage 100 TL, tariff of 2023 / 100) puts the SGK ceiling, the
# first four brackets, September's flat stretch and the falling net of November and December
# all below 1.000 TL a month, so every gross can be tried: 100.000 kuruş per month.
SMALL = replace(
    PERIODS[0],
    effective_from=date(2030, 1, 1),
    minimum_wage_gross=D("100.00"),
    minimum_wage_net=D("85.00"),
    wage_brackets=tuple(
        Bracket(None if b.upper is None else b.upper / 100, b.rate)
        for b in PERIODS[0].wage_brackets
    ),
)


@pytest.mark.parametrize("month", [9, 11, 12])
def test_every_net_is_paid_and_the_search_picks_the_nearest_gross(month):
    small = Payroll([SMALL])
    grosses = range(100_000)
    nets = [int(small.net(D(g).scaleb(-2), 2030, month) * 100) for g in grosses]
    # A kuruş more gross never pays more than a kuruş more net, so no net is skipped...
    assert max(b - a for a, b in zip(nets, nets[1:], strict=False)) == 1
    # ...though late in the year the net can fall as the gross rises (the whole year's base
    # climbs into the next bracket at once), by far more than rounding.
    falls = any(nets[g] > nets[g + 5_000] + 10 for g in range(0, 90_000, 100))
    assert falls == (month in (11, 12))
    paying = {}
    for gross, net in enumerate(nets):
        paying.setdefault(net, []).append(gross)
    envelope = small._envelope(2030, (month - 1,), None)

    def unrounded(kurus):
        return small.unrounded_net(D(kurus).scaleb(-2), 2030, month) * 100

    for net in range(0, nets[-1] - 2_000):
        assert net in paying
        found = int(small.gross_for_net(D(net).scaleb(-2), 2030, month) * 100)
        aim = envelope.first_reaching(net)  # where the unrounded rates reach the net
        expected = min(paying[net], key=lambda g, aim=aim: (abs(g - aim), -g))
        assert found == expected, net
        if net % 101 == 0:  # the exact arithmetic is slow: a sample
            assert unrounded(aim) >= net and (aim == 0 or net > unrounded(aim - 1))
            assert abs(unrounded(found) - net) < 3  # rounding moves the net under 3 kuruş
