"""What a role pays (salary bands, with history) and the minimum wage they are compared with.

The tables keep the names they had when these models lived in the articles app
(``articles_salaryband``, ``articles_minimumwage``, ``articles_historicalsalaryband``):
migration ``salaries/0001`` moved the models' state here without touching a row.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from careers import turkish
from careers.articles.models import Role, published_q
from careers.articles.models.base import touch

from . import rules


class Period(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")


class Currency(models.TextChoices):
    TRY = "TRY", _("Turkish lira")


class PayBasis(models.TextChoices):
    """Whether a figure is what the worker takes home (net) or before tax and social security
    (gross); "unspecified" when the source does not say. The labels are the one place the
    Turkish names are written ("net", "brüt", "belirtilmemiş": the catalogue's): pages, the
    salary files and the downloads all say them."""

    NET = "net", _("net")
    GROSS = "gross", _("gross")
    UNSPECIFIED = "unspecified", _("unspecified")

    @classmethod
    def turkish_name(cls, value):
        """The label in Turkish whatever language is active (salary files are Turkish):
        ``"gross"`` -> ``"brüt"``; empty for a value that is not a basis."""
        if value not in cls.values:
            return ""
        with translation.override("tr"):
            return str(cls(value).label)


class SalaryBandQuerySet(models.QuerySet):
    def published(self):
        """Bands of published roles: what the public may see. (The publish rule on the joined
        role: SQLite read ``role__in=published()`` as every published role first.)"""
        return self.filter(published_q("role__"))


class SalaryBand(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="salary_bands", verbose_name=_("role")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year the figures describe.")
    )
    period = models.CharField(_("period"), max_length=10, choices=Period, default=Period.MONTHLY)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default=Currency.TRY)
    low = models.DecimalField(
        _("lowest"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Optional. Monthly pay at the low end, in TL."),
    )
    average = models.DecimalField(
        _("average"), max_digits=12, decimal_places=2, help_text=_("Average monthly pay, in TL.")
    )
    top = models.DecimalField(
        _("top"), max_digits=12, decimal_places=2, help_text=_("Top-level monthly pay, in TL.")
    )
    hourly_average = models.DecimalField(
        _("hourly average"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=format_lazy(
            _(
                "Leave empty to derive it from the monthly figure ({hours} working hours a "
                "month); a figure you enter is shown as entered."
            ),
            hours=rules.MONTHLY_HOURS,
        ),
    )
    hourly_top = models.DecimalField(
        _("hourly top"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty to derive it from the monthly top figure."),
    )
    pay_basis = models.CharField(
        _("net or gross"),
        max_length=12,
        choices=PayBasis,
        help_text=_(
            "Net: what the worker takes home; gross: before tax and social security. Choose "
            "“unspecified” only when the source does not say."
        ),
        error_messages={"blank": _("Say whether the figures are net or gross (or unspecified).")},
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("Where the figures come from, e.g. “Kariyer siteleri ve forumlar”."),
    )
    source_url = models.URLField(_("source address"), blank=True)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Tick for illustrative figures: the page then labels them “örnek veri”."),
    )
    updated_at = models.DateTimeField(_("last updated"), default=timezone.now, editable=False)

    objects = SalaryBandQuerySet.as_manager()
    # Every change (admin form, list, import) is recorded: who, when, old and new values.
    history = HistoricalRecords(
        excluded_fields=["updated_at"], table_name="articles_historicalsalaryband"
    )

    class Meta:
        db_table = "articles_salaryband"
        ordering = ["role", "-year"]
        verbose_name = _("salary band")
        verbose_name_plural = _("salary bands")
        # "Recently updated" (home) finds the latest band changes without a scan.
        indexes = [models.Index(fields=["-updated_at"], name="articles_band_updated_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "year"],
                name="articles_salaryband_one_per_role_year",
                violation_error_message=_("This role already has salary figures for this year."),
            ),
            models.CheckConstraint(
                condition=Q(average__gt=0)
                & Q(top__gt=0)
                & (Q(low__isnull=True) | Q(low__gt=0))
                & (Q(hourly_average__isnull=True) | Q(hourly_average__gt=0))
                & (Q(hourly_top__isnull=True) | Q(hourly_top__gt=0)),
                name="articles_salaryband_amounts_positive",
                violation_error_message=_("Amounts must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(average__lte=F("top")),
                name="articles_salaryband_average_lte_top",
                violation_error_message=_("The average cannot be higher than the top figure."),
            ),
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(low__lte=F("average")),
                name="articles_salaryband_low_lte_average",
                violation_error_message=_("The lowest figure cannot be higher than the average."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990),
                name="articles_salaryband_year_plausible",
                violation_error_message=_("The year must be 1990 or later."),
            ),
        ]

    def __str__(self):
        return f"{self.role} – {self.year}"

    def save(self, *args, **kwargs):
        touch(self, kwargs)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = rules.validate_band(
            year=self.year,
            low=self.low,
            average=self.average,
            top=self.top,
            hourly_average=self.hourly_average,
            hourly_top=self.hourly_top,
        )
        if errors:
            raise ValidationError(errors)

    @property
    def hourly_average_display(self):
        return rules.hourly(self.average, self.hourly_average)

    @property
    def hourly_top_display(self):
        return rules.hourly(self.top, self.hourly_top)


def latest_band_subquery(field):
    """The ``field`` of a role's most recent salary band (by year), for roles' ``.update()``."""
    bands = SalaryBand.objects.filter(role=OuterRef("pk")).order_by("-year")
    return Subquery(bands.values(field)[:1])


def refresh_role_salaries(role_ids):
    """Copy each role's latest band (by year) and the time of its bands' last change onto the
    role (``Role.salary_*``), where the articles app reads them (cards, lists sorted and
    paginated by salary through an index, the page's last change): one UPDATE."""
    last_change = SalaryBand.objects.filter(role=OuterRef("pk")).order_by("-updated_at")
    Role.objects.filter(pk__in=list(role_ids)).update(
        salary_year=latest_band_subquery("year"),
        salary_average=latest_band_subquery("average"),
        salary_top=latest_band_subquery("top"),
        salary_pay_basis=Coalesce(latest_band_subquery("pay_basis"), Value("")),
        salary_updated_at=Subquery(last_change.values("updated_at")[:1]),
    )


class MinimumWageQuerySet(models.QuerySet):
    def oldest_first(self):
        return self.order_by("effective_from")

    def table(self):
        """Every rate, oldest first, as a list (one query): the input of the
        ``rules.minimum_wage_*`` functions."""
        return list(self.oldest_first())

    def attach_multiples(self, bands, rates=None):
        """Set ``band.minimum_wage`` (the :class:`MinimumWage` used, or None),
        ``band.minimum_wage_amount`` (its net or gross figure, like the band's; None for a
        band whose basis is unspecified), ``band.minimum_wage_multiple`` (``Decimal`` to one
        place, or None: net compared with net, gross with gross, unspecified not at all) and
        ``band.minimum_wage_multiple_text`` (``"1,4"``, or ``""``) on each band, for the
        average figure. One query whatever the number of bands (none when the caller passes
        the ``rates`` of :meth:`table`); returns ``bands``."""
        bands = list(bands)
        if rates is None:
            rates = self.table() if bands else []
        for band in bands:
            rate = rules.minimum_wage_for_year(rates, band.year)
            multiple = rules.minimum_wage_multiple(band.average, rate, band.pay_basis)
            band.minimum_wage = rate
            band.minimum_wage_amount = rules.minimum_wage_amount(rate, band.pay_basis)
            band.minimum_wage_multiple = multiple
            band.minimum_wage_multiple_text = rules.format_multiple(multiple)
        return bands


class MinimumWage(models.Model):
    """Türkiye's monthly minimum wage (asgari ücret) from a date on, net and gross."""

    effective_from = models.DateField(
        _("in force from"),
        help_text=_("The first day this minimum wage applies, e.g. 1 January 2026."),
    )
    net_monthly = models.DecimalField(
        _("net monthly"),
        max_digits=12,
        decimal_places=2,
        help_text=_("What the worker takes home per month, in TL."),
    )
    gross_monthly = models.DecimalField(
        _("gross monthly"),
        max_digits=12,
        decimal_places=2,
        help_text=_("Before tax and social security, per month, in TL."),
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("Where the figures come from, e.g. the Official Gazette or the ministry."),
    )

    objects = MinimumWageQuerySet.as_manager()

    class Meta:
        db_table = "articles_minimumwage"
        ordering = ["-effective_from"]
        verbose_name = _("minimum wage")
        verbose_name_plural = _("minimum wages")
        constraints = [
            models.UniqueConstraint(
                fields=["effective_from"],
                name="articles_minimumwage_date_unique",
                violation_error_message=_("A minimum wage from this date already exists."),
            ),
            models.CheckConstraint(
                condition=Q(net_monthly__gt=0) & Q(gross_monthly__gt=0),
                name="articles_minimumwage_positive",
                violation_error_message=_("Amounts must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(net_monthly__lte=F("gross_monthly")),
                name="articles_minimumwage_net_lte_gross",
                violation_error_message=_("The net figure cannot be higher than the gross."),
            ),
        ]

    def __str__(self):
        return _("%(date)s: %(net)s net") % {
            "date": turkish.format_date(self.effective_from),
            "net": turkish.format_money(self.net_monthly),
        }

    def clean(self):
        super().clean()
        errors = rules.validate_minimum_wage(
            net_monthly=self.net_monthly, gross_monthly=self.gross_monthly
        )
        if errors:
            raise ValidationError(errors)


# The payroll rules (net <-> gross) live in their own module; imported here so that Django
# finds the model where it looks for the app's models.
from .payroll_models import PayrollParameters  # noqa: E402, F401

# Readers' salary reports and the figures published from them live in their own package
# (careers/salaries/reports/); imported here so Django registers them with this app.
from .reports.models import Report, ReportBatchRun, ReportCohort, ReportSummary  # noqa: E402, F401
