"""Page cache invalidation for comments: only the article the comment is on.

Only a change the public can see invalidates it: a comment saved as approved, or one that was
approved and now is not (or is deleted). Held and spam comments, most of what bots send,
leave every cached page in place. Bulk admin actions (``update()``, which sends no signals)
call :func:`invalidate_articles` themselves.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.articles import keys
from careers.site.pagecache import invalidate

from .models import Comment, CommentStatus


def invalidate_articles(role_ids):
    """The comment sections of these roles' articles changed."""
    invalidate(*(keys.comments(pk) for pk in set(role_ids)))


@receiver(post_save, sender=Comment)
def comment_saved(sender, instance, raw=False, **kwargs):
    was = getattr(instance, "_loaded_status", None)
    if CommentStatus.APPROVED in (instance.status, was):
        invalidate_articles([instance.role_id])
    instance._loaded_status = instance.status


@receiver(post_delete, sender=Comment)
def comment_deleted(sender, instance, **kwargs):
    if CommentStatus.APPROVED in (instance.status, getattr(instance, "_loaded_status", None)):
        invalidate_articles([instance.role_id])
