"""A budget of fresh searches per visitor.

A search whose words were looked up recently is answered from the cache and costs nothing;
one with new words runs a full-text query. Each visitor (IP address) may run
``SEARCH_FRESH_PER_MINUTE`` of those a minute; beyond that the reader gets a Turkish "try again
in a minute" (429 with Retry-After) and the words stay in the search box, so typing random
words cannot keep the database busy. Every full-text search spends it, wherever it is asked
for (the search page, the comparison picker, the API): :mod:`.service` calls :func:`spend`.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from careers.site.client import client_ip

WINDOW_SECONDS = 60


class Throttled(Exception):
    retry_after = WINDOW_SECONDS


def fresh_per_minute():
    return settings.SEARCH_FRESH_PER_MINUTE


def spend(request):
    """Count one fresh search for this visitor; raise :class:`Throttled` over the budget.
    A cache outage lets the search through (slower, not broken)."""
    ip = client_ip(request) or "unknown"
    window = int(timezone.now().timestamp()) // WINDOW_SECONDS
    key = f"search:fresh:{ip}:{window}"
    try:
        cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
        used = cache.incr(key)
    except Exception:  # noqa: BLE001 (any cache error: do not block the reader)
        return
    if used > fresh_per_minute():
        raise Throttled
