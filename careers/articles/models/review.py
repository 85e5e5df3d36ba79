"""Review before publish, and corrections in public (the workflow: :mod:`careers.articles.review`).

A :class:`Revision` is a change an editor proposed to a published article (the role and the
rows of its screen) or to a salary band, held until a second editor with the reviewer
permission approves it. As in Wagtail (``wagtailcore.Revision``: a content type, an object id
and the content as JSON), it names what it changes generically, so the salaries app's bands use
it without this app knowing them; unlike Wagtail it keeps only the *change* (each field's old
and new value, rows added, changed and deleted), not a whole copy: approving applies it to the
live article as it is then, so a change approved meanwhile to other fields is never undone, and
one to the same field is a conflict the reviewer is shown.

A :class:`Correction` is the public, dated note a reviewer writes when an approved change
corrects an error ("Düzeltme, 3 Aralık 2026: ..."): shown at the article's foot and on
``/duzeltmeler/`` with its feeds.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .publishing import published_q
from .roles import Role

#: The custom permission of the "Yayın kurulu" group: approve or send back others' changes.
REVIEW_PERMISSION = "articles.review_revision"


class RevisionState(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Sent back")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=RevisionState.PENDING)


class Revision(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("article")
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind")
    )
    #: None: the change adds the object (a new salary band).
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_label = models.CharField(_("changed item"), max_length=200)
    #: ``{"object": {field: [old, new]}, "rows": {label: {"changed": {pk: {field: [old,
    #: new]}}, "added": [{field: value}], "deleted": {pk: {field: value}}}}, "files": {...}}``
    changes = models.JSONField(_("changes"), encoder=DjangoJSONEncoder)
    summary = models.CharField(_("summary"), max_length=300)
    state = models.CharField(
        _("state"), max_length=10, choices=RevisionState, default=RevisionState.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(
        _("reviewer's comment"),
        blank=True,
        max_length=2000,
        help_text=_("Why the change is sent back, or a note on the approval."),
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("change for review")
        verbose_name_plural = _("changes for review")
        permissions = [("review_revision", _("Can approve or send back others' changes"))]
        indexes = [
            models.Index(fields=["state", "-created_at"], name="articles_revision_state_idx"),
            models.Index(
                fields=["created_by", "state", "-created_at"], name="articles_revision_mine_idx"
            ),
            models.Index(fields=["role", "state"], name="articles_revision_role_idx"),
        ]

    def __str__(self):
        return f"{self.role} – {self.summary}"

    @property
    def is_pending(self):
        return self.state == RevisionState.PENDING

    @property
    def model(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def adds(self):
        return self.object_id is None


class CorrectionQuerySet(models.QuerySet):
    def published(self):
        """Corrections of articles the public may see: a join, each correction's article
        looked up by its key (a subquery would read the whole article table)."""
        return self.filter(published_q("role__"))


class Correction(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("article")
    )
    revision = models.OneToOneField(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="correction",
        verbose_name=_("approved change"),
    )
    text = models.TextField(
        _("correction note"),
        max_length=500,
        help_text=_("What was wrong and what is right now, in one or two sentences."),
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [
            models.Index(fields=["-created_at"], name="articles_correction_date_idx"),
            models.Index(fields=["role", "-created_at"], name="articles_correction_role_idx"),
        ]

    def __str__(self):
        return f"{self.role} – {self.text[:60]}"

    @property
    def date(self):
        return timezone.localtime(self.created_at).date()


class DailyReads(models.Model):
    """One article's reads on one day (Istanbul), written with the read counts
    (:mod:`careers.articles.reads`): ``Role.recent_reads`` is their sum over the last
    :data:`RECENT_DAYS` days, which orders the re-review list."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reads of a day")
        verbose_name_plural = _("reads of a day")
        constraints = [
            models.UniqueConstraint(fields=["role", "day"], name="articles_dailyreads_unique")
        ]
        indexes = [models.Index(fields=["day"], name="articles_dailyreads_day_idx")]

    def __str__(self):
        return f"{self.role_id} {self.day}: {self.count}"


RECENT_DAYS = 30
