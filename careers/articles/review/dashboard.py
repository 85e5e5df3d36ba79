""" "Awaiting my review": what each editor's dashboard lists, as querysets paginated in the
database (10,000 articles cost what 30 do: the due list walks the index on recent reads).

* the changes waiting for a reviewer (someone else's), oldest first: a queue;
* the editor's own changes: waiting, and decided in the last :data:`OWN_DAYS` days (a change
  sent back shows the reviewer's comment);
* the published articles due for a re-review: never reviewed, last reviewed more than
  ``REVIEW_DUE_MONTHS`` ago, or flagged by an app built on articles (the salaries app: figures
  older than ``SALARY_STALE_MONTHS``), the most read in the last 30 days first.
"""

from datetime import timedelta
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from careers import turkish

from ..models import Revision, RevisionState, Role
from .workflow import review_due_before

OWN_DAYS = 30


def waiting_for(user):
    """Changes waiting for a reviewer, not ``user``'s own, oldest first."""
    return (
        Revision.objects.pending()
        .exclude(created_by=user)
        .select_related("role", "created_by")
        .order_by("created_at", "pk")
    )


def own_changes(user, now=None):
    """``user``'s changes waiting, or decided in the last :data:`OWN_DAYS` days."""
    since = (now or timezone.now()) - timedelta(days=OWN_DAYS)
    return (
        Revision.objects.filter(created_by=user)
        .filter(Q(state=RevisionState.PENDING) | Q(decided_at__gte=since))
        .select_related("role", "decided_by")
        .order_by("-created_at", "-pk")
    )


def due_for_review(extra=(), now=None):
    """Published articles due for a re-review, most read in the last 30 days first.
    ``extra``: more conditions (``Q``) that make an article due (apps built on articles)."""
    cutoff = review_due_before(now)
    due = reduce(
        or_,
        [Q(last_reviewed_at__isnull=True), Q(last_reviewed_at__lt=cutoff), *extra],
    )
    return (
        Role.objects.published()
        .filter(due)
        .select_related("reviewed_by")
        .only(
            "pk",
            "title",
            "slug",
            "recent_reads",
            "last_reviewed_at",
            "reviewed_by__name",
            "salary_year",
        )
        .order_by("-recent_reads", "title_sort", "pk")
    )


def review_reason(role, now=None):
    """Why ``role`` is due (the articles app's part: never or long ago reviewed), or ""."""
    if role.last_reviewed_at is None:
        return _("Never reviewed")
    if role.last_reviewed_at < review_due_before(now):
        return _("Last reviewed on %(date)s") % {"date": turkish.format_date(role.last_reviewed_at)}
    return ""
