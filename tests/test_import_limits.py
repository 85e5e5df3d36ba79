"""Hostile spreadsheets: zip bombs and forged sizes refused before parsing; exported cells
never run as formulas in a spreadsheet program."""

import io
import re
import tracemalloc
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from careers.salaries.models import SalaryBand

from .factories import make_band, make_role
from .test_import import HEADER, XLSX, assert_nothing_written, bands, file_errors, roles, upload

pytestmark = pytest.mark.django_db
__all__ = ["roles"]  # the fixture, used by name


def zip_bomb(inflated_mb=100):
    """An XLSX-looking archive of ~100 KB whose shared strings inflate to ``inflated_mb``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w") as member:
            chunk = b"<si><t>" + b"A" * (1024 * 1024 - 16) + b"</t></si>"
            for _ in range(inflated_mb):
                member.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating_it(admin_client, roles):
    bomb = zip_bomb()
    assert len(bomb) < 1024 * 1024  # under a megabyte on the wire
    before = bands()
    tracemalloc.start()
    try:
        response = upload(admin_client, bomb, name="maaslar.xlsx", fmt=XLSX)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_nothing_written(response, before)
    assert (
        "Bu Excel dosyası açıldığında 100 MB yer tutacak; en fazla 20 MB kabul edilir."
        in file_errors(response)
    )
    assert peak < 30 * 1024 * 1024, peak  # the 100 MB were never inflated


def xlsx(rows, forge_dimension=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if forge_dimension is None:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]+"', f'<dimension ref="{forge_dimension}"'
                              .encode(), data)  # fmt: skip
            target.writestr(item, data)
    return out.getvalue()


def test_the_row_limit_counts_real_rows_not_the_forgeable_dimension_tag(admin_client, roles):
    rows = [["meslek-1", 1990 + n % 30, None, 30000, 40000, None, None, "x", None, None]
            for n in range(5_100)]  # fmt: skip
    data = xlsx(rows, forge_dimension="A1:J2")
    before = bands()
    response = upload(admin_client, data, name="maaslar.xlsx", fmt=XLSX)
    assert_nothing_written(response, before)
    assert (
        "Dosyada 5.000 satırdan fazla var; bir seferde en fazla 5.000 satır içe aktarılabilir."
        in file_errors(response)
    )


FORMULAE = ['=HYPERLINK("http://kotu.example","tıkla")', "+cmd|' /C calc'!A0", "@SUM(1+1)",
            "-2+3", "==1+1"]  # fmt: skip


def export(client, fmt):
    fields = ("role", "role_title", "year", "average", "top", "source")
    return client.post(
        reverse("admin:salaries_salaryband_export"),
        {"format": fmt, "resource": "0", **{f"salarybandresource_{f}": "on" for f in fields}},
    )


@pytest.fixture
def formula_bands(db):
    for n, formula in enumerate(FORMULAE):
        role = make_role(formula, slug=f"formul-{n}")
        make_band(role, year=2025, average="30000", top="45000", source=formula)
    return SalaryBand.objects.count()


def test_csv_export_escapes_formulae(admin_client, formula_bands):
    text = export(admin_client, "0").content.decode("utf-8-sig")
    for formula in FORMULAE:
        assert f"'{formula}".replace('"', '""') in text
    for line in text.splitlines()[1:]:
        cells = next(iter(__import__("csv").reader([line])))
        assert not any(cell.startswith(("=", "+", "@")) for cell in cells), line
        assert cells[3] == "30000,00"  # amounts are exported untouched


def test_xlsx_export_keeps_no_live_formula_and_numbers_stay_numbers(admin_client, formula_bands):
    workbook = openpyxl.load_workbook(io.BytesIO(export(admin_client, XLSX).content))
    cells = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]
    assert cells and not [cell.value for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert {f"'{formula}" for formula in FORMULAE} <= texts
    averages = [row[3].value for row in workbook.active.iter_rows(min_row=2)]
    assert averages == ["30000,00"] * len(FORMULAE)  # amounts are exported untouched
