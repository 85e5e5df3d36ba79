"""Readers' reports in the admin: the review queue, each role's counts and published figures
beside the editor's own, the batch's runs and the "recompute now" button.

* **Reports** (:class:`ReportAdmin`): opens on the held reports (the queue), each with the
  reason it was held; accept or reject in bulk (``review_report``, the editors'). Reports are
  never added or edited here: a reader's figure is theirs. No address is ever shown.
* **Figures per role** (:class:`ReportSummaryAdmin`): for each role with published figures,
  its reports by status, the readers' net and gross medians and the editor's latest figure
  beside them: the reports' effect on the role's figures.
* **Batch runs**, and **Recompute now**: enqueues the batch job (the same as the nightly one);
  what it changes is public once it has run.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from careers import turkish
from careers.site import jobs as site_jobs
from careers.site.admin_search import TurkishSearchMixin

from ..models import PayBasis
from . import jobs
from .models import Report, ReportBatchRun, ReportStatus, ReportSummary

QUEUE_FILTER = "status__exact"


class RecomputeMixin:
    """The "recompute now" button's address (``…/yeniden-hesapla/``, POST only), for editors
    who may review reports."""

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_recompute"
        return [
            path("yeniden-hesapla/", self.admin_site.admin_view(self.recompute), name=name),
            *super().get_urls(),
        ]

    def recompute(self, request):
        if request.method != "POST" or not request.user.has_perm("salaries.review_report"):
            raise PermissionDenied
        site_jobs.enqueue(jobs.recompute, f"admin: {request.user.get_username()}"[:40])
        self.message_user(
            request,
            _(
                "The figures are being recomputed from every accepted report; pages show the "
                "new figures as soon as the job has run (usually within a minute)."
            ),
            messages.SUCCESS,
        )
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        extra = {
            "recompute_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_recompute"),
            "can_recompute": request.user.has_perm("salaries.review_report"),
            "last_run": ReportBatchRun.objects.first(),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra)


class YearFilter(admin.SimpleListFilter):
    """The year an amount is for: this year, last year or earlier, from the clock (the form
    offers only this year and last). Django's own filter would read every distinct year of a
    million reports on each page of the queue."""

    title = pgettext_lazy("salary reports", "year")
    parameter_name = "yil"

    def lookups(self, request, model_admin):
        this_year = timezone.localdate().year
        return [
            (str(this_year), str(this_year)),
            (str(this_year - 1), str(this_year - 1)),
            ("once", pgettext_lazy("salary reports", "earlier")),
        ]

    def queryset(self, request, queryset):
        this_year = timezone.localdate().year
        if self.value() == "once":
            return queryset.filter(year__lt=this_year - 1)
        if self.value() in {str(this_year), str(this_year - 1)}:
            return queryset.filter(year=int(self.value()))
        return queryset


@admin.register(Report)
class ReportAdmin(RecomputeMixin, TurkishSearchMixin, admin.ModelAdmin):
    change_list_template = "admin/salaries/report/change_list.html"
    list_display = (
        "created_at",
        "role",
        "province_column",
        "experience",
        "amount_column",
        "pay_basis",
        "employment",
        "year",
        "status",
        "reason",
    )
    list_filter = ("status", "pay_basis", "employment", "experience", YearFilter)
    list_select_related = ("role",)
    search_fields = ("role__title",)
    show_full_result_count = False  # a million reports: no second COUNT per page
    actions = ("accept", "reject")
    readonly_fields = (
        "role",
        "province_column",
        "experience",
        "amount_column",
        "pay_basis",
        "employment",
        "year",
        "employer_size",
        "status",
        "reason",
        "created_at",
        "reviewed_at",
        "reviewed_by",
    )
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def get_search_results(self, request, queryset, search_term):
        """By the role's title: a report has one role, so no row can come twice (no DISTINCT,
        whose count over a million reports took a quarter of a second)."""
        queryset, _duplicates = super().get_search_results(request, queryset, search_term)
        return queryset, False

    def has_change_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm("salaries.review_report")

    def changelist_view(self, request, extra_context=None):
        """The list opens on the queue: held reports, newest first."""
        if not request.GET and request.method == "GET":
            return HttpResponseRedirect(f"{request.path}?{QUEUE_FILTER}={ReportStatus.HELD}")
        held = Report.objects.filter(status=ReportStatus.HELD).count()
        return super().changelist_view(request, {"held_count": held, **(extra_context or {})})

    @admin.display(description=pgettext_lazy("salary reports", "province"), ordering="province")
    def province_column(self, report):
        return report.province_name

    @admin.display(description=pgettext_lazy("salary reports", "monthly amount"), ordering="amount")
    def amount_column(self, report):
        return turkish.format_money(report.amount, 2 if report.amount % 1 else 0)

    def _review(self, request, queryset, status, message):
        count = queryset.exclude(status=status).update(
            status=status, reviewed_at=timezone.now(), reviewed_by=request.user
        )
        self.message_user(request, message(count), messages.SUCCESS)

    @admin.action(description=gettext_lazy("Accept: count them"), permissions=["review"])
    def accept(self, request, queryset):
        self._review(
            request,
            queryset,
            ReportStatus.ACCEPTED,
            lambda n: (
                ngettext(
                    "%(count)s report accepted: it counts from the next recomputation.",
                    "%(count)s reports accepted: they count from the next recomputation.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=gettext_lazy("Reject: never count them"), permissions=["review"])
    def reject(self, request, queryset):
        self._review(
            request,
            queryset,
            ReportStatus.REJECTED,
            lambda n: (
                ngettext("%(count)s report rejected.", "%(count)s reports rejected.", n)
                % {"count": n}
            ),
        )


def _count(status):
    reports = (
        Report.objects.filter(role=OuterRef("role"), status=status)
        .order_by()
        .values("role")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(reports, output_field=IntegerField())


@admin.register(ReportSummary)
class ReportSummaryAdmin(RecomputeMixin, TurkishSearchMixin, admin.ModelAdmin):
    """Published figures per role: the reports' effect on each role's figures."""

    change_list_template = "admin/salaries/reportsummary/change_list.html"
    list_display = (
        "role",
        "year",
        "net_column",
        "gross_column",
        "editor_column",
        "accepted",
        "held",
        "rejected",
        "computed_at",
    )
    list_select_related = ("role",)
    search_fields = ("role__title",)
    ordering = ("-net_count", "pk")  # salaries_summary_count_idx
    show_full_result_count = False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("figures")
            .annotate(
                accepted_n=_count(ReportStatus.ACCEPTED),
                held_n=_count(ReportStatus.HELD),
                rejected_n=_count(ReportStatus.REJECTED),
            )
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @staticmethod
    def _median(median, count):
        if median is None:
            return "—"
        return format_html("{} <small>({})</small>", turkish.format_money(median), count)

    @admin.display(description=gettext_lazy("readers' net median"), ordering="net_median")
    def net_column(self, summary):
        return self._median(summary.net_median, summary.net_count)

    @admin.display(description=gettext_lazy("readers' gross median"), ordering="gross_median")
    def gross_column(self, summary):
        return self._median(summary.gross_median, summary.gross_count)

    @admin.display(description=gettext_lazy("editors' latest average"))
    def editor_column(self, summary):
        role = summary.role
        if role.salary_average is None:
            return "—"
        basis = PayBasis.turkish_name(role.salary_pay_basis) or "—"
        return f"{turkish.format_money(role.salary_average)} ({role.salary_year}, {basis})"

    @admin.display(description=pgettext_lazy("salary reports", "accepted"), ordering="accepted_n")
    def accepted(self, summary):
        return summary.accepted_n or 0

    @admin.display(description=pgettext_lazy("salary reports", "held"), ordering="held_n")
    def held(self, summary):
        held = summary.held_n or 0
        if not held:
            return 0
        url = reverse("admin:salaries_report_changelist")
        query = f"?{QUEUE_FILTER}={ReportStatus.HELD}&role__id__exact={summary.role_id}"
        return format_html('<a href="{}{}">{}</a>', url, query, held)

    @admin.display(description=pgettext_lazy("salary reports", "rejected"), ordering="rejected_n")
    def rejected(self, summary):
        return summary.rejected_n or 0


@admin.register(ReportBatchRun)
class ReportBatchRunAdmin(RecomputeMixin, admin.ModelAdmin):
    change_list_template = "admin/salaries/reportbatchrun/change_list.html"
    list_display = (
        "started_at",
        "trigger",
        "seconds",
        "reports",
        "counted",
        "held",
        "cohorts",
        "roles_changed",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
