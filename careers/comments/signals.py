"""Page cache invalidation for comments.

Only a change the public can see bumps the content version: a comment saved as approved, or
one that was approved and now is not (or is deleted). Held and spam comments, most of what
bots send, leave every cached page in place. Bulk admin actions (``update()``, which sends no
signals) call :func:`careers.site.cache.bump_content_version` themselves.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.site import cache

from .models import Comment, CommentStatus


@receiver(post_save, sender=Comment)
def comment_saved(sender, instance, raw=False, **kwargs):
    was = getattr(instance, "_loaded_status", None)
    if CommentStatus.APPROVED in (instance.status, was):
        cache.bump_content_version()
    instance._loaded_status = instance.status


@receiver(post_delete, sender=Comment)
def comment_deleted(sender, instance, **kwargs):
    if CommentStatus.APPROVED in (instance.status, getattr(instance, "_loaded_status", None)):
        cache.bump_content_version()
