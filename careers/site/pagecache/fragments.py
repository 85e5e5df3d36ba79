"""Values and HTML fragments kept until what they show changes, by the same surrogate keys as
the pages (:mod:`.markers`): a fragment is served only if it was built after every key's last
invalidation marker. A page built from fragments declares their keys, so the page cache and
the front caches drop it exactly when a fragment would be rebuilt. Fragments live as long as
pages (``PAGE_CACHE_SECONDS``): one duration, one setting."""

from django.conf import settings
from django.core.cache import cache

from .decorator import shows
from .markers import is_fresh, now_us


def cached(name, keys, build, request=None):
    """``build()`` once, then from the cache until one of ``keys`` changes. ``build`` may
    return a :class:`WithKeys` (the value and the keys it turned out to show); ``request``'s
    page then shows every key of the value."""
    entry = cache.get(name)
    if entry is None or not is_fresh(entry["started"], entry["keys"]):
        started = now_us()  # before reading the database: a change meanwhile outdates it
        value = build()
        found = set(keys)
        if isinstance(value, WithKeys):
            found |= set(value.keys)
            value = value.value
        entry = {"started": started, "keys": sorted(found), "value": value}
        cache.set(name, entry, settings.PAGE_CACHE_SECONDS)
    if request is not None:
        shows(request, *entry["keys"])
    return entry["value"]


class WithKeys:
    """A built value and the keys it turned out to show (the roles an article links)."""

    __slots__ = ("keys", "value")

    def __init__(self, value, keys):
        self.value, self.keys = value, keys
