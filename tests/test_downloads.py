"""The salary downloads: CSV (UTF-8 with BOM), CSV for Turkish Excel, JSON; parsed as a
spreadsheet would, formulas neutralised, licence and date of the data stated."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from careers.salaries.models import SalaryBand
from careers.turkish import format_date

from .factories import make_band, make_role, make_sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    sector = make_sector("Çağrı Merkezi", slug="cagri-merkezi")
    role = make_role("Şoför İşçi", slug="sofor-isci", sector=sector)
    with time_machine.travel(dt.datetime(2026, 3, 12, 21, 30, tzinfo=dt.UTC)):  # 13 Mart, İstanbul
        make_band(
            role, year=2025, average="45000.50", top="60000", low="30000", is_sample=True,
            pay_basis="gross",
        )  # fmt: skip
        make_band(
            role, year=2024, average="25000", top="30000", hourly_average="120.25",
            pay_basis="unspecified",
        )  # fmt: skip
    return role


def rows_of(content, delimiter):
    assert content.startswith("\ufeff".encode()), "UTF-8 byte-order mark for Excel"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_utf8_csv_parses_with_turkish_letters_and_decimal_points(client, figures):
    response = client.get("/veri/maaslar.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="meslek-rehberi-maaslar-2026-03-13.csv"'
    )
    assert 'rel="license"' in response["Link"] and "/by/4.0/" in response["Link"]
    rows = rows_of(response.content, ",")
    assert [(r["meslek_adi"], r["sektor"], r["yil"]) for r in rows] == [
        ("Şoför İşçi", "Çağrı Merkezi", "2025"),
        ("Şoför İşçi", "Çağrı Merkezi", "2024"),
    ]
    first, second = rows
    assert Decimal(first["ortalama"]) == Decimal("45000.50")
    assert (first["en_dusuk"], first["ust_duzey"], first["ornek_veri"]) == ("30000", "60000", "1")
    assert first["saatlik_ortalama"] == "200"  # 45.000,50 TL / 225 hours, to the kuruş
    assert Decimal(second["saatlik_ortalama"]) == Decimal("120.25")
    assert (first["net_brut"], second["net_brut"]) == ("brüt", "belirtilmemiş")
    assert first["adres"].endswith("/meslekler/sofor-isci/")


def test_turkish_excel_csv_uses_semicolons_and_decimal_commas(client, figures):
    response = client.get("/veri/maaslar-excel.csv")
    assert response["Content-Disposition"].endswith('maaslar-2026-03-13-excel.csv"')
    rows = rows_of(response.content, ";")
    assert rows[0]["meslek_adi"] == "Şoför İşçi"
    assert rows[0]["ortalama"] == "45000,50"
    assert rows[1]["saatlik_ortalama"] == "120,25"
    assert rows[1]["ortalama"] == "25000"
    # As Turkish Excel reads a number: "," is the decimal mark, there are no thousands dots.
    assert Decimal(rows[0]["ortalama"].replace(",", ".")) == Decimal("45000.50")


def test_json_has_the_same_rows_licence_and_date(client, figures):
    response = client.get("/veri/maaslar.json")
    document = json.loads(response.content)
    assert document["license"] == "CC BY 4.0"
    assert document["data_date"] == "2026-03-13"
    csv_rows = rows_of(client.get("/veri/maaslar.csv").content, ",")
    assert [(r["role"], r["year"], r["average"]) for r in document["rows"]] == [
        (c["meslek"], int(c["yil"]), float(c["ortalama"])) for c in csv_rows
    ]
    assert document["rows"][0]["title"] == "Şoför İşçi"  # UTF-8, not \u escapes
    assert "Şoför" in response.content.decode()


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
)
def test_cells_that_would_run_as_formulas_are_neutralised(client, cell):
    role = make_role(cell, slug="formul")
    make_band(role, source=cell, source_url="")
    for path, delimiter in (("/veri/maaslar.csv", ","), ("/veri/maaslar-excel.csv", ";")):
        (row,) = rows_of(client.get(path).content, delimiter)
        assert row["meslek_adi"] == "'" + cell
        assert row["kaynak"] == "'" + cell
        assert row["sektor"].startswith("Sektör")


def test_a_slug_that_would_run_as_a_formula_is_guarded_and_the_file_imports_back(
    client, admin_client
):
    """The slug column gets the guard like every other text column, and the salary import
    reads the guarded cell back: a downloaded file, edited, imports onto the same role."""
    role = make_role("Eksi Meslek", slug="-2-meslek")
    make_band(role, year=2024, average="30000", top="40000", pay_basis="net", source="=kaynak")
    for path, delimiter in (("/veri/maaslar.csv", ","), ("/veri/maaslar-excel.csv", ";")):
        (row,) = rows_of(client.get(path).content, delimiter)
        assert row["meslek"] == "'-2-meslek"
    excel = client.get("/veri/maaslar-excel.csv").content.decode("utf-8-sig")
    content = excel.replace(";30000;", ";31000;")  # (the Excel file: the import's decimal comma)
    response = admin_client.post(
        reverse("admin:salaries_salaryband_import"),
        {"resource": "0", "format": "0",
         "import_file": SimpleUploadedFile("maaslar.csv", content.encode())},
    )  # fmt: skip
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    form = response.context["confirm_form"]
    admin_client.post(
        reverse("admin:salaries_salaryband_process_import"), {**form.initial, "confirm": "1"}
    )
    band = SalaryBand.objects.get(role=role, year=2024)
    assert (band.average, band.source) == (Decimal("31000"), "=kaynak")  # unguarded again


def test_empty_site_gives_a_header_only_file(client):
    response = client.get("/veri/maaslar.csv")
    assert response.status_code == 200
    assert rows_of(response.content, ",") == []
    assert response["Content-Disposition"].endswith(
        f'maaslar-{timezone.localdate().isoformat()}.csv"'
    )


def test_all_roles_file_size_at_demo_size(client, demo):
    """Printed for the closing note: the size of the CSV for all roles."""
    content = client.get("/veri/maaslar.csv").content
    bands = SalaryBand.objects.count()
    assert len(rows_of(content, ",")) == bands
    print(f"\nCSV for all roles: {len(content)} bytes, {bands} rows")


def test_salary_and_methodology_pages_link_the_downloads_with_licence_and_date(client, figures):
    for path in ("/maaslar/", "/maaslar/nasil-derleniyor/"):
        html = client.get(path).content.decode()
        for href in ("/veri/maaslar.csv", "/veri/maaslar-excel.csv", "/veri/maaslar.json"):
            assert f'href="{href}" download' in html, (path, href)
        assert "Rakamlar 13 Mart 2026 tarihli." in html, path
        assert 'rel="license">CC BY 4.0</a>' in html, path


def test_the_data_date_follows_a_salary_change(client, figures):
    assert (
        "Rakamlar 13 Mart 2026 tarihli."
        in client.get("/maaslar/nasil-derleniyor/").content.decode()
    )
    band = SalaryBand.objects.get(role=figures, year=2025)
    band.average = Decimal("46000")
    band.save()  # today: the cached pages showing the old date are purged
    today = timezone.localdate()
    for path in ("/maaslar/", "/maaslar/nasil-derleniyor/"):
        text = client.get(path).content.decode()
        assert f"Rakamlar {format_date(today)} tarihli." in text, path
    assert client.get("/veri/maaslar.csv")["Content-Disposition"].endswith(f'{today}.csv"')
