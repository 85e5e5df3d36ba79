"""A sliding-window limit shared by every app server: at most ``limit`` requests let through
in any ``window`` seconds, per name (an address).

A fixed window (one counter per minute) lets twice the limit through across the minute's
boundary: the limit at the end of one minute and again at the start of the next. This keeps
the time of each request let through (a sorted set per name, at most ``limit`` entries, gone
after the window) and counts those within the last ``window`` seconds, in one Lua script
(``lua/window.lua``): one round trip, atomic across every server. A refused request is not
recorded, and its answer says exactly when the next one will be let through. Times come from
the app servers' clocks (NTP keeps them within milliseconds, as the page cache's markers
assume), which also lets tests move the clock.

Without Redis (local memory: one process, development and tests) the same rule runs on the
cache API under a lock. Redis not answering: the request is let through (the cache backend
logs the outage), as every other Redis use degrades: slower or unlimited, never broken.
"""

import math
import secrets
import threading
import time
from pathlib import Path

from django.core.cache import cache

from . import redis

WINDOW_LUA = Path(__file__).with_name("lua") / "window.lua"
_local_lock = threading.Lock()


def hit(name, limit, window):
    """Count one request for ``name``: None if it is let through, else the seconds (at least
    1) until one will be."""
    now_ms = time.time() * 1000
    window_ms = window * 1000
    key = f"window:{name}"
    client = redis.redis_client()
    if client is not None:
        made = cache.make_and_validate_key(key)
        args = [repr(now_ms), window_ms, limit, f"{now_ms:.3f}-{secrets.token_hex(4)}"]
        run = redis.script(client, WINDOW_LUA)
        wait_ms = redis.guarded(lambda: run(keys=[made], args=args), lambda: 0)
    else:
        wait_ms = _hit_with_cache(key, limit, now_ms, window_ms, window)
    return max(1, math.ceil(int(wait_ms) / 1000)) if wait_ms else None


def _hit_with_cache(key, limit, now_ms, window_ms, window):
    with _local_lock:
        times = [t for t in cache.get(key, []) if t > now_ms - window_ms]
        if len(times) >= limit:
            cache.set(key, times, timeout=window + 1)
            return max(1, math.ceil(times[0] + window_ms - now_ms))
        times.append(now_ms)
        cache.set(key, times, timeout=window + 1)
        return 0
