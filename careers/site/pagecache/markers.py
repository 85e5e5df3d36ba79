"""Invalidation markers: when each surrogate key last changed, and when it was last taken down.

Every cached page (and fragment) records the time it began rendering and the surrogate keys of
what it shows. Each key has a *marker* in the shared cache, the time it last changed; a page is
current only if it began rendering after every marker of its keys, so a render that read the
database before a commit is never served after it. A marker outlives every page it outdates
(``PAGE_CACHE_SECONDS`` + a minute) and never moves back (``lua/raise.lua``): a later write
with an earlier time (a queued job, a change without the clock allowance) leaves it as it is.

Two kinds of change (``hard=``), because not every change is urgent in the same way:

* **soft** (an edit, an approved comment): the page is outdated, but what it showed may still
  be shown for the moment it takes to render it again. The store keeps serving the previous
  render while ONE request renders the new one (:mod:`.store`), so no reader waits.
* **hard** (an article unpublished or deleted, a comment removed or marked as spam, a site page
  taken down): what the page showed must never be shown again. A hard change also writes a
  second marker per key (``page-gone:``); a page that began rendering before it is never
  served, not even stale.

This module imports nothing else of the package: the store, the fragments and the purge job
all build on it.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from .. import redis

#: Every page shows this key: writing its marker outdates every page (``manage.py
#: purge_pages``, Redis back after an outage).
ALL = "all"
MARKER_PREFIX = "page-key:"
HARD_PREFIX = "page-gone:"
# Clocks of several app servers agree to well within this (NTP): a marker counts from this
# much later than its own clock says, so a render that began "just after" the change on a
# slightly slow clock is not served either.
CLOCK_ALLOWANCE = 0.25
RAISE_LUA = Path(__file__).with_name("lua") / "raise.lua"


def now_us():
    """The time in whole microseconds: markers and render starts are compared as integers
    (inside Redis, too)."""
    return time.time_ns() // 1000


def marker_key(key):
    return f"{MARKER_PREFIX}{key}"


def hard_marker_key(key):
    return f"{HARD_PREFIX}{key}"


def marker_timeout():
    return settings.PAGE_CACHE_SECONDS + 60


def write_markers(keys, allowance=CLOCK_ALLOWANCE, at=None, hard=False):
    """Outdate every page and fragment showing any of ``keys`` that began rendering before
    ``at`` (µs; now by default) + ``allowance`` seconds; ``hard``: such pages are never
    served again, not even while they are rendered anew."""
    stamp = (now_us() if at is None else at) + int(allowance * 1_000_000)
    names = [marker_key(key) for key in keys]
    if hard:
        names += [hard_marker_key(key) for key in keys]
    if not names:
        return
    client = redis.redis_client()
    if client is not None:
        made = [cache.make_and_validate_key(name) for name in names]
        run = redis.script(client, RAISE_LUA)
        args = [stamp, marker_timeout()]
        redis.guarded(lambda: run(keys=made, args=args), lambda: None)
        return
    current = cache.get_many(names)
    later = {name: stamp for name in names if current.get(name, 0) < stamp}
    cache.set_many(later, timeout=marker_timeout())


def outdate_all_pages():
    """Every page cached until now is outdated, and never served again: Redis is back after an
    outage during which changes (a takedown among them, perhaps) could not write their
    markers (``ON_RECOVERY`` of careers/site/redis.py)."""
    write_markers({ALL}, hard=True)


def is_fresh(started, keys):
    """Whether something rendered from ``started`` (µs) on, showing ``keys``, is still
    current. (``lua/lookup.lua`` does the same inside Redis.)"""
    markers = cache.get_many([marker_key(key) for key in keys])
    return all(stamp < started for stamp in markers.values())


def is_servable(started, keys):
    """Whether something rendered from ``started`` on, showing ``keys``, may still be shown
    while it is rendered again: no hard change to any of its keys since."""
    markers = cache.get_many([hard_marker_key(key) for key in keys])
    return all(stamp < started for stamp in markers.values())
