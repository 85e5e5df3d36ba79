"""A change to a site page reaches readers at once: every page links to these pages from its
footer, so the page cache's content version moves on."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.site import cache

from .models import SimplePage


@receiver(post_save, sender=SimplePage)
@receiver(post_delete, sender=SimplePage)
def page_changed(**kwargs):
    cache.bump_content_version()
