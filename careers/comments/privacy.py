"""KVKK (Turkey's data protection law): a commenter's right to a copy of their data and to
its erasure, found by e-mail address; and IP addresses kept only as long as moderation needs
them."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Comment
from .signals import invalidate_articles


def export(email):
    """Everything stored about the commenter with this e-mail address, as plain data."""
    comments = Comment.objects.by_email(email).select_related("role").order_by("created_at", "pk")
    return {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(),
        "comments": [
            {
                "id": c.pk,
                "article": c.role.title,
                "article_url": settings.SITE_URL + c.role.get_absolute_url(),
                "in_reply_to": c.parent_id,
                "name": c.name,
                "email": c.email,
                "website": c.url,
                "comment": c.body,
                "status": c.status,
                "posted": c.created_at.isoformat(),
                "ip_address": c.ip_address,
            }
            for c in comments
        ],
    }


@transaction.atomic
def erase(email):
    """Delete every comment with this e-mail address. Other people's replies to them are
    kept and move up to the nearest ancestor that stays (or become top-level comments).
    Returns the number of comments deleted."""
    doomed = dict(Comment.objects.by_email(email).values_list("pk", "parent_id"))
    role_ids = list(Comment.objects.by_email(email).values_list("role_id", flat=True).distinct())
    if not doomed:
        return 0

    def surviving_ancestor(parent_id):
        seen = set()
        while parent_id in doomed and parent_id not in seen:
            seen.add(parent_id)
            parent_id = doomed[parent_id]
        return None if parent_id in doomed else parent_id

    replies = Comment.objects.filter(parent_id__in=doomed).exclude(pk__in=doomed)
    for reply_id, parent_id in replies.values_list("pk", "parent_id"):
        Comment.objects.filter(pk=reply_id).update(parent_id=surviving_ancestor(parent_id))
    deleted = Comment.objects.filter(pk__in=doomed).delete()[1].get(Comment._meta.label, 0)
    invalidate_articles(role_ids, hard=True)
    return deleted


def clear_old_ip_addresses(days, now=None):
    """Forget the IP address of comments older than ``days`` days; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Comment.objects.filter(created_at__lt=cutoff, ip_address__isnull=False).update(
        ip_address=None
    )
