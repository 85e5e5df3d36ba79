"""Values and HTML fragments kept until what they show changes, by the same surrogate keys as
the page cache (:mod:`.cache`): a fragment is served only if it was built after every key's
last invalidation marker. A page built from fragments declares their keys, so the page cache
and the front caches drop it exactly when a fragment would be rebuilt."""

from django.core.cache import cache

from .cache import is_fresh, now_us, shows

FRAGMENT_SECONDS = 600


def cached(name, keys, build, request=None, timeout=FRAGMENT_SECONDS):
    """``build()`` once, then from the cache until one of ``keys`` changes. ``build`` may
    return ``(value, more_keys)`` by being wrapped with :func:`with_keys`; ``request``'s page
    then shows every key of the value."""
    entry = cache.get(name)
    if entry is None or not is_fresh(entry["started"], entry["keys"]):
        started = now_us()  # before reading the database: a change meanwhile outdates it
        value = build()
        found = set(keys)
        if isinstance(value, WithKeys):
            found |= set(value.keys)
            value = value.value
        entry = {"started": started, "keys": sorted(found), "value": value}
        cache.set(name, entry, timeout)
    if request is not None:
        shows(request, *entry["keys"])
    return entry["value"]


class WithKeys:
    """A built value and the keys it turned out to show (the roles an article links)."""

    __slots__ = ("keys", "value")

    def __init__(self, value, keys):
        self.value, self.keys = value, keys
