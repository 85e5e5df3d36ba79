"""Who may do what in the review, and what a decision writes besides the change itself (the
admin replays an approved change through the change form: ``careers.articles.admin.review``).

* Everyone with the change permission writes: with the review on, a change to what readers
  see is held (:class:`~careers.articles.models.Revision`); drafts are written at once.
* Only a reviewer (``articles.review_revision``: the "Yayın kurulu" group) decides, and never
  on their own change: four eyes, whoever the author is.
* An approval names the reviewer and the date on the article (its byline's "Kontrol eden" and
  "Son kontrol") and may publish a correction note; sending back needs a comment for the author.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from careers import turkish
from careers.site.pagecache import invalidate

from .. import keys
from ..models import REVIEW_PERMISSION, Author, Correction, RevisionState, Role
from .changes import model_field


def is_on():
    """Whether changes to what readers see wait for review (``settings.EDITORIAL_REVIEW``)."""
    return settings.EDITORIAL_REVIEW


def can_review(user):
    return bool(user.is_active and user.is_staff and user.has_perm(REVIEW_PERMISSION))


def may_decide(user, revision):
    """Approve or send back: a reviewer other than the change's author, while it waits."""
    return revision.is_pending and can_review(user) and revision.created_by_id != user.pk


def may_withdraw(user, revision):
    return revision.is_pending and revision.created_by_id == user.pk


def months_before(moment, months):
    """The same day and time ``months`` months earlier (the month's last day if shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (following - dt.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def review_due_before(now=None):
    """Articles last reviewed before this moment are due for a re-review."""
    return months_before(now or timezone.now(), settings.REVIEW_DUE_MONTHS)


# --- The reviewer on the page ----------------------------------------------------------------


def unique_author_slug(name):
    base = turkish.slugify(name, max_length=130) or "yazar"
    slug, n = base, 1
    while Author.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def author_profile(user):
    """``user``'s public profile; made from their full name (or user name) the first time they
    approve a change, to be completed in the admin."""
    author = Author.objects.filter(user=user).first()
    if author is None:
        name = user.get_full_name().strip() or user.get_username()
        author = Author.objects.create(user=user, name=name, slug=unique_author_slug(name))
    return author


def stamp_review(role_id, user, when=None):
    """The article was reviewed by ``user`` (now): its byline's reviewer and "son kontrol"
    date, with one UPDATE (no revision of the article: the review itself is recorded)."""
    author = author_profile(user)
    Role.objects.filter(pk=role_id).update(
        reviewed_by=author, last_reviewed_at=when or timezone.now()
    )
    invalidate(keys.role(role_id), keys.author(author.pk))
    return author


# --- Decisions -------------------------------------------------------------------------------


def _decide(revision, user, state, comment=""):
    revision.state = state
    revision.decided_by = user
    revision.decided_at = timezone.now()
    revision.comment = comment.strip()
    revision.save(update_fields=["state", "decided_by", "decided_at", "comment"])


def approved(revision, user, comment="", correction=""):
    """The change was applied (in this transaction): record the decision, the review and the
    public correction note if the reviewer wrote one."""
    _decide(revision, user, RevisionState.APPROVED, comment)
    stamp_review(revision.role_id, user, when=revision.decided_at)
    if correction.strip():
        Correction.objects.create(
            role_id=revision.role_id,
            revision=revision,
            text=correction.strip(),
            created_at=revision.decided_at,
        )


def send_back(revision, user, comment):
    """Not applied: back to its author with the reviewer's comment."""
    _decide(revision, user, RevisionState.REJECTED, comment)
    discard_files(revision)


def withdraw(revision, user):
    _decide(revision, user, RevisionState.WITHDRAWN)
    discard_files(revision)


def discard_files(revision):
    """Files stored for a change that will never be applied (after the commit)."""
    model = revision.model
    for name, stored in revision.changes.get("files", {}).items():
        field = model_field(model, name)
        if stored and field is not None:
            transaction.on_commit(lambda f=field, s=stored: f.storage.delete(s))
