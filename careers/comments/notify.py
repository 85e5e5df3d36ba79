"""E-mail to the moderators when a comment is held (WordPress: "moderation_notify").

The message is built in the request, after the comment is committed (one query for the
moderators' addresses), and *sent after the response*, by a background thread of the app
server, with ``EMAIL_TIMEOUT`` on each attempt and retries after ``RETRY_DELAYS``. A slow or
dead mail server therefore never delays or fails a visitor's post. If every attempt fails the
failure is logged; the comment itself is in the admin's pending queue either way, so a lost
notice loses no comment.
"""

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Seconds to wait before each attempt: at once, then twice more.
RETRY_DELAYS = (0, 10, 60)

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="moderator-mail")
_pending = set()
_pending_lock = threading.Lock()


def moderator_emails():
    """Active users allowed to moderate (directly, through a group, or superusers)."""
    users = (
        get_user_model()
        .objects.with_perm(
            "comments.can_moderate", backend="django.contrib.auth.backends.ModelBackend"
        )
        .filter(is_active=True)
    )
    return sorted({email for email in users.values_list("email", flat=True) if email})


def held_comment_message(comment):
    """The notice about ``comment`` as an EmailMessage, or None when nobody moderates."""
    recipients = moderator_emails()
    if not recipients:
        return None
    context = {
        "comment": comment,
        "role": comment.role,
        "article_url": settings.SITE_URL + comment.role.get_absolute_url(),
        "change_url": settings.SITE_URL
        + reverse("admin:comments_comment_change", args=[comment.pk]),
        "queue_url": settings.SITE_URL + reverse("admin:comments_pendingcomment_changelist"),
    }
    subject = _("[Meslek Rehberi] A comment awaits moderation: %(title)s") % {
        "title": comment.role.title
    }
    return EmailMessage(
        subject.replace("\n", " "),
        render_to_string("comments/email/held.txt", context),
        None,
        recipients,
    )


def send_with_retries(message, label, delays=RETRY_DELAYS):
    """Send ``message``; True once it is sent, False (logged) when every attempt failed."""
    for attempt, delay in enumerate(delays, start=1):
        time.sleep(delay)
        try:
            message.send()
            return True
        except Exception as error:  # SMTP, socket and DNS errors alike
            logger.warning(
                "Moderator e-mail for %s failed (attempt %s of %s): %s",
                label,
                attempt,
                len(delays),
                error.__class__.__name__,
            )
    logger.error("Could not e-mail moderators about %s after %s attempts", label, len(delays))
    return False


def held_comment(comment):
    """Queue the moderators' notice about ``comment`` (call it after the commit); returns the
    Future of the sending, or None when there is nobody to tell."""
    try:
        message = held_comment_message(comment)
    except Exception:  # a notice must never turn a stored comment into an error page
        logger.exception("Could not prepare the moderator e-mail for comment %s", comment.pk)
        return None
    if message is None:
        return None
    future = _executor.submit(send_with_retries, message, f"comment {comment.pk}")
    with _pending_lock:
        _pending.add(future)
    future.add_done_callback(_forget)
    return future


def _forget(future):
    with _pending_lock:
        _pending.discard(future)


def wait_for_pending(timeout=None):
    """Block until queued notices are sent or given up (tests; a worker's shutdown)."""
    with _pending_lock:
        futures = list(_pending)
    wait(futures, timeout=timeout)
