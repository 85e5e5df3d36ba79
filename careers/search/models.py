"""The search index: one document per role, written from Python whenever the role or a row the
search covers changes (see ``signals.py``).

The document keeps the reader-visible text (for the highlighted snippet) and the same text folded
to ASCII (:func:`careers.turkish.ascii_fold`) for matching. On SQLite a full-text FTS5 table
(``search_fts``, created by migration 0001) mirrors the folded columns through triggers; on
PostgreSQL a generated column holds the weighted ``tsvector`` of the folded columns (migration
0002), copied by triggers with the folded title into a narrow table under a GIN index
(``search_vector``, migration 0003), which the search reads.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from careers.articles.models import Role


class SearchDocument(models.Model):
    role = models.OneToOneField(
        Role,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
        verbose_name=_("role"),
    )
    title = models.CharField(_("job title"), max_length=150)
    alternative_titles = models.CharField(_("other names"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    skills = models.TextField(_("skills"), blank=True)
    title_folded = models.TextField(_("title, folded"), blank=True)
    body_folded = models.TextField(_("text, folded"), blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title
