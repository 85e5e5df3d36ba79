"""Bulk salary import and export (django-import-export), as CSV or XLSX.

The file has one row per role and year, with these columns (fixed, lower-case ASCII so a file
saved by any spreadsheet keeps them):

==================  ============================================================  ========
column              meaning                                                       required
==================  ============================================================  ========
meslek              the article's web address, e.g. ``musteri-hizmetleri-ekip-lideri``  yes
meslek_adi          the job title: written on export, ignored on import           no
yil                 the year the figures describe                                 yes
en_dusuk            lowest monthly pay, TL                                        no
ortalama            average monthly pay, TL                                       yes
ust_duzey           top monthly pay, TL                                           yes
saatlik_ortalama    hourly average (empty: derived from the monthly figure)       no
saatlik_ust_duzey   hourly top (empty: derived)                                   no
kaynak              where the figures come from                                   yes
kaynak_adresi       the source's web address                                      no
ornek_veri          1 for illustrative figures, else 0 or empty                   no
==================  ============================================================  ========

A row with an existing role and year updates that band; any other row adds one. Amounts may be
written the Turkish way (``45.000`` or ``45.000,50``) or plainly (``45000.50``). CSV files may
be UTF-8 or Windows-1254 (Excel's Turkish "CSV") and separated by commas or semicolons.

Nothing is written unless the whole file is valid: file-level problems (empty, unreadable,
too many rows, missing columns) are refused by :class:`SalaryImportForm` before anything runs;
row problems (unknown role, text in an amount, duplicate role and year, the salary rules) are
listed per row in Turkish and the confirm button is not offered; the confirmed import runs in
one transaction that rolls back on any error.
"""

import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, instance_loaders, resources, widgets
from import_export.formats import base_formats
from import_export.forms import ImportForm

from careers import turkish

from . import quality
from .models import MinimumWage, Role, SalaryBand
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
}
TITLE_COLUMN = "meslek_adi"
REQUIRED_COLUMNS = ("meslek", "yil", "ortalama", "ust_duzey", "kaynak")
MAX_FILE_BYTES = 10 * 1024 * 1024


# --- Reading files --------------------------------------------------------------------------


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


# --- Cells ----------------------------------------------------------------------------------

_TURKISH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


def parse_amount(value):
    """``"45.000"`` / ``"45.000,50"`` / ``"45000,50"`` / ``"45000.50"`` / ``45000`` ->
    ``Decimal``; None for an empty cell; ``ValueError`` otherwise."""
    if value is None:
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = text.removesuffix("TL").removesuffix("tl").strip()
    if not text:
        return None
    if _TURKISH_THOUSANDS.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(
            _("“%(value)s” is not an amount; write it like 45000 or 45.000,50.") % {"value": value}
        ) from None
    if not amount.is_finite():
        raise ValueError(_("“%(value)s” is not an amount.") % {"value": value})
    return amount


class AmountWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        return parse_amount(value)


class YearWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            raise ValueError(_("Enter the year, e.g. 2025."))
        text = str(value).strip().removesuffix(".0")
        if not text.isdigit():
            raise ValueError(_("“%(value)s” is not a year; write it like 2025.") % {"value": value})
        return int(text)


class RoleSlugWidget(widgets.ForeignKeyWidget):
    """The role by its web address; ``roles`` (``{slug: Role}``, loaded once per import by
    the resource) saves a query per row."""

    roles = None

    def __init__(self):
        super().__init__(Role, field="slug")

    def clean(self, value, row=None, **kwargs):
        slug = str(value or "").strip()
        if not slug:
            raise ValueError(_("Enter the role's web address, e.g. kredi-asistani."))
        role = self.roles.get(slug) if self.roles is not None else None
        if role is None and self.roles is None:
            role = Role.objects.filter(slug=slug).first()
        if role is None:
            raise ValueError(_("No role has the web address “%(slug)s”.") % {"slug": slug})
        return role


class FlagWidget(widgets.BooleanWidget):
    TRUE = {"1", "true", "yes", "evet", "e", "x"}
    FALSE = {"", "0", "false", "no", "hayır", "hayir", "h"}

    def clean(self, value, row=None, **kwargs):
        text = turkish.lower(str(value if value is not None else "").strip())
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("Write 1 for sample figures, or leave it empty."))

    def render(self, value, obj=None, **kwargs):
        return "1" if value else "0"


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


# --- The resource ---------------------------------------------------------------------------


class BandInstanceLoader(instance_loaders.BaseInstanceLoader):
    """Finds the existing band of each row's role and year in a dict loaded with one query
    (the default loader makes one query per row)."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        roles = resource.fields["role"].widget.roles or {}
        self.bands = {
            (band.role_id, band.year): band
            for band in SalaryBand.objects.filter(role__in=list(roles.values()))
        }

    def get_instance(self, row):
        role = self.resource.fields["role"].clean(row)
        year = self.resource.fields["year"].clean(row)
        band = self.bands.get((role.pk, year))
        if band is not None:
            band.role = role
        return band


class SalaryBandResource(resources.ModelResource):
    role = fields.Field(attribute="role", column_name="meslek", widget=RoleSlugWidget())
    role_title = fields.Field(column_name=TITLE_COLUMN, readonly=True)
    year = fields.Field(attribute="year", column_name="yil", widget=YearWidget())
    low = fields.Field(attribute="low", column_name="en_dusuk", widget=AmountWidget())
    average = fields.Field(attribute="average", column_name="ortalama", widget=AmountWidget())
    top = fields.Field(attribute="top", column_name="ust_duzey", widget=AmountWidget())
    hourly_average = fields.Field(
        attribute="hourly_average", column_name="saatlik_ortalama", widget=AmountWidget()
    )
    hourly_top = fields.Field(
        attribute="hourly_top", column_name="saatlik_ust_duzey", widget=AmountWidget()
    )
    source = fields.Field(attribute="source", column_name="kaynak", widget=TextWidget())
    source_url = fields.Field(
        attribute="source_url", column_name="kaynak_adresi", widget=TextWidget()
    )
    is_sample = fields.Field(attribute="is_sample", column_name="ornek_veri", widget=FlagWidget())

    class Meta:
        model = SalaryBand
        fields = (
            "role", "role_title", "year", "low", "average", "top", "hourly_average",
            "hourly_top", "source", "source_url", "is_sample",
        )  # fmt: skip
        import_id_fields = ("role", "year")
        instance_loader_class = BandInstanceLoader
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        store_instance = True

    @classmethod
    def get_display_name(cls):
        return _("Salary bands")

    def dehydrate_role_title(self, band):
        return band.role.title

    def get_queryset(self):
        return super().get_queryset().select_related("role")

    def before_import(self, dataset, **kwargs):
        normalise_headers(dataset)
        self._seen = {}
        slugs = set()
        if dataset.headers and "meslek" in dataset.headers:
            slugs = {str(slug or "").strip() for slug in dataset["meslek"]}
        self.fields["role"].widget.roles = {
            role.slug: role for role in Role.objects.filter(slug__in=slugs - {""})
        }

    def get_instance(self, instance_loader, row):
        # Read the identifying columns first so a bad one is a row error with its column.
        errors = {}
        for name in self.get_import_id_fields():
            field = self.fields[name]
            try:
                field.clean(row)
            except (ValueError, KeyError) as error:
                errors[field.column_name] = [str(error.args[0]) if error.args else str(error)]
        if errors:
            raise ValidationError(errors)
        return super().get_instance(instance_loader, row)

    def before_import_row(self, row, row_number=None, **kwargs):
        key = (str(row.get("meslek") or "").strip(), str(row.get("yil") or "").strip())
        if all(key):
            first = self._seen.setdefault(key, row_number)
            if first != row_number:
                raise ValidationError(
                    _(
                        "Row %(first)s already has figures for this role and year: each role "
                        "and year may appear only once."
                    )
                    % {"first": first}
                )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's field checks and ``clean()`` (the salary rules, with the editor's
        messages). The database constraints say the same and still guard the save; checking
        them here would cost five queries a row. One band per role and year is ensured by the
        duplicate-row check and the instance loader."""
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(
                exclude=errors.keys(), validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            # Name the file's columns, not the model's fields.
            raise ValidationError(
                {
                    COLUMNS.get(key, key): value
                    for key, value in ValidationError(errors).message_dict.items()
                }
            )

    def after_import(self, dataset, result, **kwargs):
        """Attach the salary warnings of the imported rows to ``result.quality_warnings``
        (shown on the preview and after the import); two queries."""
        super().after_import(dataset, result, **kwargs)
        imported = [
            row.instance
            for row in result.rows
            if row.instance is not None and row.import_type in ("new", "update")
        ]
        result.quality_warnings = []
        if not imported or result.has_errors() or result.has_validation_errors():
            return
        role_ids = {band.role_id for band in imported}
        neighbours = list(SalaryBand.objects.filter(role_id__in=role_ids).select_related("role"))
        keys = {(band.role_id, band.year) for band in imported}
        warnings = quality.warnings_for_bands(neighbours, MinimumWage.objects.table())
        result.quality_warnings = [w for w in warnings if (w.band.role_id, w.band.year) in keys]
