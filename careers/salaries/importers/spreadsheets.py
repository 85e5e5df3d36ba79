"""Spreadsheet files from and for editors, made safe (used by files.py).

*Import limits, checked before anything parses the file.* An XLSX is a zip archive: 2 MB can
inflate to gigabytes (a zip bomb) inside openpyxl. :func:`check_xlsx_archive` reads only the
archive's directory and refuses a file whose members add up to more than
``SALARY_IMPORT_MAX_UNCOMPRESSED_BYTES`` (``conf.py``: 20 MB, a hundred times a yearly update)
or that has an absurd number of members. (Python's zipfile never inflates a member past its
declared size, so a lying directory cannot get around it.) The row count is then checked from
the sheet's rows as they stream, stopping at the limit (:func:`count_xlsx_rows`), never from
the ``<dimension>`` tag a crafted file can forge.

*Formula escaping on export.* A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is run as a formula by spreadsheet programs (``=HYPERLINK(...)``,
``+cmd|...``, ``@SUM``). django-import-export's own escaping
(``IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT``) removes one leading ``=`` only and turns every
cell, numbers too, into text; :class:`FormulaEscapingMixin` does what OWASP recommends instead:
text cells starting with one of those characters get a leading apostrophe, numbers stay numbers.
An import reads such a cell back without the apostrophe (:func:`unescape_formulae`), so a file
exported here or downloaded from /veri/ can be edited and imported again as it is.
"""

import io
import zipfile

from django.utils.translation import gettext as _

from careers import turkish

from .. import conf

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_MEMBERS = 200


class FileLimitError(ValueError):
    """The file is over a limit; the message is for the editor."""


def escape_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unescape_formula(value):
    """The cell as it was before :func:`escape_formula` (``'-2-meslek`` -> ``-2-meslek``)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def unescape_formulae(dataset):
    """Every text cell of an imported ``dataset`` without the guard a download put on it."""
    for index in range(len(dataset)):
        dataset[index] = tuple(unescape_formula(cell) for cell in dataset[index])
    return dataset


class FormulaEscapingMixin:
    """For django-import-export formats: every exported text cell is formula-safe."""

    def export_data(self, dataset, **kwargs):
        for index in range(len(dataset)):
            dataset[index] = tuple(escape_formula(cell) for cell in dataset[index])
        if dataset.headers:
            dataset.headers = [escape_formula(header) for header in dataset.headers]
        return super().export_data(dataset, **kwargs)


def check_xlsx_archive(data):
    """Raise FileLimitError when the XLSX would inflate past the limit; ValueError when it is
    not a zip archive at all. Reads only the archive's directory."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ValueError("not an XLSX file") from error
    with archive:
        members = archive.infolist()
        limit = conf.get("SALARY_IMPORT_MAX_UNCOMPRESSED_BYTES")
        total = sum(member.file_size for member in members)
        if len(members) > MAX_MEMBERS or total > limit:
            raise FileLimitError(
                _(
                    "This Excel file would take %(size)s MB once unpacked; at most %(max)s MB "
                    "is accepted. Save only the salary sheet, or save it as CSV."
                )
                % {"size": turkish.format_megabytes(total), "max": turkish.format_megabytes(limit)}
            )


def _rows(data):
    """The first sheet's rows as value tuples, streamed. The ``<dimension>`` tag is ignored:
    a file that understates it (some programs write it wrong; a crafted file lies) would
    otherwise have rows silently left out."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.active
        sheet.reset_dimensions()
        yield from sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def count_xlsx_rows(data, stop_after):
    """The data rows of the first sheet (header excluded), counted as they stream and
    stopping once past ``stop_after``. Call :func:`check_xlsx_archive` first."""
    rows = -1
    for _row in _rows(data):
        rows += 1
        if rows > stop_after:
            break
    return max(rows, 0)


def read_xlsx(data):
    """The first sheet as a tablib Dataset (header row, then the rows; blank rows kept as
    django-import-export keeps them). Call :func:`check_xlsx_archive` first."""
    import tablib

    dataset = tablib.Dataset()
    rows = _rows(data)
    header = next(rows, None)
    if header is None:
        return dataset
    dataset.headers = list(header)
    width = len(header)
    for row in rows:
        values = list(row)[:width]
        dataset.append(values + [None] * (width - len(values)))
    return dataset
