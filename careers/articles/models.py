"""The career article: a Role and the rows that make up its sections.

Markdown sources are rendered once, on save, into ``*_html`` fields through the one sanitizing
renderer (:func:`careers.markup.render`); templates only ever output those ``*_html`` fields.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from careers import markup, turkish

from . import salary


class MarkdownRenderedModel(models.Model):
    """Renders each field named in ``markdown_fields`` into its ``<name>_html`` twin on save."""

    markdown_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_markdown()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.markdown_fields:
            kwargs["update_fields"] = set(update_fields) | {
                f"{name}_html" for name in self.markdown_fields if name in update_fields
            }
        super().save(*args, **kwargs)

    def render_markdown(self):
        for name in self.markdown_fields:
            setattr(self, f"{name}_html", markup.render(getattr(self, name)))


def touch(instance, save_kwargs):
    """Set ``updated_at`` on a save (``auto_now`` would, but it also leaves fixture rows
    loaded by ``loaddata`` without a value: raw saves skip it)."""
    instance.updated_at = timezone.now()
    if save_kwargs.get("update_fields") is not None:
        save_kwargs["update_fields"] = {*save_kwargs["update_fields"], "updated_at"}


def html_field():
    return models.TextField(blank=True, editable=False)


def sort_field():
    """The stored Turkish sort key of a name (:func:`careers.turkish.sort_key`), indexed;
    set before every save, fixtures included (``signals.set_sort_keys``)."""
    return models.CharField(
        max_length=turkish.SORT_KEY_MAX_LENGTH, editable=False, default="", db_index=True
    )


class SlugNaturalKeyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Sector(models.Model):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("The field as readers know it, e.g. “Finans”.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=140,
        help_text=_("The sector's web address. Filled in from the name; change it rarely."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown on the sector page."),
    )
    name_sort = sort_field()

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name_sort"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="articles_sector_slug_unique",
                violation_error_message=_("Another sector already uses this web address."),
            ),
            models.UniqueConstraint(
                fields=["name"],
                name="articles_sector_name_unique",
                violation_error_message=_("A sector with this name already exists."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:sector_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class Skill(MarkdownRenderedModel):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("Shared between roles, e.g. “İletişim becerisi”. Drives skill pages."),
    )
    slug = models.SlugField(_("slug"), max_length=140)
    description = MarkdownxField(
        _("description"),
        blank=True,
        help_text=_("A general explanation of the skill, shown on its page (Markdown)."),
    )
    description_html = html_field()
    name_sort = sort_field()

    markdown_fields = ("description",)
    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name_sort"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="articles_skill_slug_unique",
                violation_error_message=_("Another skill already uses this web address."),
            ),
            models.UniqueConstraint(
                fields=["name"],
                name="articles_skill_name_unique",
                violation_error_message=_("A skill with this name already exists."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:skill_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Outlook(models.TextChoices):
    GROWS = "grows", _("Growing")
    STABLE = "stable", _("Stable")
    DECLINES = "declines", _("Declining")


def latest_band_subquery(field, role_ref="pk"):
    """The ``field`` of a role's most recent salary band, for ``.annotate()``; ``role_ref``
    names the role in the outer query (``"pk"`` on roles, ``"to_role"`` on links)."""
    bands = SalaryBand.objects.filter(role=OuterRef(role_ref)).order_by("-year")
    return Subquery(bands.values(field)[:1])


class RoleQuerySet(models.QuerySet):
    def published(self):
        """Roles the public may see: published, with a publish time that has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def with_latest_salary(self):
        """Annotate ``latest_year``, ``latest_average`` and ``latest_top`` (one query)."""
        return self.annotate(
            latest_year=latest_band_subquery("year"),
            latest_average=latest_band_subquery("average"),
            latest_top=latest_band_subquery("top"),
        )

    def for_cards(self):
        """What a list of role cards needs: sector and latest salary, in one query, without
        the article's long texts (a list of many roles would otherwise load them all)."""
        return self.select_related("sector").with_latest_salary().defer(*ARTICLE_TEXT_FIELDS)

    def for_article(self):
        """Everything the article page shows, in a constant number of queries."""
        related = RelatedRole.objects.filter(to_role__in=Role.objects.published()).select_related(
            "to_role__sector"
        )
        return self.select_related("sector").prefetch_related(
            "responsibilities",
            Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
            "salary_bands",
            "trends",
            Prefetch(
                "related_links",
                queryset=related.annotate(
                    latest_year=latest_band_subquery("year", "to_role"),
                    latest_average=latest_band_subquery("average", "to_role"),
                ),
            ),
        )


class RoleManager(models.Manager.from_queryset(RoleQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Role(MarkdownRenderedModel):
    title = models.CharField(
        _("job title"),
        max_length=150,
        help_text=_(
            "The occupation's name as a reader searches for it, e.g. “Kredi Asistanı”. "
            "Every heading of the article is built from it."
        ),
    )
    slug = models.SlugField(
        _("web address"),
        max_length=160,
        help_text=_(
            "The article's address after /meslekler/. Filled in from the title with Turkish "
            "letters made plain (ı → i, ş → s). Changing it breaks links from other sites."
        ),
    )
    alternative_titles = models.CharField(
        _("other names"),
        max_length=255,
        blank=True,
        help_text=_(
            "Other names readers use for the job, separated by commas. Shown under the title "
            "and found by search."
        ),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        related_name="roles",
        verbose_name=_("sector"),
        help_text=_("The field the role belongs to; readers browse by it."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences (at most 300 characters) shown on role cards and to search "
            "engines as the page description."
        ),
    )
    lead = models.TextField(
        _("lead"),
        help_text=_("The opening paragraph under the title, in plain text."),
    )
    intro = MarkdownxField(
        _("introduction"), help_text=_("What the job is, in a few paragraphs (Markdown).")
    )
    intro_html = html_field()
    responsibilities_intro = models.CharField(
        _("responsibilities lead-in"),
        max_length=300,
        blank=True,
        help_text=_(
            "The sentence before the list of duties. Left empty, the page says "
            "“Bir … genel olarak aşağıdaki sorumluluklara sahiptir:”."
        ),
    )
    salary_intro = MarkdownxField(
        _("salary notes"),
        blank=True,
        help_text=_("What the pay depends on; shown above the salary figures (Markdown)."),
    )
    salary_intro_html = html_field()
    outlook = models.CharField(
        _("job outlook"),
        max_length=10,
        choices=Outlook.choices,
        default=Outlook.STABLE,
        help_text=_("Whether employment in this job is expected to grow, stay or shrink."),
    )
    outlook_text = MarkdownxField(
        _("outlook explanation"),
        blank=True,
        help_text=_("Why the outlook is what it is; shown under the salary figures (Markdown)."),
    )
    outlook_text_html = html_field()
    salary_footnote = MarkdownxField(
        _("salary source footnote"),
        blank=True,
        help_text=_("Where the salary figures come from, e.g. “Dipnot: …” (Markdown)."),
    )
    salary_footnote_html = html_field()
    requirements_intro = models.CharField(
        _("requirements lead-in"),
        max_length=300,
        blank=True,
        help_text=_("The sentence before education, training and certificates (optional)."),
    )
    education = MarkdownxField(
        _("education"), blank=True, help_text=_("Schooling usually asked for (Markdown).")
    )
    education_html = html_field()
    training = MarkdownxField(
        _("training and experience"),
        blank=True,
        help_text=_("On-the-job training and experience (Markdown)."),
    )
    training_html = html_field()
    certifications = MarkdownxField(
        _("certificates and licences"),
        blank=True,
        help_text=_("Certificates or licences that are required or help (Markdown)."),
    )
    certifications_html = html_field()
    skills_intro = models.CharField(
        _("skills lead-in"),
        max_length=300,
        blank=True,
        help_text=_("The sentence before the list of skills (optional)."),
    )
    work_environment = MarkdownxField(
        _("working conditions"),
        blank=True,
        help_text=_("Where and when the work is done, stress, travel (Markdown)."),
    )
    work_environment_html = html_field()
    trends_intro = MarkdownxField(
        _("professional development lead-in"),
        blank=True,
        help_text=_("The paragraph before the trends below (Markdown)."),
    )
    trends_intro_html = html_field()
    how_to_become = MarkdownxField(
        _("how to become one"),
        blank=True,
        help_text=_("The path into the job (Markdown)."),
    )
    how_to_become_html = html_field()
    career_path = MarkdownxField(
        _("career and job prospects"),
        blank=True,
        help_text=_("Where the job leads and what comes before it (Markdown)."),
    )
    career_path_html = html_field()
    image = models.ImageField(
        _("article image"),
        upload_to="roles/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("Optional. A JPEG, PNG or WebP photo; shown at the top of the article."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an image."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are visible only to editors."),
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_(
            "When the article goes live. A future time schedules it; left empty, it is set "
            "to the moment you publish."
        ),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last updated"), default=timezone.now, editable=False)
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Untick to close the comment form on this article."),
    )
    view_count = models.PositiveIntegerField(_("reads"), default=0, editable=False)
    title_sort = sort_field()
    related_roles = models.ManyToManyField(
        "self",
        through="RelatedRole",
        through_fields=("from_role", "to_role"),
        symmetrical=False,
        blank=True,
        verbose_name=_("related roles"),
    )

    markdown_fields = (
        "intro",
        "salary_intro",
        "outlook_text",
        "salary_footnote",
        "education",
        "training",
        "certifications",
        "work_environment",
        "trends_intro",
        "how_to_become",
        "career_path",
    )
    objects = RoleManager()

    class Meta:
        ordering = ["title_sort"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="articles_role_slug_unique",
                violation_error_message=_("Another role already uses this web address."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="articles_role_published_has_time",
                violation_error_message=_("A published article needs a publish time."),
            ),
        ]
        indexes = [models.Index(fields=["status", "published_at"], name="articles_role_pub_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = turkish.slugify(self.title, max_length=160)
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        touch(self, kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:role_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for readers who cannot see it.")}
            )

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def other_names(self):
        return [name.strip() for name in self.alternative_titles.split(",") if name.strip()]

    @property
    def title_lower(self):
        return turkish.lower(self.title)


#: The article's long texts: lists of roles (cards, related roles) leave them in the database.
ARTICLE_TEXT_FIELDS = (
    "lead",
    *Role.markdown_fields,
    *(f"{name}_html" for name in Role.markdown_fields),
)


class Responsibility(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("role")
    )
    text = models.CharField(
        _("duty"), max_length=500, help_text=_("One duty, as one line of the list.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self):
        return self.text


class RoleSkill(MarkdownRenderedModel):
    """A skill as one role needs it: the role-specific paragraph, in order."""

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="role_skills", verbose_name=_("role")
    )
    skill = models.ForeignKey(
        Skill, on_delete=models.PROTECT, related_name="role_skills", verbose_name=_("skill")
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_(
            "How the article names the skill, e.g. “İletişim yetenekleri”. Empty: the skill's name."
        ),
    )
    body = MarkdownxField(_("paragraph"), help_text=_("Why this role needs the skill (Markdown)."))
    body_html = html_field()
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    markdown_fields = ("body",)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("role skill")
        verbose_name_plural = _("skills")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "skill"],
                name="articles_roleskill_unique",
                violation_error_message=_("This skill is already listed for the role."),
            )
        ]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        return self.label or self.skill.name


class Trend(MarkdownRenderedModel):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="trends", verbose_name=_("role")
    )
    title = models.CharField(_("title"), max_length=200)
    body = MarkdownxField(_("text"), help_text=_("The trend and what it means (Markdown)."))
    body_html = html_field()
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    markdown_fields = ("body",)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("trend")
        verbose_name_plural = _("trends")

    def __str__(self):
        return self.title


class Placement(models.TextChoices):
    RELATED_ONLY = "", _("Only in the related roles list")
    AFTER_TRAINING = "after_training", _("“En Popüler” link after training and experience")
    AFTER_TRENDS_INTRO = (
        "after_trends_intro",
        _("“En Popüler” link after the professional development lead-in"),
    )


class RelatedRole(models.Model):
    """An editor's explicit link from one article to another, in order."""

    from_role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="related_links", verbose_name=_("role")
    )
    to_role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="+", verbose_name=_("related role")
    )
    placement = models.CharField(
        _("also shown"),
        max_length=20,
        blank=True,
        choices=Placement.choices,
        default=Placement.RELATED_ONLY,
        help_text=_("Where else in the article to show it as an “En Popüler” link."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("related role")
        verbose_name_plural = _("related roles")
        constraints = [
            models.UniqueConstraint(
                fields=["from_role", "to_role"],
                name="articles_relatedrole_unique",
                violation_error_message=_("This role is already linked."),
            ),
            models.CheckConstraint(
                condition=~Q(from_role=F("to_role")),
                name="articles_relatedrole_not_self",
                violation_error_message=_("A role cannot be related to itself."),
            ),
        ]

    def __str__(self):
        return f"{self.from_role} → {self.to_role}"


class Period(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")


class Currency(models.TextChoices):
    TRY = "TRY", _("Turkish lira")


class SalaryBand(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="salary_bands", verbose_name=_("role")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year the figures describe.")
    )
    period = models.CharField(
        _("period"), max_length=10, choices=Period.choices, default=Period.MONTHLY
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.TRY
    )
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
            hours=salary.MONTHLY_HOURS,
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

    # Every change (admin form, list, import) is recorded: who, when, old and new values.
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["role", "-year"]
        verbose_name = _("salary band")
        verbose_name_plural = _("salary bands")
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
        errors = salary.validate_band(
            year=self.year, low=self.low, average=self.average, top=self.top,
            hourly_average=self.hourly_average, hourly_top=self.hourly_top,
        )  # fmt: skip
        if errors:
            raise ValidationError(errors)

    @property
    def hourly_average_display(self):
        return salary.hourly(self.average, self.hourly_average)

    @property
    def hourly_top_display(self):
        return salary.hourly(self.top, self.hourly_top)


class MinimumWageQuerySet(models.QuerySet):
    def table(self):
        """Every rate, oldest first, as a list (one query): the input of the
        ``salary.minimum_wage_*`` functions."""
        return list(self.order_by("effective_from"))

    def attach_multiples(self, bands):
        """Set ``band.minimum_wage`` (the :class:`MinimumWage` used, or None),
        ``band.minimum_wage_multiple`` (``Decimal`` to one place, or None) and
        ``band.minimum_wage_multiple_text`` (``"1,4"``, or ``""``) on each band, for the
        average figure. One query whatever the number of bands; returns ``bands``."""
        bands = list(bands)
        rates = self.table() if bands else []
        for band in bands:
            rate = salary.minimum_wage_for_year(rates, band.year)
            multiple = salary.minimum_wage_multiple(band.average, rate)
            band.minimum_wage = rate
            band.minimum_wage_multiple = multiple
            band.minimum_wage_multiple_text = salary.format_multiple(multiple)
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
        errors = {}
        for field in ("net_monthly", "gross_monthly"):
            value = getattr(self, field)
            if value is not None and value <= 0:
                errors[field] = _("Enter an amount greater than zero.")
        if (
            not errors
            and self.net_monthly is not None
            and self.gross_monthly is not None
            and self.net_monthly > self.gross_monthly
        ):
            errors["net_monthly"] = _("The net figure cannot be higher than the gross.")
        if errors:
            raise ValidationError(errors)
