"""A change to a site page reaches readers at once: its own cached page is dropped (the footer
of every page links to it with a fixed text, so nothing else changes)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.site import pagecache

from .models import SimplePage


@receiver(post_save, sender=SimplePage)
@receiver(post_delete, sender=SimplePage)
def page_changed(instance, **kwargs):
    pagecache.invalidate(instance.cache_key)
