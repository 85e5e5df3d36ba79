"""The weekly mail to reviewers: what waits for them, and the most read articles due for a
re-review (a periodic job: ``settings.PERIODIC_JOBS["review-digest"]``, run once a week by one
job worker of all).

Each reviewer (an active user with the review permission and an e-mail address) gets one
message listing the changes waiting for *them* (not their own) and the first articles of the
dashboard's re-review list; nobody is mailed when there is nothing to say. A message is
recorded once sent (``JobOnce``: ``review-digest:<week>:<user>``), so a job run twice (a
worker killed after sending) mails nobody twice.
"""

import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from careers import turkish
from careers.site import jobs

from ..models import REVIEW_PERMISSION
from . import dashboard

logger = logging.getLogger(__name__)

WAITING_LISTED, DUE_LISTED = 20, 10
WEEK = 7 * 24 * 60 * 60


def reviewers():
    """Active users allowed to review (directly, through a group, or superusers), with mail."""
    users = (
        get_user_model()
        .objects.with_perm(REVIEW_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
    )
    return list(users)


def due_note(role):
    """ "120 reads in the last 30 days; never reviewed"."""
    reads = _("%(reads)s reads in the last 30 days") % {
        "reads": turkish.format_number(role.recent_reads)
    }
    if role.last_reviewed_at is None:
        return f"{reads}; {_('never reviewed')}"
    reviewed = _("last reviewed on %(date)s") % {"date": turkish.format_date(role.last_reviewed_at)}
    return f"{reads}; {reviewed}"


def digest_message(user, due):
    """``user``'s digest (an EmailMessage), or None when nothing waits and nothing is due."""
    waiting = dashboard.waiting_for(user)
    listed = list(waiting[:WAITING_LISTED])
    if not listed and not due:
        return None
    context = {
        "name": user.get_full_name() or user.get_username(),
        "waiting": listed,
        "waiting_count": waiting.count() if listed else 0,
        "due": [(role, due_note(role)) for role in due],
        "dashboard_url": settings.SITE_URL + reverse("admin:articles_revision_changelist"),
        "site_url": settings.SITE_URL,
    }
    count = context["waiting_count"]
    subject = ngettext(
        "[Meslek Rehberi] Weekly review: %(count)s change waiting",
        "[Meslek Rehberi] Weekly review: %(count)s changes waiting",
        count,
    ) % {"count": count}
    return EmailMessage(
        subject, render_to_string("articles/email/review_digest.txt", context), None, [user.email]
    )


@task()
def digest_job():
    """Mail this week's digest to every reviewer; returns how many were sent."""
    from careers.articles.admin.extensions import role_admin_extensions

    week = int(time.time() // WEEK)
    extra = [q for ext in role_admin_extensions() if (q := ext.due_for_review()) is not None]
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        due = list(dashboard.due_for_review(extra)[:DUE_LISTED])
        for user in reviewers():
            key = f"review-digest:{week}:{user.pk}"
            if jobs.done(key):
                continue
            message = digest_message(user, due)
            if message is None:
                continue
            try:
                message.send()
            except Exception as error:  # SMTP, socket and DNS errors alike: next week's
                logger.warning("Review digest to user %s failed: %s", user.pk, type(error).__name__)
                continue
            jobs.mark_done(key)
            sent += 1
    return sent
