"""Where cached pages live: one round trip per hit on Redis, two elsewhere, and most hits
need none.

A page is stored as its entry (the response, pickled) and a small *meta* value beside it:
``"<render start µs> <marker key> <marker key> ..."``. On Redis a lookup is one Lua script: it
reads the meta, the markers of the page's surrogate keys, and returns the entry only if the
page began rendering after every one of them (see :mod:`careers.site.cache`). Any other
cache backend (local memory in development and tests) does the same in two calls.

Each process also keeps the last few hundred entries it looked up, and serves one again
without asking Redis for ``PAGE_CACHE_LOCAL_SECONDS`` (0.1 s) after Redis last confirmed it:
a change reaches every server within that time (a change made by this process empties it at
once). Redis stays the one truth; this only spares a hot page a round trip per request, which
on a busy server costs more than the rest of the hit.
"""

import time

from django.conf import settings
from django.core.cache import cache as default_cache

from . import shared
from .cache import is_fresh, marker_key

META_PREFIX = "page-meta:"
LOOKUP_SCRIPT = """
local meta = redis.call('GET', KEYS[2])
if not meta then return false end
local started, markers = nil, {}
for word in string.gmatch(meta, '%S+') do
  if started == nil then started = tonumber(word) else markers[#markers + 1] = word end
end
if #markers > 0 then
  for _, stamp in ipairs(redis.call('MGET', unpack(markers))) do
    if stamp and tonumber(stamp) >= started then return false end
  end
end
return redis.call('GET', KEYS[1])
"""
LOCAL_SIZE = 256
_scripts = {}
_local = {}  # key -> (entry, monotonic time Redis last confirmed it)


def forget_local():
    """Drop this process's copies (a change was made here)."""
    _local.clear()


def _lookup_script(client):
    script = _scripts.get(id(client))
    if script is None:
        script = _scripts[id(client)] = client.register_script(LOOKUP_SCRIPT)
    return script


def lookup(key):
    """The stored entry for page ``key`` if it is still current, else None."""
    now = time.monotonic()
    held = _local.get(key)
    if held is not None and now - held[1] < settings.PAGE_CACHE_LOCAL_SECONDS:
        return held[0]
    entry = _shared_lookup(key)
    if entry is None:
        _local.pop(key, None)
    else:
        if len(_local) >= LOCAL_SIZE:
            _local.clear()
        _local[key] = (entry, now)
    return entry


def _shared_lookup(key):
    client = shared.redis_client()
    if client is None:
        entry = default_cache.get(key)
        if entry is not None and is_fresh(entry["started"], entry["keys"]):
            return entry
        return None
    names = [default_cache.make_and_validate_key(k) for k in (key, META_PREFIX + key)]
    data = shared.guarded(lambda: _lookup_script(client)(keys=names), lambda: None)
    return None if data is None else shared.serializer().loads(data)


def store(key, entry):
    client = shared.redis_client()
    timeout = settings.PAGE_CACHE_SECONDS
    if client is None:
        default_cache.set(key, entry, timeout)
        return
    make = default_cache.make_and_validate_key
    meta = " ".join([str(entry["started"]), *(make(marker_key(name)) for name in entry["keys"])])
    pipe = client.pipeline(transaction=False)
    pipe.set(make(key), shared.serializer().dumps(entry), ex=timeout)
    pipe.set(make(META_PREFIX + key), meta, ex=timeout)
    shared.guarded(pipe.execute, lambda: None)  # Redis down: the page is simply not stored
