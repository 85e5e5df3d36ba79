"""The people behind an article: readers (and search engines) ask who wrote salary and career
advice, who checked it and when. An Author is a staff member's public profile, with a page of
its own (``/yazarlar/<slug>/``); an article names its author and, once reviewed, its reviewer
(``Role.author``, ``Role.reviewed_by``, ``Role.last_reviewed_at``)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .base import sort_field


class Author(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        verbose_name=_("staff account"),
        help_text=_(
            "The editor's sign-in account: their approvals name this profile as the reviewer."
        ),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("As readers see it."))
    slug = models.SlugField(
        _("web address"),
        max_length=140,
        help_text=_("The profile's address after /yazarlar/. Filled in from the name."),
    )
    expertise = models.CharField(
        _("expertise"),
        max_length=200,
        blank=True,
        help_text=_("A few words, e.g. “İnsan kaynakları ve ücret araştırmaları”."),
    )
    bio = models.TextField(
        _("short biography"),
        max_length=800,
        blank=True,
        help_text=_("Two or three sentences in plain text (at most 800 characters)."),
    )
    photo = models.ImageField(
        _("photo"),
        upload_to="authors/%Y/%m/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=_("Optional. A JPEG, PNG or WebP portrait."),
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    name_sort = sort_field()
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name_sort"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="articles_author_slug_unique",
                violation_error_message=_("Another author already uses this web address."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class Credited(models.Model):
    """Who wrote an article and who last checked it, and when (the byline, schema.org's
    ``author``, ``reviewedBy`` and ``lastReviewed``). The review fields are written by the
    review workflow (:mod:`careers.articles.review`) when a reviewer approves a change or marks
    the article reviewed, never by an editor's form."""

    author = models.ForeignKey(
        Author,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        db_index=False,  # the role indexes start with it (base.role_indexes)
        verbose_name=_("author"),
        help_text=_("Who wrote the article: named under its title, with a link to the profile."),
    )
    reviewed_by = models.ForeignKey(
        Author,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        db_index=False,  # the role indexes start with it (base.role_indexes)
        related_name="reviewed_articles",
        verbose_name=_("reviewed by"),
    )
    last_reviewed_at = models.DateTimeField(
        _("last reviewed"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True
