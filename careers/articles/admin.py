"""The editors' admin: one screen per article, salaries kept current, in Turkish.

Query counts of the pages are pinned in tests/test_admin.py; related rows are loaded in
``get_queryset`` and autocomplete selections come from the inline's own rows (no query per row).
"""

from types import SimpleNamespace

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportModelAdmin
from markdownx.models import MarkdownxField
from simple_history.admin import SimpleHistoryAdmin

from careers import turkish
from careers.comments.models import approved_comment_count

from . import quality
from .amounts import TurkishAmountField
from .forms import (
    ConstraintMessageFormSet,
    EditorMarkdownxWidget,
    PrefetchedAutocompleteFormSet,
    PrefetchedAutocompleteSelect,
    RoleAdminForm,
)
from .models import (
    MinimumWage,
    RelatedRole,
    Responsibility,
    Role,
    RoleSkill,
    SalaryBand,
    Sector,
    Skill,
    Status,
    Trend,
    latest_band_subquery,
)
from .resources import FORMATS, SalaryBandResource, SalaryImportForm

MARKDOWN_WIDGETS = {MarkdownxField: {"widget": EditorMarkdownxWidget}}


def show_warnings(request, warnings):
    for warning in warnings:
        messages.warning(
            request,
            _("%(band)s: %(message)s") % {"band": warning.band, "message": warning.message},
        )


def warnings_for_role(role):
    """Salary warnings of one role's bands (two queries)."""
    bands = list(role.salary_bands.all())
    for band in bands:
        band.role = role
    return quality.warnings_for_bands(bands, MinimumWage.objects.table())


# --- Help for every field -------------------------------------------------------------------

#: Help texts for the fields whose model gives none (the models' own texts are kept).
EDITOR_HELP = {
    ("skill", "slug"): gettext_lazy(
        "The skill's web address. Filled in from the name; change it rarely."
    ),
    ("responsibility", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("roleskill", "skill"): gettext_lazy(
        "Type to find a shared skill; add a new one with the plus sign."
    ),
    ("roleskill", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("trend", "title"): gettext_lazy("A short heading for the trend, e.g. “Yapay zekâ”."),
    ("trend", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("relatedrole", "to_role"): gettext_lazy("Type to find the article to link to."),
    ("relatedrole", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("salaryband", "role"): gettext_lazy("Type to find the role these figures describe."),
    ("salaryband", "source_url"): gettext_lazy(
        "Optional. The web page the figures come from, starting with https://."
    ),
}


class EditorHelpMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        if isinstance(db_field, models.DecimalField):
            # Every amount (inlines, the editable salary list, minimum wage) the Turkish way.
            kwargs.setdefault("form_class", TurkishAmountField)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        help_text = EDITOR_HELP.get((db_field.model._meta.model_name, db_field.name))
        if field is not None and help_text and not field.help_text:
            field.help_text = help_text
        return field


# --- Turkish search -------------------------------------------------------------------------


def case_variants(word):
    """The spellings a database's case-insensitive match needs to find ``word`` in Turkish
    text: SQLite's LIKE folds ASCII only, so "ilet" does not find "İletişim" by itself."""
    lower = turkish.lower(word)
    return {word, lower, turkish.upper(word), turkish.upper(lower[:1]) + lower[1:]}


class TurkishSearchMixin:
    """Admin search (and autocomplete) that finds "İletişim" from "ilet", "ışık" from "IŞIK"."""

    def get_search_results(self, request, queryset, search_term):
        fields = list(self.get_search_fields(request))
        if not fields or not search_term.strip():
            return queryset, False
        for word in search_term.split():
            condition = Q()
            for variant in case_variants(word):
                for name in fields:
                    condition |= Q(**{f"{name}__icontains": variant})
            queryset = queryset.filter(condition)
        return queryset, any("__" in name for name in fields)


# --- Sectors and skills ---------------------------------------------------------------------


@admin.register(Sector)
class SectorAdmin(EditorHelpMixin, TurkishSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "role_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_total=Count("roles")).order_by("name")

    @admin.display(description=gettext_lazy("roles"), ordering="role_total")
    def role_count(self, sector):
        return sector.role_total


@admin.register(Skill)
class SkillAdmin(EditorHelpMixin, TurkishSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "role_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = MARKDOWN_WIDGETS

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(role_total=Count("role_skills")).order_by("name")
        )

    @admin.display(description=gettext_lazy("roles"), ordering="role_total")
    def role_count(self, skill):
        return skill.role_total


# --- The article ----------------------------------------------------------------------------


class ResponsibilityInline(EditorHelpMixin, admin.TabularInline):
    model = Responsibility
    fields = ["text", "order"]
    extra = 1
    verbose_name_plural = gettext_lazy("Duties (the list under “Sorumlulukları ve Görevleri”)")


class SalaryBandInline(EditorHelpMixin, admin.TabularInline):
    model = SalaryBand
    fields = [
        "year", "average", "top", "low", "hourly_average", "hourly_top", "source",
        "source_url", "is_sample",
    ]  # fmt: skip
    extra = 1
    formset = ConstraintMessageFormSet
    show_change_link = True  # the band's own page shows its history
    verbose_name_plural = gettext_lazy(
        "Salary figures, one row per year (history and warnings: open a row)"
    )

    def get_queryset(self, request):
        # A row's title (``__str__``) names the role.
        return super().get_queryset(request).select_related("role")


class AutocompleteInlineMixin:
    """Autocomplete fields whose selected options come from the inline's own rows."""

    formset = PrefetchedAutocompleteFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PrefetchedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.prefetch_fields = tuple(self.autocomplete_fields)
        return formset


class RelatedRoleInline(EditorHelpMixin, AutocompleteInlineMixin, admin.TabularInline):
    model = RelatedRole
    fk_name = "from_role"
    fields = ["to_role", "placement", "order"]
    autocomplete_fields = ["to_role"]
    extra = 1
    verbose_name_plural = gettext_lazy("Related roles and “En Popüler” links")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_role", "to_role")


class RoleSkillInline(EditorHelpMixin, AutocompleteInlineMixin, admin.StackedInline):
    model = RoleSkill
    fields = ["skill", "label", "body", "order"]
    autocomplete_fields = ["skill"]
    formfield_overrides = MARKDOWN_WIDGETS
    extra = 1
    verbose_name_plural = gettext_lazy("Skills (“Olmak İçin Gerekli Beceriler”)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("skill")


class TrendInline(EditorHelpMixin, admin.StackedInline):
    model = Trend
    fields = ["title", "body", "order"]
    formfield_overrides = MARKDOWN_WIDGETS
    extra = 1
    verbose_name_plural = gettext_lazy("Trends (“Mesleki Gelişme”)")


class SalaryYearFilter(admin.SimpleListFilter):
    title = gettext_lazy("latest salary year")
    parameter_name = "maas_yili"

    def lookups(self, request, model_admin):
        years = SalaryBand.objects.order_by("-year").values_list("year", flat=True).distinct()
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(latest_year=int(self.value()))
        return queryset


class StaleSalaryFilter(admin.SimpleListFilter):
    title = gettext_lazy("salary figures")
    parameter_name = "maas_durumu"

    def lookups(self, request, model_admin):
        return [
            ("eski", _("Stale (older than %(months)s months)") % {"months": _stale_months()}),
            ("yok", _("None yet")),
            ("guncel", _("Up to date")),
        ]

    def queryset(self, request, queryset):
        cutoff = quality.stale_before_year()
        if self.value() == "eski":
            return queryset.filter(latest_year__lt=cutoff)
        if self.value() == "yok":
            return queryset.filter(latest_year__isnull=True)
        if self.value() == "guncel":
            return queryset.filter(latest_year__gte=cutoff)
        return queryset


def _stale_months():
    from django.conf import settings

    return settings.SALARY_STALE_MONTHS


@admin.register(Role)
class RoleAdmin(EditorHelpMixin, TurkishSearchMixin, admin.ModelAdmin):
    form = RoleAdminForm
    formfield_overrides = MARKDOWN_WIDGETS
    list_display = [
        "title",
        "sector",
        "status_display",
        "latest_year",
        "salary_current",
        "updated_at",
        "comment_count",
        "site_link",
    ]
    list_filter = ["sector", "status", SalaryYearFilter, StaleSalaryFilter]
    search_fields = ["title", "alternative_titles", "slug", "summary"]
    search_help_text = gettext_lazy("Search titles, other names, web addresses and summaries.")
    list_select_related = ["sector"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = None
    list_per_page = 50
    save_on_top = True
    inlines = [
        ResponsibilityInline,
        SalaryBandInline,
        RelatedRoleInline,
        RoleSkillInline,
        TrendInline,
    ]
    fieldsets = [
        (
            gettext_lazy("Title and introduction"),
            {
                "fields": [
                    "title",
                    "slug",
                    "alternative_titles",
                    "sector",
                    "summary",
                    "lead",
                    "intro",
                ]
            },
        ),
        (
            gettext_lazy("Responsibilities and duties"),
            {
                "fields": ["responsibilities_intro"],
                "description": gettext_lazy("The duties themselves are listed further down."),
            },
        ),
        (
            gettext_lazy("Salary"),
            {
                "fields": ["salary_intro", "outlook", "outlook_text", "salary_footnote"],
                "description": gettext_lazy(
                    "The figures of each year are entered in “Salary figures” further down."
                ),
            },
        ),
        (
            gettext_lazy("Requirements and qualifications"),
            {"fields": ["requirements_intro", "education", "training", "certifications"]},
        ),
        (gettext_lazy("Skills"), {"fields": ["skills_intro"]}),
        (gettext_lazy("Working conditions"), {"fields": ["work_environment"]}),
        (gettext_lazy("Professional development"), {"fields": ["trends_intro"]}),
        (gettext_lazy("How to become one"), {"fields": ["how_to_become", "career_path"]}),
        (gettext_lazy("Article image"), {"fields": ["image", "image_alt"]}),
        (
            gettext_lazy("Publishing"),
            {"fields": ["status", "published_at", "comments_open"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                latest_year=latest_band_subquery("year"),
                approved_comments=approved_comment_count(),
            )
        )

    @admin.display(description=gettext_lazy("comments"), ordering="approved_comments")
    def comment_count(self, role):
        """Approved comments; links to the role's comments in the moderation list."""
        count = role.approved_comments or 0
        url = reverse("admin:comments_comment_changelist") + f"?role__id__exact={role.pk}"
        return format_html('<a href="{}">{}</a>', url, count)

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_display(self, role):
        if role.status == Status.PUBLISHED and not role.is_public:
            return _("Scheduled")
        return role.get_status_display()

    @admin.display(description=gettext_lazy("latest salary year"), ordering="latest_year")
    def latest_year(self, role):
        return role.latest_year

    @admin.display(description=gettext_lazy("salary up to date"), boolean=True)
    def salary_current(self, role):
        return not quality.is_stale(role.latest_year)

    @admin.display(description=gettext_lazy("on the site"))
    def site_link(self, role):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            role.get_absolute_url(),
            _("See it on the site"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        show_warnings(request, warnings_for_role(form.instance))


# --- Salaries -------------------------------------------------------------------------------


def previous_band_subquery(field):
    bands = SalaryBand.objects.filter(role=OuterRef("role"), year=OuterRef("year") - 1)
    return Subquery(bands.values(field)[:1])


@admin.register(SalaryBand)
class SalaryBandAdmin(
    EditorHelpMixin, TurkishSearchMixin, ImportExportModelAdmin, SimpleHistoryAdmin
):
    resource_classes = [SalaryBandResource]
    import_form_class = SalaryImportForm
    formats = FORMATS
    import_error_display = ("message",)
    import_template_name = "admin/articles/salaryband/import.html"
    change_list_template = "admin/articles/salaryband/change_list.html"

    list_display = [
        "role",
        "year",
        "average",
        "top",
        "low",
        "hourly_average",
        "hourly_top",
        "is_sample",
        "warning_list",
    ]
    list_display_links = ["role"]
    list_editable = ["average", "top", "low", "hourly_average", "hourly_top"]
    list_filter = ["year", "role__sector", "is_sample"]
    list_select_related = ["role"]
    search_fields = ["role__title", "role__slug"]
    search_help_text = gettext_lazy("Search by job title or web address.")
    autocomplete_fields = ["role"]
    readonly_fields = ["warning_list"]
    list_per_page = 100
    fields = [
        "role", "year", "average", "top", "low", "hourly_average", "hourly_top", "source",
        "source_url", "is_sample", "warning_list",
    ]  # fmt: skip
    history_list_display = ["average", "top"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
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
            return HttpResponseRedirect(reverse("admin:articles_salaryband_import"))
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
                name="articles_salaryband_data_quality",
            ),
            *super().get_urls(),
        ]

    def data_quality_view(self, request):
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Salary data quality"),
            "opts": self.opts,
            "report": quality.quality_report(),
        }
        return TemplateResponse(request, "admin/articles/salaryband/data_quality.html", context)


@admin.register(MinimumWage)
class MinimumWageAdmin(EditorHelpMixin, admin.ModelAdmin):
    list_display = ["effective_from", "net_monthly", "gross_monthly", "source"]
    fields = ["effective_from", "net_monthly", "gross_monthly", "source"]
    date_hierarchy = None
