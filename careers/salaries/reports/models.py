"""Readers' salary reports, and the figures published from them.

* :class:`Report`: one reader's monthly pay for one role. No name, no e-mail, no free text;
  the reader's address only as a keyed hash (``address_hash``), for the flood limits and so
  that a second report from the same address for the same role replaces the first, and only
  for ``REPORTS_ADDRESS_RETENTION_DAYS`` (then a periodic job deletes it). Never shown.
* :class:`ReportCohort`: a published aggregate (median, quartiles, count, months), one row per
  cohort that passed the privacy threshold when the batch last ran (``batch.py``). The
  database itself refuses a row of fewer than 5 reports or 5 addresses.
* :class:`ReportSummary`: what a role's pages show of its cohorts, one row per role, written by
  the same batch. The article reads it in the role's own query (a join: no query of its own).
* :class:`ReportBatchRun`: when the batch ran, how long it took and what it changed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from careers.articles.models import Role

from ..models import PayBasis
from . import provinces


class Experience(models.TextChoices):
    UP_TO_1 = "0-1", _("0–1 years")
    FROM_2 = "2-4", _("2–4 years")
    FROM_5 = "5-9", _("5–9 years")
    FROM_10 = "10+", _("10 years or more")


class Employment(models.TextChoices):
    FULL_TIME = "full", pgettext_lazy("salary reports", "full time")
    PART_TIME = "part", pgettext_lazy("salary reports", "part time")


class EmployerSize(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250+", _("250 or more employees")


class ReportStatus(models.TextChoices):
    ACCEPTED = "accepted", pgettext_lazy("salary reports", "accepted")
    HELD = "held", pgettext_lazy("salary reports", "held for review")
    REJECTED = "rejected", pgettext_lazy("salary reports", "rejected")


#: A report says net or gross: never "unspecified" (a figure nobody can compare).
REPORT_BASES = [
    (PayBasis.NET.value, PayBasis.NET.label),
    (PayBasis.GROSS.value, PayBasis.GROSS.label),
]


class Report(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="salary_reports", verbose_name=_("role")
    )
    province = models.PositiveSmallIntegerField(
        pgettext_lazy("salary reports", "province"), choices=provinces.choices()
    )
    experience = models.CharField(
        pgettext_lazy("salary reports", "experience"), max_length=4, choices=Experience
    )
    amount = models.DecimalField(
        pgettext_lazy("salary reports", "monthly amount"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Monthly pay, in TL."),
    )
    pay_basis = models.CharField(_("net or gross"), max_length=12, choices=REPORT_BASES)
    employment = models.CharField(
        pgettext_lazy("salary reports", "working time"), max_length=4, choices=Employment
    )
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year the amount is for."))
    employer_size = models.CharField(
        pgettext_lazy("salary reports", "employer size"),
        max_length=6,
        choices=EmployerSize,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus, default=ReportStatus.ACCEPTED
    )
    reason = models.CharField(
        pgettext_lazy("salary reports", "why held"),
        max_length=300,
        blank=True,
        help_text=_("Shown to editors only."),
    )
    address_hash = models.CharField(
        _("address (keyed hash)"),
        max_length=64,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Deleted automatically after the retention period; never the address itself."),
    )
    created_at = models.DateTimeField(
        pgettext_lazy("salary reports", "reported"), default=timezone.now, editable=False
    )
    reviewed_at = models.DateTimeField(
        pgettext_lazy("salary reports", "reviewed"), null=True, blank=True, editable=False
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=pgettext_lazy("salary reports", "reviewed by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("salary report")
        verbose_name_plural = _("salary reports")
        indexes = [
            # the batch reads a role's accepted reports in order; counts per role
            models.Index(fields=["role", "status"], name="salaries_report_role_idx"),
            # the review queue, newest first (the admin breaks ties by -pk: with it in the
            # index, a search by role walks the held reports, not a million by date)
            models.Index(fields=["status", "-created_at", "-id"], name="salaries_report_queue_idx"),
            # the flood check without Redis, the retention job
            models.Index(fields=["address_hash", "created_at"], name="salaries_report_addr_idx"),
            models.Index(fields=["created_at"], name="salaries_report_created_idx"),
        ]
        constraints = [
            # "duplicates from one address for one role replace each other, never add up"
            models.UniqueConstraint(
                fields=["role", "address_hash"],
                condition=Q(address_hash__isnull=False),
                name="salaries_report_one_per_address_and_role",
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="salaries_report_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(province__gte=1) & Q(province__lte=81),
                name="salaries_report_province_plate",
            ),
            models.CheckConstraint(
                condition=Q(pay_basis__in=[PayBasis.NET, PayBasis.GROSS]),
                name="salaries_report_net_or_gross",
            ),
        ]
        permissions = [("review_report", _("Can accept or reject salary reports"))]

    def __str__(self):
        return _("Report #%(pk)s: %(role)s") % {"pk": self.pk, "role": self.role}

    @property
    def province_name(self):
        province = provinces.get(self.province)
        return province.name if province else ""


class CohortKind(models.TextChoices):
    ROLE = "role", pgettext_lazy("salary reports", "the whole occupation")
    EXPERIENCE = "experience", pgettext_lazy("salary reports", "experience")
    REGION = "region", pgettext_lazy("salary reports", "region")
    CITY = "city", pgettext_lazy("salary reports", "city")


class ReportCohort(models.Model):
    """One published aggregate: the reports of one role, of one basis (net or gross) and
    working time, for one amount year, in one cohort (the whole role, an experience band, a
    region or a city). Amounts are whole lira, rounded to ``REPORTS_ROUND_TO``."""

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="report_cohorts", verbose_name=_("role")
    )
    pay_basis = models.CharField(_("net or gross"), max_length=12, choices=REPORT_BASES)
    employment = models.CharField(
        pgettext_lazy("salary reports", "working time"), max_length=4, choices=Employment
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(
        pgettext_lazy("salary reports", "cohort"), max_length=10, choices=CohortKind
    )
    experience = models.CharField(
        pgettext_lazy("salary reports", "experience"), max_length=4, choices=Experience, blank=True
    )
    region = models.CharField(pgettext_lazy("salary reports", "region"), max_length=3, blank=True)
    province = models.PositiveSmallIntegerField(
        pgettext_lazy("salary reports", "province"),
        choices=provinces.choices(),
        null=True,
        blank=True,
    )
    count = models.PositiveIntegerField(pgettext_lazy("salary reports", "reports"))
    addresses = models.PositiveIntegerField(pgettext_lazy("salary reports", "different addresses"))
    p25 = models.PositiveIntegerField(pgettext_lazy("salary reports", "25th percentile"))
    median = models.PositiveIntegerField(pgettext_lazy("salary reports", "median"))
    p75 = models.PositiveIntegerField(pgettext_lazy("salary reports", "75th percentile"))
    first_month = models.DateField(_("first report's month"))
    last_month = models.DateField(_("last report's month"))
    computed_at = models.DateTimeField(pgettext_lazy("salary reports", "computed"))

    class Meta:
        ordering = ["role", "pay_basis", "employment", "kind", "experience", "region", "province"]
        verbose_name = _("published cohort")
        verbose_name_plural = _("published cohorts")
        indexes = [models.Index(fields=["role", "kind"], name="salaries_cohort_role_idx")]
        constraints = [
            # The privacy threshold, kept by the database whatever the code does: never fewer
            # than 5 reports from 5 addresses (a setting may raise it, never lower it).
            models.CheckConstraint(
                condition=Q(count__gte=5) & Q(addresses__gte=5),
                name="salaries_cohort_privacy_threshold",
            ),
            models.CheckConstraint(
                condition=Q(p25__lte=models.F("median")) & Q(median__lte=models.F("p75")),
                name="salaries_cohort_quartiles_in_order",
            ),
        ]

    def __str__(self):
        where = self.experience or self.region or self.province or ""
        return f"{self.role_id} {self.pay_basis} {self.kind} {where}".strip()


class ReportSummary(models.Model):
    """What the role's pages show of its published cohorts (``figures``: plain data, see
    ``batch.summary_figures``), and its headline for lists (the role-wide full-time medians).
    ``digest`` tells the batch whether anything public changed (only then are pages purged)."""

    role = models.OneToOneField(
        Role,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="report_summary",
        verbose_name=_("role"),
    )
    figures = models.JSONField(pgettext_lazy("salary reports", "figures"), default=dict)
    digest = models.CharField(max_length=64)
    year = models.PositiveSmallIntegerField(_("year"), null=True)
    net_median = models.PositiveIntegerField(
        pgettext_lazy("salary reports", "net median"), null=True
    )
    net_count = models.PositiveIntegerField(
        pgettext_lazy("salary reports", "net reports"), default=0
    )
    gross_median = models.PositiveIntegerField(
        pgettext_lazy("salary reports", "gross median"), null=True
    )
    gross_count = models.PositiveIntegerField(
        pgettext_lazy("salary reports", "gross reports"), default=0
    )
    computed_at = models.DateTimeField(pgettext_lazy("salary reports", "computed"))

    class Meta:
        verbose_name = _("published report summary")
        verbose_name_plural = _("published report summaries")
        indexes = [
            # the editors' figures per role, most net reports first: read in order, 100 a page
            # (sorted, every row's counts by status were computed first: 0.18 s at 10,000 roles)
            models.Index(fields=["-net_count", "role"], name="salaries_summary_count_idx"),
        ]

    def __str__(self):
        return str(self.role_id)


class ReportBatchRun(models.Model):
    """One run of the batch (``manage.py`` / the nightly job / the admin's button)."""

    started_at = models.DateTimeField(
        pgettext_lazy("salary reports", "started"), default=timezone.now
    )
    seconds = models.FloatField(pgettext_lazy("salary reports", "seconds"), null=True)
    reports = models.PositiveIntegerField(
        pgettext_lazy("salary reports", "reports read"), default=0
    )
    counted = models.PositiveIntegerField(
        pgettext_lazy("salary reports", "reports counted"), default=0
    )
    held = models.PositiveIntegerField(pgettext_lazy("salary reports", "outliers held"), default=0)
    cohorts = models.PositiveIntegerField(
        pgettext_lazy("salary reports", "cohorts published"), default=0
    )
    roles_changed = models.PositiveIntegerField(_("roles whose figures changed"), default=0)
    trigger = models.CharField(
        pgettext_lazy("salary reports", "started by"), max_length=40, blank=True
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("report batch run")
        verbose_name_plural = _("report batch runs")

    def __str__(self):
        return str(self.started_at)
