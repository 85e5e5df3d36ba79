"""Where cached pages live: one round trip per hit on Redis, two on any other cache.

A page is stored as its entry (the response, pickled) and a small *meta* value beside it:
``"<render start µs> <marker key> <marker key> ..."``. On Redis a lookup is one Lua script
(``lua/lookup.lua``): it reads the meta and the markers of the page's surrogate keys, and
returns the entry only if the page began rendering after every one of them (see
:mod:`.markers`). Any other cache backend (local memory in development and tests) does the
same in two calls.

There is no per-process copy in front of Redis: it spared a hot page one round trip, but in
production the hot pages are served by the front cache (Varnish) and never reach an app
server; measured behind Varnish it did not pay for itself (the numbers are in the commit that
removed it), and it cost a module cycle and a 0.1 s window in which a change was not seen.
"""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from .. import redis
from .markers import is_fresh, marker_key

PAGE_PREFIX = "page:"
META_PREFIX = "page-meta:"
LOOKUP_LUA = Path(__file__).with_name("lua") / "lookup.lua"


def lookup(key):
    """The stored entry for page ``key`` if it is still current, else None."""
    client = redis.redis_client()
    if client is None:
        entry = cache.get(key)
        if entry is not None and is_fresh(entry["started"], entry["keys"]):
            return entry
        return None
    names = [cache.make_and_validate_key(k) for k in (key, META_PREFIX + key)]
    data = redis.guarded(lambda: redis.script(client, LOOKUP_LUA)(keys=names), lambda: None)
    return None if data is None else redis.serializer().loads(data)


def store(key, entry):
    client = redis.redis_client()
    timeout = settings.PAGE_CACHE_SECONDS
    if client is None:
        cache.set(key, entry, timeout)
        return
    make = cache.make_and_validate_key
    meta = " ".join([str(entry["started"]), *(make(marker_key(name)) for name in entry["keys"])])
    pipe = client.pipeline(transaction=False)
    pipe.set(make(key), redis.serializer().dumps(entry), ex=timeout)
    pipe.set(make(META_PREFIX + key), meta, ex=timeout)
    redis.guarded(pipe.execute, lambda: None)  # Redis down: the page is simply not stored
