"""Salary bands (list, import, history, data quality) and the minimum wage in the admin."""

from types import SimpleNamespace

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from careers.articles.admin.common import EditorHelpMixin
from careers.site.admin_search import TurkishSearchMixin

from .. import quality
from ..importers import FORMATS, SalaryBandResource, SalaryImportForm
from ..models import MinimumWage, SalaryBand
from .amounts import TurkishAmountsMixin, amount_column
from .payroll import ConvertedFiguresMixin, converted_column
from .review import SalaryReviewMixin

#: Help texts for the band fields whose model gives none.
BAND_HELP = {
    ("salaryband", "role"): gettext_lazy("Type to find the role these figures describe."),
    ("salaryband", "source_url"): gettext_lazy(
        "Optional. The web page the figures come from, starting with https://."
    ),
}


def show_warnings(request, warnings):
    """The salary warnings as messages above the next page (a save never stops for them)."""
    for warning in warnings:
        messages.warning(
            request,
            _("%(band)s: %(message)s") % {"band": warning.band, "message": warning.message},
        )


def previous_band_subquery(field):
    bands = SalaryBand.objects.filter(role=OuterRef("role"), year=OuterRef("year") - 1)
    return Subquery(bands.values(field)[:1])


@admin.register(SalaryBand)
class SalaryBandAdmin(
    SalaryReviewMixin,
    ConvertedFiguresMixin,
    TurkishAmountsMixin,
    EditorHelpMixin,
    TurkishSearchMixin,
    ImportExportModelAdmin,
    SimpleHistoryAdmin,
):
    editor_help = BAND_HELP
    resource_classes = [SalaryBandResource]
    import_form_class = SalaryImportForm
    formats = FORMATS
    import_error_display = ("message",)
    import_template_name = "admin/salaries/salaryband/import.html"
    change_list_template = "admin/salaries/salaryband/change_list.html"

    list_display = [
        "role",
        "year",
        "pay_basis",
        "average",
        "converted_average",
        "top",
        "low",
        "hourly_average",
        "hourly_top",
        "is_sample",
        "warning_list",
    ]
    converted_average = converted_column("average")
    list_display_links = ["role"]
    list_editable = ["average", "top", "low", "hourly_average", "hourly_top"]
    list_filter = ["year", "pay_basis", "role__sector", "is_sample"]
    # The page's roles in a second query: joined, SQLite would read every role and sort all
    # their bands (each with last year's figures) before showing a hundred.
    list_select_related = False
    search_fields = ["role__title", "role__slug"]
    search_help_text = gettext_lazy("Search by job title or web address.")
    autocomplete_fields = ["role"]
    readonly_fields = ["warning_list"]
    # Fifty editable rows a page: each row renders five amount widgets, and at a hundred the
    # page passes 300 ms.
    list_per_page = 50
    # Newest changes first, read from the index on update time: ordering by role would sort
    # every band (with its previous-year figures) before showing a hundred.
    ordering = ["-updated_at", "-pk"]
    show_full_result_count = False
    fields = [
        "role", "year", "pay_basis", "average", "top", "low", "hourly_average", "hourly_top",
        "source", "source_url", "is_sample", "warning_list",
    ]  # fmt: skip
    history_list_display = ["average", "top"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("role")
            .annotate(
                previous_average=previous_band_subquery("average"),
                previous_top=previous_band_subquery("top"),
            )
        )

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        rates = MinimumWage.objects.table()
        for band in changelist.result_list:
            band.quality_warnings = self._warnings(band, rates)
        return changelist

    @staticmethod
    def _warnings(band, rates):
        previous = None
        if getattr(band, "previous_average", None) is not None:
            previous = SimpleNamespace(
                year=band.year - 1, average=band.previous_average, top=band.previous_top
            )
        return quality.band_warnings(band, previous=previous, rates=rates)

    @admin.display(description=gettext_lazy("warnings"))
    def warning_list(self, band):
        warnings = getattr(band, "quality_warnings", None)
        if warnings is None:
            if band.pk is None:
                return "–"
            band = self.get_queryset_for_warnings(band)
            warnings = self._warnings(band, MinimumWage.objects.table())
        if not warnings:
            return "–"
        return format_html(
            '<ul class="salary-warnings">{}</ul>',
            format_html_join("", "<li>{}</li>", ((w.message,) for w in warnings)),
        )

    def get_queryset_for_warnings(self, band):
        return (
            SalaryBand.objects.annotate(
                previous_average=previous_band_subquery("average"),
                previous_top=previous_band_subquery("top"),
            )
            .select_related("role")
            .get(pk=band.pk)
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.pk is not None and getattr(request, "review_mode", None) is None:  # not held
            band = self.get_queryset_for_warnings(obj)
            show_warnings(request, self._warnings(band, MinimumWage.objects.table()))

    # Import: nothing is written unless the whole file is valid.

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def add_data_read_fail_error_to_form(self, form, e):
        form.add_error(
            "import_file",
            _("This file cannot be read. Save it from your spreadsheet as CSV or XLSX."),
        )

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _("Nothing was imported: the file has errors. Upload it again to see them."),
            )
            return HttpResponseRedirect(reverse("admin:salaries_salaryband_import"))
        response = super().process_result(result, request)
        warnings = getattr(result, "quality_warnings", [])
        if warnings:
            messages.warning(
                request,
                _(
                    "%(count)s figures need a second look (below the minimum wage, a large "
                    "change or hourly and monthly disagree): see the data-quality page."
                )
                % {"count": len(warnings)},
            )
        return response

    def add_success_message(self, result, request):
        totals = result.totals
        messages.success(
            request,
            _("Import finished: %(new)s added, %(updated)s updated, %(skipped)s unchanged.")
            % {"new": totals["new"], "updated": totals["update"], "skipped": totals["skip"]},
        )

    # The data-quality page.

    def get_urls(self):
        return [
            path(
                "data-quality/",
                self.admin_site.admin_view(self.data_quality_view),
                name="salaries_salaryband_data_quality",
            ),
            *super().get_urls(),
        ]

    def data_quality_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Salary data quality"),
            "opts": self.opts,
            "report": quality.quality_report(),
        }
        return TemplateResponse(request, "admin/salaries/salaryband/data_quality.html", context)


@admin.register(MinimumWage)
class MinimumWageAdmin(TurkishAmountsMixin, EditorHelpMixin, admin.ModelAdmin):
    list_display = ["effective_from", "net_monthly_tr", "gross_monthly_tr", "source"]
    net_monthly_tr = amount_column(MinimumWage, "net_monthly")
    gross_monthly_tr = amount_column(MinimumWage, "gross_monthly")
    fields = ["effective_from", "net_monthly", "gross_monthly", "source"]
