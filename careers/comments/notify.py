"""E-mail to the moderators when a comment is held (WordPress: "moderation_notify")."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def moderator_emails():
    """Active users allowed to moderate (directly, through a group, or superusers)."""
    users = get_user_model().objects.with_perm("comments.can_moderate").filter(is_active=True)
    return sorted({email for email in users.values_list("email", flat=True) if email})


def held_comment(comment):
    """Tell the moderators about ``comment``; a failing mail server is logged, never shown
    to the visitor (their comment is stored either way)."""
    recipients = moderator_emails()
    if not recipients:
        return 0
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
    try:
        return send_mail(
            subject.replace("\n", " "),
            render_to_string("comments/email/held.txt", context),
            None,
            recipients,
        )
    except Exception:  # the comment is saved; a mail outage must not turn into a 500
        logger.exception("Could not e-mail moderators about comment %s", comment.pk)
        return 0
