"""The salary band resource: one row per role and year, validated by the salary rules."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, instance_loaders, resources

from careers.articles.models import Role

from .. import quality
from ..models import MinimumWage, SalaryBand
from .cells import (
    AmountWidget,
    FlagWidget,
    PayBasisWidget,
    RoleSlugWidget,
    TextWidget,
    YearWidget,
)
from .files import COLUMNS, TITLE_COLUMN, normalise_headers
from .spreadsheets import unescape_formulae


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
    pay_basis = fields.Field(attribute="pay_basis", column_name="net_brut", widget=PayBasisWidget())

    class Meta:
        model = SalaryBand
        fields = (
            "role", "role_title", "year", "low", "average", "top", "hourly_average",
            "hourly_top", "source", "source_url", "is_sample", "pay_basis",
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
        unescape_formulae(dataset)  # a downloaded file's guarded cells, as they were
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

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # An existing band keeps its net/gross when the file leaves the cell empty.
        empty = not str(row.get(field.column_name) or "").strip()
        if field.attribute == "pay_basis" and empty and instance.pk is not None:
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

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
