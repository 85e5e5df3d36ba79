"""The article's address without a ``reverse()`` per article: lists, feeds and sitemaps link
hundreds of articles on one page, and ``reverse()`` cost about 20 µs each (a cold sitemap
section of 100 addresses, or a list of 50 cards, spent milliseconds on it alone)."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

#: Stands for the slug in :func:`article_address` (a slug has no capital letter).
SLUG_MARK = "SLUG"


def article_address():
    """The article's address with :data:`SLUG_MARK` for its slug, from ``reverse()`` once per
    URL configuration and script prefix: lists and sitemaps link hundreds of articles, and
    ``reverse()`` cost 20 µs each."""
    return _article_address(settings.ROOT_URLCONF, get_urlconf(), get_script_prefix())


@functools.lru_cache(maxsize=16)
def _article_address(root, urlconf, prefix):
    return reverse("articles:role_detail", kwargs={"slug": SLUG_MARK})
