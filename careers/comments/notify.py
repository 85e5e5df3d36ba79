"""E-mail to the moderators when a comment is held (WordPress: "moderation_notify").

The post queues a :func:`held_comment_notice` job in the comment's own transaction (see
:mod:`careers.site.jobs`: the job commits with the comment, or not at all), and the job
worker sends it: a slow or dead mail server never delays or fails a visitor's post, and a
notice outlives the app server and the worker (a worker killed mid-send is restarted and
sends it). The message is built when it is sent (one query for the moderators' addresses),
with ``EMAIL_TIMEOUT`` on each attempt; a failed attempt is retried after
:data:`RETRY_DELAYS` (10 s, then 60 s), then given up and logged. The comment is in the
admin's pending queue either way, so a lost notice loses no comment.

Once: a notice the mail server accepted is recorded (``JobOnce`` ``held-comment-notice:<pk>``)
before the job ends, and a job that finds it recorded sends nothing; so neither a retry nor a
worker restarted after a crash mails twice. (Only a crash in the milliseconds between the
server's acceptance and that record could; the message's fixed ``Message-ID`` lets mail
clients fold such a twin.)
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from careers.site import jobs

logger = logging.getLogger(__name__)

# Seconds before the second and the third attempt.
RETRY_DELAYS = (10, 60)


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
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return EmailMessage(
        subject.replace("\n", " "),
        render_to_string("comments/email/held.txt", context),
        None,
        recipients,
        headers={"Message-ID": f"<held-comment-{comment.pk}@{host}>"},
    )


def once_key(comment_pk):
    return f"held-comment-notice:{comment_pk}"


@task()
def held_comment_notice(comment_pk, attempt=1):
    """Send the moderators' notice about held comment ``comment_pk`` (a job: see the module
    docstring); returns what happened."""
    from .models import Comment

    if jobs.done(once_key(comment_pk)):
        return "sent already"
    comment = Comment.objects.select_related("role").filter(pk=comment_pk).first()
    message = None if comment is None else held_comment_message(comment)
    if message is None:
        return "nobody to tell"
    try:
        message.send()
    except Exception as error:  # SMTP, socket and DNS errors alike
        attempts = len(RETRY_DELAYS) + 1
        logger.warning(
            "Moderator e-mail for comment %s failed (attempt %s of %s): %s",
            comment_pk,
            attempt,
            attempts,
            error.__class__.__name__,
        )
        if attempt < attempts:
            jobs.later(held_comment_notice, RETRY_DELAYS[attempt - 1], comment_pk, attempt + 1)
        else:
            logger.error("Could not e-mail moderators about comment %s", comment_pk)
        return "failed"
    try:
        jobs.mark_done(once_key(comment_pk))
    except Exception:  # accepted by the mail server: never sent again, even if not recorded
        logger.exception("Moderator e-mail for comment %s sent but not recorded", comment_pk)
    return "sent"


def held_comment(comment):
    """Queue the moderators' notice about ``comment`` (in the transaction that stores it)."""
    jobs.enqueue(held_comment_notice, comment.pk)
