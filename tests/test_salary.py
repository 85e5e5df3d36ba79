"""Salary rules without HTTP: minimum wage, multiples, warnings, staleness."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from careers.salaries import quality, rules
from careers.salaries.models import MinimumWage

from .factories import make_band, make_role

D = Decimal


def rate(date, net):
    return SimpleNamespace(effective_from=dt.date.fromisoformat(date), net_monthly=D(net))


RATES = [
    rate("2023-01-01", "8506.80"),
    rate("2023-07-01", "11402.32"),
    rate("2024-01-01", "17002.12"),
    rate("2025-01-01", "22104.67"),
    rate("2026-01-01", "28075.50"),
]


def band(year=2025, average="30000", top="45000", low=None, **fields):
    return SimpleNamespace(
        role_id=fields.pop("role_id", 1),
        year=year,
        average=D(average),
        top=D(top),
        low=D(low) if low else None,
        hourly_average=D(fields["hourly_average"]) if "hourly_average" in fields else None,
        hourly_top=D(fields["hourly_top"]) if "hourly_top" in fields else None,
    )


# --- Minimum wage ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_database_has_the_minimum_wages_from_the_shared_csv():
    rows = [
        (w.effective_from.isoformat(), w.net_monthly, w.gross_monthly)
        for w in MinimumWage.objects.table()
    ]
    assert rows == [
        ("2023-01-01", D("8506.80"), D("10008.00")),
        ("2023-07-01", D("11402.32"), D("13414.50")),
        ("2024-01-01", D("17002.12"), D("20002.50")),
        ("2025-01-01", D("22104.67"), D("26005.50")),
        ("2026-01-01", D("28075.50"), D("33030.00")),
    ]
    assert all(w.source for w in MinimumWage.objects.all())


@pytest.mark.parametrize(
    ("year", "net"),
    [
        (2022, None),  # before the first known rate
        (2023, "11402.32"),  # two rates: 181 days vs 184 days: the later one
        (2024, "17002.12"),
        (2026, "28075.50"),
        (2027, "28075.50"),  # no new rate entered yet: the one still in force
    ],
)
def test_minimum_wage_for_year(year, net):
    found = rules.minimum_wage_for_year(RATES, year)
    assert (found.net_monthly if found else None) == (D(net) if net else None)


def test_a_tie_goes_to_the_later_rate():
    rates = [rate("2028-01-01", "100"), rate("2028-07-02", "200")]  # 2028 is a leap year: 183/183
    assert rules.minimum_wage_for_year(rates, 2028).net_monthly == D("200")


def test_lowest_minimum_wage_in_year():
    assert rules.lowest_minimum_wage_in_year(RATES, 2023).net_monthly == D("8506.80")
    assert rules.lowest_minimum_wage_in_year(RATES, 2025).net_monthly == D("22104.67")
    assert rules.lowest_minimum_wage_in_year(RATES, 2022) is None


@pytest.mark.parametrize(
    ("amount", "multiple", "text"),
    [
        ("15963.25", D("1.4"), "1,4"),
        ("22804.64", D("2.0"), "2"),
        ("5000", D("0.4"), "0,4"),
        (None, None, ""),
    ],
)
def test_multiple_of_the_minimum_wage(amount, multiple, text):
    found = rules.minimum_wage_multiple(D(amount) if amount else None, RATES[1])
    assert found == multiple
    assert rules.format_multiple(found) == text


@pytest.mark.django_db
def test_attach_multiples_costs_one_query_whatever_the_number_of_bands(django_assert_num_queries):
    role = make_role()
    bands = [
        make_band(role, year=2023, average="15963.25", top="20000"),
        make_band(role, year=2025, average="44209.34", top="50000"),
        make_band(role, year=2022, average="9000", top="10000"),
    ]
    with django_assert_num_queries(1):
        MinimumWage.objects.attach_multiples(bands)
    assert [b.minimum_wage_multiple_text for b in bands] == ["1,4", "2", ""]
    assert bands[0].minimum_wage.net_monthly == D("11402.32")
    assert bands[2].minimum_wage is None
    with django_assert_num_queries(0):
        assert MinimumWage.objects.attach_multiples([]) == []


@pytest.mark.django_db
def test_minimum_wage_validation_messages():
    wage = MinimumWage(
        effective_from=dt.date(2027, 1, 1),
        net_monthly=D("40000"),
        gross_monthly=D("30000"),
        source="x",
    )
    with pytest.raises(ValidationError) as error:
        wage.full_clean()
    assert "net_monthly" in error.value.message_dict
    wage = MinimumWage(
        effective_from=dt.date(2026, 1, 1), net_monthly=D("1"), gross_monthly=D("2"), source="x"
    )
    with pytest.raises(ValidationError):
        wage.full_clean()  # a rate from that date already exists


# --- Hourly derivation (foundation rule, the editor relies on it) ---------------------------


def test_hourly_is_derived_with_225_hours_or_kept_as_entered():
    assert rules.MONTHLY_HOURS == 225
    assert rules.hourly(D("5000")) == D("22.22")
    assert rules.hourly(D("5000"), D("25.20")) == D("25.20")  # the seed's figure, as stated


# --- Warnings -------------------------------------------------------------------------------


def codes(warnings):
    return [(w.code, w.field) for w in warnings]


def test_below_the_minimum_wage():
    warnings = quality.band_warnings(band(2023, "5000", "8000", low="4000"), rates=RATES)
    assert codes(warnings) == [
        ("below_minimum", "low"),
        ("below_minimum", "average"),
        ("below_minimum", "top"),
    ]
    assert warnings[1].message == (
        "Ortalama rakam (5.000 TL), 2023 yılının en düşük net asgari ücretinin "
        "(8.506,80 TL) altında."
    )
    # Between the two 2023 rates: not below the legal floor all year, so no warning.
    assert quality.band_warnings(band(2023, "9000", "12000"), rates=RATES) == []


@pytest.mark.parametrize(
    ("old", "new", "warned"),
    [
        ("20000", "30000", False),
        ("20000", "30001", True),
        ("20000", "10000", False),
        ("20000", "9999", True),
    ],
)
def test_year_on_year_change_over_50_percent(old, new, warned):
    previous = band(2024, old, "99999")
    current = band(2025, new, "99999")
    found = quality.year_change_warnings(current, previous)
    assert bool(found) is warned
    if warned:
        assert found[0].field == "average"
        assert "bir önceki yıla göre" in found[0].message


def test_year_on_year_compares_only_consecutive_years():
    assert quality.year_change_warnings(band(2025, "60000"), band(2023, "20000")) == []


def test_hourly_and_monthly_disagreeing_by_more_than_10_percent():
    # The seed: 5.000 TL and 25,20 TL/saat (5000 / 225 = 22,22: 13% off); 8.000 TL and
    # 38,70 TL/saat (35,56: 8,8% off, fine).
    seed = band(2023, "5000", "8000", hourly_average="25.20", hourly_top="38.70")
    found = quality.hourly_mismatch_warnings(seed)
    assert codes(found) == [("hourly_mismatch", "hourly_average")]
    assert found[0].message == (
        "Saatlik ortalama (25,20 TL), aylık rakamın 225 saate bölünmesiyle bulunan tutardan "
        "(22,22 TL) +%13 farklı."
    )


def test_warnings_for_bands_pairs_each_band_with_its_roles_year_before():
    bands = [
        band(2024, "20000", "30000", role_id=1),
        band(2025, "40000", "45000", role_id=1),
        band(2024, "20000", "30000", role_id=2),
        band(2025, "23000", "31000", role_id=2),
    ]
    found = quality.warnings_for_bands(bands, RATES)
    assert [(w.band.role_id, w.code, w.field) for w in found] == [(1, "year_change", "average")]


# --- Staleness ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "months", "cutoff"),
    [
        ("2026-11-26", 12, 2025),  # 2025 ended 11 months ago: current; 2024 is stale
        ("2027-01-01", 12, 2026),  # 2025 ended 12 months and a day ago: stale
        ("2026-12-31", 12, 2025),
        ("2026-11-26", 24, 2024),
        ("2026-11-26", 0, 2026),
    ],
)
def test_stale_before_year(today, months, cutoff):
    assert quality.stale_before_year(dt.date.fromisoformat(today), months) == cutoff


def test_is_stale_uses_the_setting(settings):
    settings.SALARY_STALE_MONTHS = 12
    today = dt.date(2026, 11, 26)
    assert quality.is_stale(2024, today)
    assert not quality.is_stale(2025, today)
    assert quality.is_stale(None, today)
    settings.SALARY_STALE_MONTHS = 36
    assert not quality.is_stale(2024, today)


@pytest.mark.django_db
def test_quality_report_seed_like_data(settings):
    settings.SALARY_STALE_MONTHS = 12
    role = make_role("Müşteri Hizmetleri Ekip Lideri")
    make_band(
        role,
        year=2023,
        average="5000",
        top="8000",
        hourly_average=D("25.20"),
        hourly_top=D("38.70"),
    )
    report = quality.quality_report(dt.date(2026, 11, 26))
    assert [(w.band.year, w.code, w.field) for w in report.warnings] == [
        (2023, "below_minimum", "average"),
        (2023, "below_minimum", "top"),
        (2023, "hourly_mismatch", "hourly_average"),
    ]
    assert [r.title for r in report.stale_roles] == ["Müşteri Hizmetleri Ekip Lideri"]
    assert report.stale_roles[0].salary_year == 2023


def test_the_pay_basis_has_one_turkish_name_for_pages_files_and_downloads():
    from django.utils import translation

    from careers.salaries.importers.cells import PayBasisWidget
    from careers.salaries.models import PayBasis

    with translation.override("en"):  # files are Turkish whatever the editor's language
        names = [PayBasis.turkish_name(value) for value in ("net", "gross", "unspecified", "")]
        assert names == ["net", "brüt", "belirtilmemiş", ""]
        widget = PayBasisWidget()
        assert [widget.clean(widget.render(value)) for value in PayBasis.values] == PayBasis.values
    assert [str(label) for label in PayBasis.labels] == ["net", "brüt", "belirtilmemiş"]
