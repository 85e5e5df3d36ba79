"""The rows that make up an article's sections: duties, skills, trends, links."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from careers.site.markdown import MarkdownRenderedModel, html_field

from .roles import Role
from .taxonomy import Skill


class Responsibility(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("role")
    )
    text = models.CharField(
        _("duty"), max_length=500, help_text=_("One duty, as one line of the list.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords(excluded_fields=[])  # the article's revisions

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

    history = HistoricalRecords(excluded_fields=["body_html"])  # the article's revisions

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
        # Skill pages and related roles read roles by skill from the index alone.
        indexes = [models.Index(fields=["skill", "role"], name="articles_roleskill_skill_idx")]

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

    history = HistoricalRecords(excluded_fields=["body_html"])  # the article's revisions

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
        choices=Placement,
        default=Placement.RELATED_ONLY,
        help_text=_("Where else in the article to show it as an “En Popüler” link."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords(excluded_fields=[])  # the article's revisions

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
