"""A change to a site page reaches readers at once: its own cached page is dropped (the footer
of every page links to it with a fixed text, so nothing else changes); an edit softly (readers
are served the page as it was while it renders again), a page taken down for good."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.site import pagecache

from .models import SimplePage


@receiver(post_save, sender=SimplePage)
def page_changed(instance, **kwargs):
    pagecache.invalidate(instance.cache_key)


@receiver(post_delete, sender=SimplePage)
def page_taken_down(instance, **kwargs):
    pagecache.invalidate(instance.cache_key, hard=True)
