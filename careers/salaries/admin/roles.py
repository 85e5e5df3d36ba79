"""What the salaries app adds to the article's editor screen, through the articles app's
extension point (``careers.articles.admin.extensions``): the salary figures inline (after the
duties), the latest salary year and whether it is current in the role list, two filters, the
warnings after a save, the bands' revisions on the article's history page, and stale figures
as a reason for a re-review on the review dashboard."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from careers.articles.admin.common import EditorHelpMixin
from careers.articles.admin.extensions import RoleAdminExtension, extend_role_admin
from careers.articles.admin.forms import ConstraintMessageFormSet

from .. import quality
from ..models import MinimumWage, SalaryBand
from .amounts import TurkishAmountsMixin
from .bands import BAND_HELP, show_warnings
from .payroll import ConvertedFiguresMixin


class SalaryBandInline(
    ConvertedFiguresMixin, TurkishAmountsMixin, EditorHelpMixin, admin.TabularInline
):
    model = SalaryBand
    editor_help = BAND_HELP
    fields = [
        "year", "pay_basis", "average", "top", "low", "hourly_average", "hourly_top",
        "source", "source_url", "is_sample",
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


class SalaryYearFilter(admin.SimpleListFilter):
    title = gettext_lazy("latest salary year")
    parameter_name = "maas_yili"

    def lookups(self, request, model_admin):
        years = SalaryBand.objects.order_by("-year").values_list("year", flat=True).distinct()
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(salary_year=int(self.value()))
        return queryset


class StaleSalaryFilter(admin.SimpleListFilter):
    title = gettext_lazy("salary figures")
    parameter_name = "maas_durumu"
    #: The address's Turkish values and what they mean here.
    STATES = {"eski": "stale", "yok": "none", "guncel": "current"}

    def lookups(self, request, model_admin):
        labels = {
            "stale": _("Stale (older than %(months)s months)")
            % {"months": settings.SALARY_STALE_MONTHS},
            "none": _("None yet"),
            "current": _("Up to date"),
        }
        return [(value, labels[state]) for value, state in self.STATES.items()]

    def queryset(self, request, queryset):
        state = self.STATES.get(self.value())
        cutoff = quality.stale_before_year()
        if state == "stale":
            return queryset.filter(salary_year__lt=cutoff)
        if state == "none":
            return queryset.filter(salary_year__isnull=True)
        if state == "current":
            return queryset.filter(salary_year__gte=cutoff)
        return queryset


@admin.display(description=gettext_lazy("latest salary year"), ordering="salary_year")
def latest_year(role):
    return role.salary_year


@admin.display(description=gettext_lazy("salary up to date"), boolean=True)
def salary_current(role):
    return not quality.is_stale(role.salary_year)


def warnings_for_role(role):
    """Salary warnings of one role's bands (two queries)."""
    bands = list(role.salary_bands.all())
    for band in bands:
        band.role = role
    return quality.warnings_for_bands(bands, MinimumWage.objects.table())


class SalariesOnTheArticle(RoleAdminExtension):
    inlines = (SalaryBandInline,)
    inlines_after = "responsibility"
    list_display = (latest_year, salary_current)
    list_display_after = "status_display"
    list_filter = (SalaryYearFilter, StaleSalaryFilter)
    history_models = {SalaryBand: lambda record: str(record.year)}

    def saved(self, request, role):
        show_warnings(request, warnings_for_role(role))

    def due_for_review(self):
        """An article whose latest salary figures are stale is due for a re-review."""
        return Q(salary_year__lt=quality.stale_before_year())

    def review_reasons(self, role):
        if role.salary_year is not None and quality.is_stale(role.salary_year):
            return [_("Salary figures from %(year)s") % {"year": role.salary_year}]
        return []


extend_role_admin(SalariesOnTheArticle())
