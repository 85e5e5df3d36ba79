"""Page cache invalidation for comments: only the article the comment is on.

Only a change the public can see invalidates it: a comment saved as approved, or one that was
approved and now is not (or is deleted). Held and spam comments, most of what bots send,
leave every cached page in place. Bulk admin actions (``update()``, which sends no signals)
call :func:`invalidate_articles` themselves.

A newly approved comment is a soft change (the article is served as it was while it renders
again: nobody waits for it); a comment that leaves the page (removed, marked as spam, deleted,
erased on request) or is edited by a moderator is a hard one: its old text is never served
again, from any cache (careers/site/pagecache).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.articles import keys
from careers.site.pagecache import invalidate

from .models import Comment, CommentStatus


def invalidate_articles(role_ids, hard=False):
    """The comment sections of these roles' articles changed (``hard``: something shown
    there must never be shown again)."""
    invalidate(*(keys.comments(pk) for pk in set(role_ids)), hard=hard)


@receiver(post_save, sender=Comment)
def comment_saved(sender, instance, raw=False, **kwargs):
    was = getattr(instance, "_loaded_status", None)
    if CommentStatus.APPROVED in (instance.status, was):
        invalidate_articles([instance.role_id], hard=was == CommentStatus.APPROVED)
    instance._loaded_status = instance.status


@receiver(post_delete, sender=Comment)
def comment_deleted(sender, instance, **kwargs):
    if CommentStatus.APPROVED in (instance.status, getattr(instance, "_loaded_status", None)):
        invalidate_articles([instance.role_id], hard=True)
