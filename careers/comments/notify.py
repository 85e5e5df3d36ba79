"""E-mail to the moderators when a comment is held (WordPress: "moderation_notify").

The message is built in the request, after the comment is committed (one query for the
moderators' addresses), and *sent after the response*, by a background thread of the app
server (one per process, a daemon: a worker's shutdown never waits for a dead mail server),
with ``EMAIL_TIMEOUT`` on each attempt and retries after ``RETRY_DELAYS``. A slow or dead mail
server therefore never delays or fails a visitor's post. If every attempt fails the failure is
logged; the comment itself is in the admin's pending queue either way, so a lost notice (also
one still queued when a worker stops) loses no comment.
"""

import logging
import os
import queue
import threading
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Seconds to wait before each attempt: at once, then twice more.
RETRY_DELAYS = (0, 10, 60)

_queue = queue.Queue()
_sender = {"pid": None}
_sender_lock = threading.Lock()


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


def _send_queued():
    while True:
        message, label = _queue.get()
        try:
            send_with_retries(message, label)
        finally:
            _queue.task_done()


def _start_sender():
    """The sending thread of this process (started on first use, again after a fork)."""
    with _sender_lock:
        if _sender["pid"] != os.getpid():
            threading.Thread(target=_send_queued, name="moderator-mail", daemon=True).start()
            _sender["pid"] = os.getpid()


def held_comment(comment):
    """Queue the moderators' notice about ``comment`` (call it after the commit); True when
    one was queued, False when there is nobody to tell."""
    try:
        message = held_comment_message(comment)
    except Exception:  # a notice must never turn a stored comment into an error page
        logger.exception("Could not prepare the moderator e-mail for comment %s", comment.pk)
        return False
    if message is None:
        return False
    _start_sender()
    _queue.put((message, f"comment {comment.pk}"))
    return True


def wait_for_pending(timeout=10):
    """Wait until queued notices are sent or given up, at most ``timeout`` seconds (tests)."""
    deadline = time.monotonic() + timeout
    while _queue.unfinished_tasks and time.monotonic() < deadline:
        time.sleep(0.02)
