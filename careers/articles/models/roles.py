"""The career article: a Role, the queryset of what the public may see and what its pages load."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from careers import turkish
from careers.site.markdown import MarkdownRenderedModel, html_field

from .addresses import SLUG_MARK, article_address
from .base import role_indexes, sort_field, touch
from .people import Credited
from .publishing import Status, published_q
from .taxonomy import Sector


class Outlook(models.TextChoices):
    GROWS = "grows", _("Growing")
    STABLE = "stable", _("Stable")
    DECLINES = "declines", _("Declining")


#: The latest salary figures, written by the salaries app with one UPDATE (never by a save).
SALARY_SUMMARY_FIELDS = (
    "salary_year", "salary_average", "salary_top", "salary_pay_basis", "salary_updated_at",
)  # fmt: skip
#: Written with an UPDATE by what keeps them (read counts, the review workflow), never by an
#: editor's save: a form holding an older copy of the role must not write them back.
KEPT_ELSEWHERE = (
    *SALARY_SUMMARY_FIELDS,
    "view_count",
    "recent_reads",
    "reviewed_by",
    "last_reviewed_at",
)
#: What a card reads of a role (``{% role_card %}``, what apps add; the API's related roles).
CARD_COLUMNS = (
    "slug", "title", "alternative_titles", "summary", "sector", "status", "published_at",
    "salary_year", "salary_average", "salary_top", "salary_pay_basis",
)  # fmt: skip


class RoleQuerySet(models.QuerySet):
    def published(self):
        """Roles the public may see (:func:`published_q`)."""
        return self.filter(published_q())

    def for_cards(self):
        """A list of cards: the role with its sector, in one query, without the article's
        long texts (a list of many roles would otherwise load them all)."""
        return self.select_related("sector").defer(*ARTICLE_TEXT_FIELDS)

    def card_columns(self):
        """Cards showing nothing else of the role (:data:`CARD_COLUMNS`)."""
        return self.select_related("sector").only(*CARD_COLUMNS)

    def for_article(self):
        """Everything the article page shows, in a constant number of queries."""
        from .article import article_prefetches

        return self.select_related("sector", "author", "reviewed_by").prefetch_related(
            *article_prefetches()
        )


class RoleManager(models.Manager.from_queryset(RoleQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Role(Credited, MarkdownRenderedModel):
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
        choices=Outlook,
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
        choices=Status,
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
    # Reads of the last 30 days (careers.articles.reads: DailyReads), for the re-review list.
    recent_reads = models.PositiveIntegerField(
        _("reads in the last 30 days"), default=0, editable=False
    )
    title_sort = sort_field()
    # The latest salary band's figures and the time of the bands' last change, written by the
    # salaries app (careers.salaries.models.refresh_role_salaries) and read here without it:
    # cards and lists show them, the salary page sorts and paginates by them (indexed), and
    # the page's last change is the later of updated_at and salary_updated_at.
    salary_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    salary_average = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, editable=False
    )
    salary_top = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, editable=False
    )
    salary_pay_basis = models.CharField(max_length=12, blank=True, default="", editable=False)
    salary_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
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
    # Every revision (who, when, what); what follows from the recorded fields is left out.
    history = HistoricalRecords(
        excluded_fields=[
            *(f"{name}_html" for name in markdown_fields),
            "view_count",
            "recent_reads",
            "reviewed_by",
            "last_reviewed_at",
            "updated_at",
            "image_width",
            "image_height",
            # derived (careers.collation, the salaries app): not an editor's change
            "title_sort",
            *SALARY_SUMMARY_FIELDS,
        ]
    )

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
        indexes = role_indexes()  # see base.role_indexes

    def __str__(self):
        return self.title

    def fill_defaults(self):
        """What an editor may leave empty: the address comes from the title, and publishing
        without a publish time publishes now ("left empty, it is set to the moment you
        publish", the field's help text)."""
        if not self.slug and self.title:
            self.slug = turkish.slugify(self.title, max_length=160)
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def clean_fields(self, exclude=None):
        self.fill_defaults()  # validation (the admin form's) sees what save() would store
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        self.fill_defaults()
        if not self._state.adding and kwargs.get("update_fields") is None:
            # An edit never writes back what others keep on the role (the salaries app's
            # figures, read counts, the last review): this copy of the role (an editor's form)
            # may be older than a band saved or an approval made meanwhile.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in KEPT_ELSEWHERE
            ]
        touch(self, kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return article_address().replace(SLUG_MARK, self.slug)

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
        """:func:`published_q` for a role already loaded."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def article_title(self):
        """The article's title sentence, written once: heading, page title, links to it."""
        return gettext("%(title)s: what does the job involve and what does it pay?") % {
            "title": self.title
        }

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
