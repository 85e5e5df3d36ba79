"""Bulk salary import/export in the admin (django-import-export): dry run, confirm, bad files."""

import io
import time
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from careers.salaries.models import SalaryBand

from .factories import make_band, make_role, make_sector

pytestmark = pytest.mark.django_db

IMPORT = "admin:salaries_salaryband_import"
CONFIRM = "admin:salaries_salaryband_process_import"
CSV, XLSX = "0", "1"
HEADER = (
    "meslek,yil,en_dusuk,ortalama,ust_duzey,saatlik_ortalama,saatlik_ust_duzey,kaynak,"
    "kaynak_adresi,ornek_veri,net_brut"
)


@pytest.fixture
def roles(db):
    sector = make_sector()
    roles = [make_role(f"Meslek {n}", sector=sector, slug=f"meslek-{n}") for n in range(1, 4)]
    for role in roles:
        make_band(role, year=2024, average="30000", top="40000", source="Kariyer siteleri")
    return roles


def upload(client, content, name="maaslar.csv", fmt=CSV):
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        reverse(IMPORT),
        {"resource": "0", "format": fmt, "import_file": SimpleUploadedFile(name, data)},
    )


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(reverse(CONFIRM), {**form.initial, "confirm": "1"}, follow=True)


def file_errors(response):
    return " ".join(response.context["form"].errors.get("import_file", []))


def row_errors(response):
    result = response.context["result"]
    messages = []
    for row in result.invalid_rows:
        for field, errors in row.error_dict.items():
            messages += [f"{row.number}:{field}:{e}" for e in errors]
    for number, errors in result.row_errors():
        messages += [f"{number}:{e.error}" for e in errors]
    return messages


def bands():
    return sorted(
        (b.role.slug, b.year, b.average, b.top) for b in SalaryBand.objects.select_related("role")
    )


# --- The happy path -------------------------------------------------------------------------


def test_dry_run_shows_the_changes_then_confirm_writes_them(admin_client, admin_user, roles):
    before = bands()
    content = "\n".join(
        [
            HEADER,
            "meslek-1,2025,,33000,44000,,,Kariyer siteleri 2025,,,net",
            "meslek-2,2025,25000,34000,45000,,,Kariyer siteleri 2025,,0,net",
            "meslek-3,2024,,31000,40000,,,Kariyer siteleri,,,net",  # an update of 2024
        ]
    )
    response = upload(admin_client, content)
    assert response.status_code == 200
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["new", "new", "update"]
    assert "confirm_form" in response.context
    assert bands() == before  # the dry run wrote nothing

    done = confirm(admin_client, response)
    assert done.status_code == 200
    messages = [str(m) for m in done.context["messages"]]
    assert "İçe aktarma tamamlandı: 2 eklendi, 1 güncellendi, 0 değişmedi." in messages
    assert ("meslek-1", 2025, Decimal("33000.00"), Decimal("44000.00")) in bands()
    assert ("meslek-3", 2024, Decimal("31000.00"), Decimal("40000.00")) in bands()
    new = SalaryBand.objects.get(role=roles[0], year=2025)
    assert new.hourly_average is None and new.hourly_average_display == Decimal("146.67")
    updated = SalaryBand.objects.get(role=roles[2], year=2024)
    record = updated.history.first()
    assert record.history_user == admin_user
    assert record.prev_record.average == Decimal("30000.00")


def test_import_preview_shows_warnings_but_allows_confirm(admin_client, roles):
    content = f"{HEADER}\nmeslek-1,2025,,15000,44000,,,Kaynak,,,net\n"  # below 22.104,67 TL
    response = upload(admin_client, content)
    html = response.content.decode()
    assert "confirm_form" in response.context
    assert "Ortalama rakam (15.000 TL), 2025 yılının en düşük net asgari ücretinin" in html
    done = confirm(admin_client, response)
    assert any("veri kalitesi" in str(m) for m in done.context["messages"])
    assert SalaryBand.objects.filter(role=roles[0], year=2025).exists()


def test_xlsx_import(admin_client, roles):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["meslek-1", 2025, None, 33000, 44000.5, None, None, "Excel", None, None, "net"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(admin_client, buffer.getvalue(), name="maaslar.xlsx", fmt=XLSX)
    assert not row_errors(response), row_errors(response)
    confirm(admin_client, response)
    band = SalaryBand.objects.get(role=roles[0], year=2025)
    assert (band.average, band.top) == (Decimal("33000"), Decimal("44000.50"))


def test_turkish_excel_csv_windows_1254_semicolons_and_turkish_amounts(admin_client, roles):
    content = (
        "meslek;yil;ortalama;ust_duzey;kaynak;net_brut\n"
        "meslek-1;2025;33.000;44.000,50;Kariyer siteleri ve forumlar (güncel);brüt\n"
    ).encode("cp1254")
    response = upload(admin_client, content)
    assert not row_errors(response), row_errors(response)
    confirm(admin_client, response)
    band = SalaryBand.objects.get(role=roles[0], year=2025)
    assert (band.average, band.top) == (Decimal("33000"), Decimal("44000.50"))
    assert band.source == "Kariyer siteleri ve forumlar (güncel)"


@pytest.mark.parametrize(("fmt", "extension"), [(CSV, "csv"), (XLSX, "xlsx")])
def test_export_then_import_round_trip(admin_client, roles, fmt, extension):
    response = admin_client.post(
        reverse("admin:salaries_salaryband_export"),
        {
            "format": fmt,
            "resource": "0",
            **{
                f"salarybandresource_{f}": "on"
                for f in (
                    "role",
                    "role_title",
                    "year",
                    "low",
                    "average",
                    "top",
                    "hourly_average",
                    "hourly_top",
                    "source",
                    "source_url",
                    "is_sample",
                    "pay_basis",
                )
            },
        },  # fmt: skip
    )
    assert response.status_code == 200
    assert extension in response["Content-Disposition"]
    data = response.content
    if fmt == CSV:
        text = data.decode("utf-8-sig")
        assert text.splitlines()[0].startswith("meslek,meslek_adi,yil")
        assert "meslek-1,Meslek 1,2024" in text
    response = upload(admin_client, data, name=f"maaslar.{extension}", fmt=fmt)
    assert not row_errors(response), row_errors(response)
    assert [row.import_type for row in response.context["result"].rows] == ["skip"] * 3


# --- Bad files: a clear Turkish message, nothing written ------------------------------------


def assert_nothing_written(response, before):
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert bands() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "dosya boş."),
        (
            "meslek,yil,ortalama,kaynak\nmeslek-1,2025,30000,x\n",
            "Gerekli sütunlar eksik: ust_duzey.",
        ),
        (HEADER + "\n", "Dosyada başlık satırı var ama hiç maaş satırı yok."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "Bu dosya CSV olarak okunamadı."),
    ],
    ids=["empty", "missing-column", "header-only", "not-csv"],
)
def test_file_level_problems(admin_client, roles, content, message):
    before = bands()
    response = upload(admin_client, content)
    assert_nothing_written(response, before)
    assert message in file_errors(response)  # (an empty upload: Django's "Gönderilen dosya boş.")


def test_xlsx_chosen_for_a_csv_file(admin_client, roles):
    before = bands()
    response = upload(admin_client, f"{HEADER}\nmeslek-1,2025,,1,2,,,x,,,net", fmt=XLSX)
    assert_nothing_written(response, before)
    assert "Bu dosya XLSX olarak okunamadı." in file_errors(response)


def test_a_50000_row_file_is_refused_quickly(admin_client, roles):
    before = bands()
    rows = "\n".join(f"meslek-1,{1990 + n % 30},,30000,40000,,,x,,,net" for n in range(50_000))
    started = time.perf_counter()
    response = upload(admin_client, f"{HEADER}\n{rows}\n")
    elapsed = time.perf_counter() - started
    assert_nothing_written(response, before)
    assert (
        "Dosyada 50.000 satır var; bir seferde en fazla 5.000 satır içe aktarılabilir."
        in file_errors(response)
    )
    assert elapsed < 2, elapsed
    print(f"\n50,000-row CSV refused in {elapsed:.3f} s")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("meslek-1,2025,,otuz bin,40000,,,x,,,net", "1:ortalama:“otuz bin” bir tutar değil"),
        (
            "yok-boyle-meslek,2025,,30000,40000,,,x,,",
            "1:meslek:“yok-boyle-meslek” web adresine sahip bir meslek yok.",
        ),
        ("meslek-1,iki bin,,30000,40000,,,x,,,net", "1:yil:“iki bin” bir yıl değil"),
        (
            "meslek-1,2025,,50000,40000,,,x,,,net",
            "1:ortalama:" + gettext("The average cannot be higher than the top figure."),
        ),
        (
            "meslek-1,2999,,30000,40000,,,x,,,net",
            "1:yil:" + gettext("The year cannot be in the future (it is %(year)s now).")[:12],
        ),
        (
            "meslek-1,2025,,-5,40000,,,x,,,net",
            "1:ortalama:" + gettext("Enter an amount greater than zero."),
        ),
        ("meslek-1,2025,,30000,40000,,,,,,net", "1:kaynak:Bu alan boş olamaz."),
    ],
    ids=[
        "text-amount",
        "unknown-role",
        "text-year",
        "average-over-top",
        "future",
        "negative",
        "no-source",
    ],
)
def test_row_errors_are_listed_and_nothing_is_written(admin_client, roles, row, expected):
    before = bands()
    content = f"{HEADER}\n{row}\nmeslek-2,2025,,30000,40000,,,x,,,net\n"
    response = upload(admin_client, content)
    assert_nothing_written(response, before)
    errors = row_errors(response)
    assert any(e.startswith(expected) for e in errors), errors
    assert not any(e.startswith("2:") for e in errors)  # the good row has no error
    assert "Traceback" not in response.content.decode()


def test_duplicate_role_and_year_rows(admin_client, roles):
    before = bands()
    rows = ["meslek-1,2025,,30000,40000,,,x,,,net", "meslek-2,2025,,30000,40000,,,x,,,net"]
    content = "\n".join([HEADER, *rows, "meslek-1,2025,,31000,41000,,,x,,,net"])
    response = upload(admin_client, content)
    assert_nothing_written(response, before)
    assert row_errors(response) == [
        "3:__all__:1. satırda bu meslek ve yıl için zaten rakamlar var: her meslek ve yıl "
        "dosyada yalnızca bir kez yer alabilir."
    ]


def test_confirm_writes_nothing_if_the_data_went_bad_in_between(admin_client, roles):
    before = bands()
    content = (
        f"{HEADER}\nmeslek-1,2025,,33000,44000,,,x,,,net\nmeslek-2,2025,,33000,44000,,,x,,,net\n"
    )
    response = upload(admin_client, content)
    assert "confirm_form" in response.context
    roles[1].delete()  # someone deletes a role before the editor confirms
    before = [b for b in before if b[0] != "meslek-2"]
    done = confirm(admin_client, response)
    assert bands() == before
    assert any("Hiçbir şey içe aktarılmadı" in str(m) for m in done.context["messages"])


# --- Speed ----------------------------------------------------------------------------------


def test_a_1000_row_yearly_update_dry_run_and_confirm(admin_client):
    sector = make_sector()
    for n in range(1000):
        make_role(f"Meslek {n}", sector=sector, slug=f"m-{n}")
    rows = "\n".join(
        f"m-{n},2025,,{30000 + n},{45000 + n},,,Kariyer siteleri,,,net" for n in range(1000)
    )
    started = time.perf_counter()
    response = upload(admin_client, f"{HEADER}\n{rows}\n")
    dry_run = time.perf_counter() - started
    assert "confirm_form" in response.context
    started = time.perf_counter()
    confirm(admin_client, response)
    confirmed = time.perf_counter() - started
    assert SalaryBand.objects.filter(year=2025).count() == 1000
    print(f"\n1,000-row CSV: dry run {dry_run:.2f} s, confirm {confirmed:.2f} s")
    assert dry_run + confirmed < 60


def test_column_names_with_turkish_letters_capitals_and_spaces(admin_client, roles):
    content = (
        "Meslek;Yıl;Ortalama;Üst Düzey;Kaynak;Net Brüt\n"
        "meslek-2;2025;35.500;47.000;Kariyer siteleri;NET\n"
    ).encode("utf-8-sig")
    response = upload(admin_client, content)
    assert not file_errors(response) and not row_errors(response)
    confirm(admin_client, response)
    band = SalaryBand.objects.get(role=roles[1], year=2025)
    assert (band.average, band.top) == (Decimal("35500"), Decimal("47000"))
