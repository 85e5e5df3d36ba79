"""Reading an uploaded salary file: its format, its columns, and whole-file refusals."""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.formats import base_formats
from import_export.forms import ImportForm

from careers import turkish

from .spreadsheets import (
    FileLimitError,
    FormulaEscapingMixin,
    check_xlsx_archive,
    count_xlsx_rows,
    read_xlsx,
)

COLUMNS = {
    # model field -> column
    "role": "meslek",
    "year": "yil",
    "low": "en_dusuk",
    "average": "ortalama",
    "top": "ust_duzey",
    "hourly_average": "saatlik_ortalama",
    "hourly_top": "saatlik_ust_duzey",
    "source": "kaynak",
    "source_url": "kaynak_adresi",
    "is_sample": "ornek_veri",
    "pay_basis": "net_brut",
}
TITLE_COLUMN = "meslek_adi"
REQUIRED_COLUMNS = ("meslek", "yil", "ortalama", "ust_duzey", "kaynak")
MAX_FILE_BYTES = 10 * 1024 * 1024


def normalise_header(header):
    """``"Üst Düzey"`` -> ``"ust_duzey"``, ``"Yıl"`` -> ``"yil"``: editors may type the column
    names with Turkish letters, capitals and spaces."""
    return re.sub(r"[\s-]+", "_", turkish.ascii_fold(str(header or "").strip()))


def normalise_headers(dataset):
    if dataset.headers:
        dataset.headers = [normalise_header(h) for h in dataset.headers]
    return dataset


class TurkishCSV(FormulaEscapingMixin, base_formats.CSV):
    """CSV as Turkish spreadsheets write it: UTF-8 (with or without BOM) or Windows-1254,
    comma or semicolon separated."""

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            if b"\x00" in in_stream:
                raise ValueError("binary data")
            try:
                in_stream = in_stream.decode("utf-8-sig")
            except UnicodeDecodeError:
                in_stream = in_stream.decode("cp1254")
        first_line = in_stream.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        return normalise_headers(super().create_dataset(in_stream, delimiter=delimiter, **kwargs))


class TurkishXLSX(FormulaEscapingMixin, base_formats.XLSX):
    def create_dataset(self, in_stream):
        check_xlsx_archive(in_stream)  # never inflate a zip bomb, whoever calls this
        return normalise_headers(read_xlsx(in_stream))


FORMATS = [TurkishCSV, TurkishXLSX]


def _row_count_hint(data, file_format):
    """The data rows (or a quick upper bound), before the whole file is parsed: an XLSX's
    unpacked size is checked from its directory first (spreadsheets.py)."""
    if isinstance(file_format, TurkishXLSX):
        check_xlsx_archive(data)
        return count_xlsx_rows(data, stop_after=settings.SALARY_IMPORT_MAX_ROWS)
    return max(data.count(b"\n") - 1, 0)


class SalaryImportForm(ImportForm):
    """The import form, refusing whole-file problems with a message next to the file."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self._formats = formats
        self.fields["import_file"].help_text = gettext_lazy(
            "A CSV or Excel (XLSX) file with one row per role and year; export the current "
            "figures to get one with the right columns."
        )

    def clean(self):
        cleaned = super().clean()
        upload, format_index = cleaned.get("import_file"), cleaned.get("format")
        if upload is None or format_index in (None, ""):
            return cleaned
        file_format = self._formats[int(format_index)]()
        problem = self._file_problem(upload, file_format)
        if problem:
            self.add_error("import_file", problem)
        return cleaned

    def _file_problem(self, upload, file_format):
        if upload.size > MAX_FILE_BYTES:
            return _("The file is larger than %(max)s MB.") % {"max": MAX_FILE_BYTES // 2**20}
        data = upload.read()
        upload.seek(0)
        if not data.strip():
            return _("The file is empty.")
        unreadable = _(
            "This file cannot be read as %(format)s. Choose the file's format below, or save "
            "it from your spreadsheet as CSV (UTF-8) or Excel (XLSX)."
        ) % {"format": file_format.get_title().upper()}
        limit = settings.SALARY_IMPORT_MAX_ROWS
        too_many = _(
            "The file has %(rows)s rows; at most %(max)s can be imported at once. Split it "
            "into smaller files."
        )
        try:
            hint = _row_count_hint(data, file_format)
        except FileLimitError as error:
            return str(error)
        except Exception:
            return unreadable
        if hint > limit and isinstance(file_format, TurkishXLSX):  # counted up to the limit
            return _(
                "The file has more than %(max)s rows; at most %(max)s can be imported at "
                "once. Split it into smaller files."
            ) % {"max": turkish.format_number(limit)}
        if hint > limit:
            return too_many % {
                "rows": turkish.format_number(hint),
                "max": turkish.format_number(limit),
            }
        try:
            dataset = file_format.create_dataset(data)
        except Exception:
            return unreadable
        headers = dataset.headers or []
        missing = [column for column in REQUIRED_COLUMNS if column not in headers]
        if missing:
            return _(
                "Required columns are missing: %(missing)s. The first row must name the "
                "columns: %(required)s (see the list above)."
            ) % {"missing": ", ".join(missing), "required": ", ".join(REQUIRED_COLUMNS)}
        if len(dataset) == 0:
            return _("The file has a header row but no salary rows.")
        if len(dataset) > limit:
            return too_many % {
                "rows": turkish.format_number(len(dataset)),
                "max": turkish.format_number(limit),
            }
        return None
