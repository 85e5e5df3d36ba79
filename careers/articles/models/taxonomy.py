"""Sectors and skills: the shared vocabulary roles are filed under (with how many published
roles each has: ``listing.sectors_with_counts()``, ``listing.skills_with_counts()``)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from careers.site.markdown import MarkdownRenderedModel, html_field

from .base import SlugNaturalKeyManager, sort_field


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
