"""Amounts typed the Turkish way: one parser for the admin's amount fields and the import."""

from decimal import Decimal

import pytest
from django.urls import reverse

from careers import turkish
from careers.salaries.models import MinimumWage, SalaryBand

from .adminforms import changeform_data, changelist_data, inline_prefix
from .factories import make_band, make_role


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("45.000", Decimal("45000")),
        ("45.000,50", Decimal("45000.50")),
        ("45000", Decimal("45000")),
        ("45000,5", Decimal("45000.5")),
        ("6.750,50", Decimal("6750.50")),
        ("6750,50", Decimal("6750.50")),
        ("6.750", Decimal("6750")),
        ("1.250.000", Decimal("1250000")),
        (" 12 500 TL ", Decimal("12500")),
        ("28.075,50 ₺", Decimal("28075.50")),
        ("45\u00a0000", Decimal("45000")),
        (44000.5, Decimal("44000.5")),  # a number cell of a spreadsheet
        (33000, Decimal("33000")),
        ("", None),
        (None, None),
    ],
)
def test_turkish_amounts_are_read(typed, amount):
    assert turkish.parse_amount(typed) == amount


@pytest.mark.parametrize("typed", ["6.75", "45000.50", "45,000.50", "1.2345", "45.00", "4.5.6"])
def test_ambiguous_amounts_are_refused_not_guessed(typed):
    with pytest.raises(turkish.AmountError) as error:
        turkish.parse_amount(typed)
    assert "belirsiz" in str(error.value) and typed in str(error.value)


@pytest.mark.parametrize("typed", ["abc", "45,000,000", "1e5", "NaN", "on beş bin"])
def test_text_is_not_an_amount(typed):
    with pytest.raises(turkish.AmountError) as error:
        turkish.parse_amount(typed)
    assert "bir tutar değil" in str(error.value)


# --- In the admin ----------------------------------------------------------------------------


@pytest.fixture
def band(db):
    return make_band(make_role("Kredi Asistanı"), year=2025, average="45000.50", top="82000")


def test_band_screen_shows_amounts_the_turkish_way(admin_client, band):
    html = admin_client.get(reverse("admin:salaries_salaryband_change", args=[band.pk])).content
    html = html.decode()
    assert 'value="45.000,50"' in html and 'value="82.000"' in html
    assert "82000.00" not in html


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("45.000", Decimal("45000")),
        ("45.000,50", Decimal("45000.50")),
        ("45000", Decimal("45000")),
        ("45000,5", Decimal("45000.5")),
    ],
)
def test_band_screen_accepts_turkish_amounts(admin_client, band, typed, stored):
    url = reverse("admin:salaries_salaryband_change", args=[band.pk])
    data = changeform_data(admin_client.get(url))
    data["average"] = typed
    assert admin_client.post(url, data).status_code == 302
    band.refresh_from_db()
    assert band.average == stored


@pytest.mark.parametrize("typed", ["6.75", "45000.50"])
def test_band_screen_refuses_ambiguous_amounts_in_turkish_and_keeps_the_text(
    admin_client, band, typed
):
    url = reverse("admin:salaries_salaryband_change", args=[band.pk])
    data = changeform_data(admin_client.get(url))
    data["average"] = typed
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "belirsiz: nokta binlikleri (45.000)" in html
    assert f'value="{typed}"' in html  # what the editor typed is kept
    band.refresh_from_db()
    assert band.average == Decimal("45000.50")


def test_role_screen_salary_inline_reads_turkish_amounts(admin_client, band):
    url = reverse("admin:articles_role_change", args=[band.role.pk])
    response = admin_client.get(url)
    prefix = inline_prefix(response, "salaryband")
    assert 'value="45.000,50"' in response.content.decode()
    data = changeform_data(response)
    data[f"{prefix}-0-top"] = "90.000"
    data[f"{prefix}-0-low"] = "30.000,25"
    assert admin_client.post(url, data).status_code == 302
    band.refresh_from_db()
    assert (band.low, band.average, band.top) == (
        Decimal("30000.25"),
        Decimal("45000.50"),
        Decimal("90000"),
    )


def test_editable_salary_list_reads_turkish_amounts(admin_client, band):
    url = reverse("admin:salaries_salaryband_changelist")
    data = changelist_data(admin_client.get(url))
    assert data["form-0-average"] == "45.000,50"
    data["form-0-average"] = "47.500"
    assert admin_client.post(url, data).status_code == 302
    assert SalaryBand.objects.get(pk=band.pk).average == Decimal("47500")
    data["form-0-average"] = "6.75"
    response = admin_client.post(url, data)
    assert response.status_code == 200 and "belirsiz" in response.content.decode()


def test_minimum_wage_screen_reads_turkish_amounts(admin_client):
    wage = MinimumWage.objects.get(effective_from="2026-01-01")
    url = reverse("admin:salaries_minimumwage_change", args=[wage.pk])
    response = admin_client.get(url)
    assert 'value="28.075,50"' in response.content.decode()
    data = changeform_data(response)
    data["net_monthly"] = "28.100"
    data["gross_monthly"] = "33.030,75"
    assert admin_client.post(url, data).status_code == 302
    wage.refresh_from_db()
    assert (wage.net_monthly, wage.gross_monthly) == (Decimal("28100"), Decimal("33030.75"))


def test_minimum_wage_list_shows_amounts_the_turkish_way(admin_client):
    html = admin_client.get(reverse("admin:salaries_minimumwage_changelist")).content.decode()
    assert "28.075,50" in html and "33.030" in html
    assert "28075,50" not in html and "28075.50" not in html
