"""The pages the law and readers' trust ask for: the KVKK notice, contact and imprint, the
editorial policy, and how salary figures are compiled (linked from every salary block).
Editors write them in the admin (Markdown, through the one sanitizing renderer); each has a
fixed address, so the footer, the comment form and the salary blocks can always link to it."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from careers.site.markdown import MarkdownRenderedModel, html_field


class PageKind(models.TextChoices):
    PRIVACY = "kvkk", _("KVKK privacy notice")
    CONTACT = "iletisim", _("Contact and imprint")
    EDITORIAL = "yayin-ilkeleri", _("About the editors and editorial policy")
    METHODOLOGY = "maas-metodolojisi", _("How salary figures are compiled")


#: kind -> URL name in the ``pages`` namespace (see urls.py)
URL_NAMES = {
    PageKind.PRIVACY: "privacy",
    PageKind.CONTACT: "contact",
    PageKind.EDITORIAL: "editorial",
    PageKind.METHODOLOGY: "methodology",
}


class SimplePage(MarkdownRenderedModel):
    kind = models.CharField(
        _("page"),
        max_length=20,
        choices=PageKind,
        help_text=_("Which page this is; each has a fixed web address linked from every page."),
    )
    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown to search engines as the page description."),
    )
    body = MarkdownxField(_("text"), help_text=_("The page's text (Markdown)."))
    body_html = html_field()
    updated_at = models.DateTimeField(_("last updated"), default=timezone.now, editable=False)

    markdown_fields = ("body",)
    history = HistoricalRecords(excluded_fields=["updated_at", "body_html"])

    class Meta:
        ordering = ["kind"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                name="pages_simplepage_kind_unique",
                violation_error_message=_("This page already exists: edit it instead."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"pages:{URL_NAMES[self.kind]}")

    @property
    def cache_key(self):
        """The surrogate key of the page showing it (:mod:`careers.site.pagecache`)."""
        return f"page-{self.kind}"
