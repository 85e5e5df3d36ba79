"""Where cached pages live: one round trip per lookup on Redis, a few on any other cache.

A page is stored as its entry (the response, pickled) and a small *meta* value beside it:
``"<render start µs> <marker key> ... | <hard marker key> ..."``. On Redis a lookup is one Lua
script (``lua/lookup.lua``): it reads the meta and the markers of the page's surrogate keys and
answers with one of

* :data:`HIT`: the page began rendering after every marker of its keys;
* :data:`RENDER`: soft changes outdated it, and this request is the ONE that renders it again
  (it took the page's *render claim*, which :func:`store` or :func:`release` gives back; a
  claim left by a process that died lapses after :data:`CLAIM_SECONDS`);
* :data:`STALE`: soft changes outdated it and another request is rendering it: the previous
  render is served meanwhile, so no reader waits for a render after an edit;
* :data:`MISS`: no such page, or a hard change outdated it (never served again).

Any other cache backend (local memory in development and tests) does the same in a few calls.

There is no per-process copy in front of Redis: it spared a hot page one round trip, but in
production the hot pages are served by the front cache (Varnish) and never reach an app
server; measured behind Varnish it did not pay for itself (the numbers are in the commit that
removed it), and it cost a module cycle and a 0.1 s window in which a change was not seen.
"""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from .. import redis
from .markers import hard_marker_key, is_fresh, is_servable, marker_key

PAGE_PREFIX = "page:"
META_PREFIX = "page-meta:"
CLAIM_PREFIX = "page-render:"
LOOKUP_LUA = Path(__file__).with_name("lua") / "lookup.lua"
#: A render claim lapses after this long: a request that died while rendering holds nobody up
#: for longer (readers are served the previous render meanwhile).
CLAIM_SECONDS = 10

HIT, STALE, RENDER, MISS = "hit", "stale", "render", "miss"


def lookup(key):
    """``(state, entry)`` for page ``key``: see the module docstring. The entry is None
    for :data:`MISS`."""
    client = redis.redis_client()
    if client is None:
        return _lookup_with_cache(key)
    names = [cache.make_and_validate_key(k) for k in (key, META_PREFIX + key, CLAIM_PREFIX + key)]
    run = redis.script(client, LOOKUP_LUA)
    found = redis.guarded(lambda: run(keys=names, args=[CLAIM_SECONDS * 1000]), lambda: None)
    if not found:
        return MISS, None
    state, data = found
    return state.decode(), redis.serializer().loads(data)


def _lookup_with_cache(key):
    entry = cache.get(key)
    if entry is None:
        return MISS, None
    if is_fresh(entry["started"], entry["keys"]):
        return HIT, entry
    if not is_servable(entry["started"], entry["keys"]):
        return MISS, None
    if cache.add(CLAIM_PREFIX + key, 1, CLAIM_SECONDS):
        return RENDER, entry
    return STALE, entry


def store(key, entry):
    """Keep ``entry`` as page ``key`` (and give back its render claim, if taken)."""
    client = redis.redis_client()
    timeout = settings.PAGE_CACHE_SECONDS
    if client is None:
        cache.set(key, entry, timeout)
        cache.delete(CLAIM_PREFIX + key)
        return
    make = cache.make_and_validate_key
    meta = " ".join(
        [
            str(entry["started"]),
            *(make(marker_key(name)) for name in entry["keys"]),
            "|",
            *(make(hard_marker_key(name)) for name in entry["keys"]),
        ]
    )
    pipe = client.pipeline(transaction=False)
    pipe.set(make(key), redis.serializer().dumps(entry), ex=timeout)
    pipe.set(make(META_PREFIX + key), meta, ex=timeout)
    pipe.delete(make(CLAIM_PREFIX + key))
    redis.guarded(pipe.execute, lambda: None)  # Redis down: the page is simply not stored


def release(key, forget=False):
    """Give back page ``key``'s render claim; ``forget``: the page is no more (its new
    render is a 404 or a redirect): drop the previous render too."""
    names = [CLAIM_PREFIX + key, *((key, META_PREFIX + key) if forget else ())]
    cache.delete_many(names)
