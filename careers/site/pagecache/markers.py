"""Invalidation markers: when each surrogate key last changed.

Every cached page (and fragment) records the time it began rendering and the surrogate keys of
what it shows. Each key has a *marker* in the shared cache, the time it last changed; a page is
current only if it began rendering after every marker of its keys, so a render that read the
database before a commit is never served after it. A marker outlives every page it outdates
(``PAGE_CACHE_SECONDS`` + a minute) and never moves back (``lua/raise.lua``): a later write
with an earlier time (a queued job, a change without the clock allowance) leaves it as it is.
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


def marker_timeout():
    return settings.PAGE_CACHE_SECONDS + 60


def write_markers(keys, allowance=CLOCK_ALLOWANCE, at=None):
    """Outdate every page and fragment showing any of ``keys`` that began rendering before
    ``at`` (µs; now by default) + ``allowance`` seconds."""
    stamp = (now_us() if at is None else at) + int(allowance * 1_000_000)
    names = [marker_key(key) for key in keys]
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
    """Every page cached until now is outdated: Redis is back after an outage during which
    changes could not write their markers (``ON_RECOVERY`` of careers/site/redis.py)."""
    write_markers({ALL})


def is_fresh(started, keys):
    """Whether something rendered from ``started`` (µs) on, showing ``keys``, is still
    current. (``lua/lookup.lua`` does the same inside Redis.)"""
    markers = cache.get_many([marker_key(key) for key in keys])
    return all(stamp < started for stamp in markers.values())
