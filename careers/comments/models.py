"""Visitors' comments on career articles, and the words that hold or reject them.

A comment belongs to one :class:`~careers.articles.models.Role` through a plain ForeignKey
(not a generic relation): the article page fetches its approved comments in one query.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from careers.articles.models import Role

from . import fulltext, text

# WordPress's column sizes (wp_comments): the issue asks for the same maximum lengths.
NAME_MAX_LENGTH = 245
EMAIL_MAX_LENGTH = 100
URL_MAX_LENGTH = 200
BODY_MAX_LENGTH = 65525


class CommentStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("comments", "Awaiting moderation")
    APPROVED = "approved", pgettext_lazy("comments", "Approved")
    SPAM = "spam", pgettext_lazy("comments", "Spam")
    REMOVED = "removed", pgettext_lazy("comments", "Removed")


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments the public sees."""
        return self.filter(status=CommentStatus.APPROVED)

    def in_moderation(self):
        """The moderators' queue: comments held for a decision."""
        return self.filter(status=CommentStatus.PENDING)

    def by_email(self, email):
        """One commenter's comments (KVKK export and erasure), case-insensitively."""
        return self.filter(email__iexact=email.strip())


def approved_comment_count():
    """An expression for ``Role`` querysets: the number of approved comments, e.g.
    ``Role.objects.annotate(comment_count=approved_comment_count())`` (role admin list).

    A correlated subquery rather than ``Count("comments")``: it does not multiply rows when
    combined with other annotations and joins.
    """
    counts = (
        Comment.objects.approved()
        .filter(role=OuterRef("pk"))
        .order_by()
        .values("role")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts[:1]), Value(0))


class Comment(models.Model):
    role = models.ForeignKey(
        Role,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=pgettext_lazy("comments", "article"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,  # a deleted comment never takes others' replies with it
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=pgettext_lazy("comments", "in reply to"),
    )
    name = models.CharField(pgettext_lazy("commenter", "name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        pgettext_lazy("comments", "e-mail address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("Never shown on the site."),
    )
    url = models.URLField(
        pgettext_lazy("comments", "website"), max_length=URL_MAX_LENGTH, blank=True
    )
    body = models.TextField(pgettext_lazy("comment text", "comment"))
    # The text as the moderators' full-text index reads it (fulltext.py): written on save.
    body_folded = models.TextField(blank=True, default="", editable=False)
    status = models.CharField(
        pgettext_lazy("comments", "moderation status"),
        max_length=10,
        choices=CommentStatus,
        default=CommentStatus.PENDING,
    )
    moderation_reason = models.CharField(
        pgettext_lazy("comments", "why"),
        max_length=200,
        blank=True,
        help_text=_("Which rule decided the status when the comment was posted."),
    )
    ip_address = models.GenericIPAddressField(
        pgettext_lazy("comments", "IP address"),
        null=True,
        blank=True,
        help_text=_("Kept for moderation only; cleared after a set number of days."),
    )
    fingerprint = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(pgettext_lazy("comments", "posted"), default=timezone.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = pgettext_lazy("model", "comment")
        verbose_name_plural = pgettext_lazy("model", "comments")
        permissions = [("can_moderate", _("Can moderate comments"))]
        constraints = [
            # The same text from the same address to the same place, stored once even when
            # two identical posts race each other (double-click, retrying client).
            models.UniqueConstraint(
                fields=["fingerprint"],
                name="comments_comment_fingerprint_unique",
                violation_error_message=_("You have already posted this comment."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=CommentStatus.values),
                name="comments_comment_status_valid",
                violation_error_message=_("Unknown moderation status."),
            ),
        ]
        indexes = [
            models.Index(fields=["role", "status", "created_at"], name="comments_role_status_idx"),
            models.Index(fields=["ip_address", "created_at"], name="comments_ip_time_idx"),
            models.Index(fields=["email"], name="comments_email_idx"),
            models.Index(fields=["status", "created_at"], name="comments_status_time_idx"),
            # The admin's newest-first list, and an article's page of threads (roots only).
            models.Index(fields=["-created_at"], name="comments_time_idx"),
            models.Index(fields=["name"], name="comments_name_idx"),  # the admin's search
            models.Index(
                fields=["role", "status", "parent", "created_at"], name="comments_role_roots_idx"
            ),
        ]

    def __str__(self):
        return Truncator(f"{self.name}: {self.body}").chars(80)

    def save(self, *args, **kwargs):
        if not self.fingerprint:
            self.fingerprint = text.fingerprint(self.role_id, self.parent_id, self.email, self.body)
        self.body_folded = fulltext.fold(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_folded"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.role.get_absolute_url()}#{self.anchor}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember the stored status: the page cache is invalidated when a comment enters or
        # leaves the public page (see signals.py).
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    @property
    def anchor(self):
        return f"yorum-{self.pk}"

    def get_reply_url(self):
        return reverse("comments:reply", kwargs={"pk": self.pk})

    @property
    def body_html(self):
        """The text as escaped HTML paragraphs with its http(s) addresses linked."""
        return text.render(self.body)

    @property
    def body_text_html(self):
        """The text as escaped HTML paragraphs with no links: a held comment shown to its
        author must not hand anyone a live link nobody has checked."""
        return text.render(self.body, links=False)


class BlockedWordAction(models.TextChoices):
    HOLD = "hold", _("Hold for moderation")
    SPAM = "spam", _("Mark as spam")


class BlockedWord(models.Model):
    """WordPress's two lists in one table: "Comment Moderation" words hold a comment,
    "Disallowed Comment Keys" mark it as spam. A word matches inside words, in any letter
    case (Turkish rules), in the name, e-mail, website, comment or IP address."""

    word = models.CharField(
        _("word or phrase"),
        max_length=100,
        help_text=_(
            "Matched anywhere inside the name, e-mail, website, comment and IP address, "
            "ignoring letter case: “kumar” also matches “Kumarhane”. An IP address or its "
            "beginning (e.g. “203.0.113.”) works too."
        ),
    )
    action = models.CharField(
        pgettext_lazy("comments", "action"),
        max_length=4,
        choices=BlockedWordAction,
        default=BlockedWordAction.HOLD,
    )
    created_at = models.DateTimeField(pgettext_lazy("comments", "added"), auto_now_add=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")
        constraints = [
            models.UniqueConstraint(
                fields=["word"],
                name="comments_blockedword_unique",
                violation_error_message=_("This word is already on the list."),
            )
        ]

    def __str__(self):
        return self.word

    def clean(self):
        super().clean()
        self.word = text.strip_controls(self.word, multiline=False).strip()
        if len(self.word) < 2:
            message = _(
                "Enter at least 2 characters: a single letter would match almost every comment."
            )
            raise ValidationError({"word": message})


class PendingComment(Comment):
    """The moderation queue in the admin: the same rows, only those awaiting a decision."""

    class Meta:
        proxy = True
        verbose_name = _("comment awaiting moderation")
        verbose_name_plural = _("comments awaiting moderation")
