"""The salary data as files: CSV (UTF-8 with a byte-order mark, so Excel reads the Turkish
letters), the same CSV for Turkish Excel (``;`` between fields, decimal comma) and JSON.

One row per published role and year, the columns of the admin's salary import (a downloaded
file can be edited and imported again) plus the title, sector, net/gross and the article's
address, then each monthly figure on both bases (``ortalama_net``, ``ortalama_brut``, ...: the
source's own on its basis, ``net_brut``, and the other computed with the year's payroll rules,
empty when ``donusum`` says it could not be; the import ignores these columns). Licence
CC BY 4.0; the date of the data (the last change of a published figure) is in the file name,
the JSON and the ``Last-Modified`` header. Text cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) are written with a leading
apostrophe (OWASP "CSV injection"), the slug column included; the salary import reads such a
cell back without it.
"""

import csv
import io
import json

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import http_date

from careers.articles import keys
from careers.salaries import conversion
from careers.salaries import keys as salary_keys
from careers.salaries.conversion import FIGURES
from careers.salaries.freshness import salary_data_date
from careers.salaries.models import PayBasis
from careers.turkish import format_number

from . import data
from .http import chain

COLUMNS = (
    "meslek", "meslek_adi", "sektor", "yil", "net_brut", "en_dusuk", "ortalama", "ust_duzey",
    "saatlik_ortalama", "saatlik_ust_duzey", "kaynak", "kaynak_adresi", "ornek_veri", "adres",
    "en_dusuk_net", "en_dusuk_brut", "ortalama_net", "ortalama_brut", "ust_duzey_net",
    "ust_duzey_brut", "donusum",
)  # fmt: skip
#: The ``donusum`` column: how the other basis's figures were found (data.converted_values).
CONVERSION_NAMES = {
    conversion.COMPUTED: "hesaplandı",
    conversion.NO_RULES: "yılın bordro kuralları yok",
    conversion.OUT_OF_RANGE: "hesaplanamadı",
    conversion.UNSPECIFIED: "belirtilmemiş",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
AMOUNTS = ("low", "average", "top", "hourly_average", "hourly_top")


def safe_text(value):
    """A text cell no spreadsheet will evaluate: ``=HYPERLINK(...)`` -> ``'=HYPERLINK(...)``."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def plain_amount(value):
    return "" if value is None else str(value)


def excel_amount(value):
    """``25.2`` -> ``"25,20"``, ``30000`` -> ``"30000"``: decimal comma, no thousands dots."""
    return "" if value is None else format_number(value).replace(".", "")


def csv_row(row, amount):
    return [
        safe_text(row["role"]),  # a slug may start with "-" too
        safe_text(row["title"]),
        safe_text(row["sector"]),
        row["year"],
        PayBasis.turkish_name(row["pay_basis"]),  # as the salary import reads them
        *(amount(row[name]) for name in AMOUNTS),
        safe_text(row["source"]),
        safe_text(row["source_url"]),
        1 if row["is_sample"] else 0,
        row["url"],
        *(amount(row[f"{name}_{basis}"]) for name in FIGURES for basis in ("net", "gross")),
        CONVERSION_NAMES[row["conversion"]],
    ]


def rows():
    converter = conversion.converter()  # the payroll key: on every download (chain's keys)
    bands = data.published_bands().iterator(chunk_size=2000)
    return (data.salary_row(band, converter) for band in bands)


def file_response(content, content_type, suffix, date):
    day = timezone.localdate(date) if date else timezone.localdate()
    response = HttpResponse(content, content_type=content_type)
    name = f"meslek-rehberi-maaslar-{day.isoformat()}{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Link"] = f'<{data.LICENSE_URL}>; rel="license"'
    if date:
        response["Last-Modified"] = http_date(date.timestamp())
    return response


def csv_download(delimiter, amount, suffix):
    def view(request):
        date = salary_data_date()
        buffer = io.StringIO()
        buffer.write("\ufeff")  # the byte-order mark: Excel then reads the file as UTF-8
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(COLUMNS)
        writer.writerows(csv_row(row, amount) for row in rows())
        return file_response(buffer.getvalue().encode(), "text/csv; charset=utf-8", suffix, date)

    return view


#: What every download shows: every published band, on both bases.
KEYS = (keys.ROLES, salary_keys.PAYROLL)
salaries_csv = chain(csv_download(",", plain_amount, ".csv"), keys=KEYS)
salaries_excel_csv = chain(csv_download(";", excel_amount, "-excel.csv"), keys=KEYS)


def _salaries_json(request):
    date = salary_data_date()
    document = {
        "title": "Meslek Rehberi: meslek maaşları",
        "license": data.LICENSE,
        "license_url": data.LICENSE_URL,
        "attribution": data.ATTRIBUTION,
        "data_date": timezone.localdate(date).isoformat() if date else None,
        "currency": "TRY",
        "period": "monthly",
        "rows": list(rows()),
    }
    content = json.dumps(document, ensure_ascii=False)
    return file_response(content.encode(), "application/json; charset=utf-8", ".json", date)


salaries_json = chain(_salaries_json, keys=KEYS)
