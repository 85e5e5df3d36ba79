"""State every app server shares, in the default cache: atomic claims and counters.

With Redis (production) each operation is one round trip and atomic across all app servers:
a claim is a small Lua script (all keys or none), counters are ``INCRBY`` in one pipeline.
With any other backend (local memory: one process, development and tests) the same functions
fall back to ``cache.add`` / ``cache.incr``, atomic within the process.

Redis down: the raw calls here go through :func:`guarded`, so a Redis that does not answer is
reported to the cache (:class:`careers.site.rediscache.DegradingRedisCache`, which logs the
outage and leaves Redis alone for a few seconds) and the cache-API fallback answers instead,
degraded: a claim is granted (flood control then rests on its database check), a counter
counts from zero. Never an error page.
"""

from django.core.cache import cache as default_cache
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

# All keys are free: take them all for `seconds`; else take none.
CLAIM_SCRIPT = """
for i, key in ipairs(KEYS) do
  if redis.call('exists', key) == 1 then return 0 end
end
for i, key in ipairs(KEYS) do
  redis.call('set', key, 1, 'EX', ARGV[1])
end
return 1
"""


def redis_client(cache=default_cache):
    """The redis-py client behind ``cache`` (one per cache object, i.e. per thread: Django's
    own ``get_client`` builds a new one per call, a sizeable cost on a cache hit), or None
    if it is not a Redis cache."""
    if cache is default_cache:  # a proxy: the real object is this thread's
        cache = caches["default"]
    if not isinstance(cache, RedisCache) or getattr(cache, "is_down", bool)():
        return None  # not Redis, or Redis known to be down: the cache API's fallbacks answer
    client = cache.__dict__.get("_shared_client")
    if client is None:
        client = cache.__dict__["_shared_client"] = cache._cache.get_client(write=True)
    return client


def guarded(operation, fallback, cache=default_cache):
    """``operation()`` (raw Redis calls); if Redis does not answer, the cache is told (it logs
    the outage) and ``fallback()`` answers instead. Other errors are raised as they are."""
    try:
        return operation()
    except Exception as error:
        real = caches["default"] if cache is default_cache else cache
        connection_failed = getattr(real, "connection_failed", None)
        if connection_failed is None or not connection_failed(error):
            raise
        return fallback()


def serializer(cache=default_cache):
    """How Django's Redis cache turns values into bytes (ints stay plain numbers)."""
    if cache is default_cache:
        cache = caches["default"]
    return cache._cache._serializer


def claim(keys, seconds, cache=default_cache):
    """Take every one of ``keys`` for ``seconds`` if none is taken; True if taken now. Two
    requests on two servers at the same instant: exactly one gets True."""
    client = redis_client(cache)
    if client is not None:
        names = [cache.make_and_validate_key(key) for key in keys]
        return guarded(
            lambda: bool(client.eval(CLAIM_SCRIPT, len(names), *names, int(seconds))),
            lambda: _claim_with_cache(keys, seconds, cache),
            cache,
        )
    return _claim_with_cache(keys, seconds, cache)


def _claim_with_cache(keys, seconds, cache):
    taken = []
    for key in keys:  # same order everywhere: the first key decides between two requests
        if not cache.add(key, 1, timeout=seconds):
            cache.delete_many(taken)
            return False
        taken.append(key)
    return True


def incr(counts, cache=default_cache):
    """Add ``{key: n}`` to counters that need not exist yet; returns ``{key: new value}``."""
    client = redis_client(cache)
    if client is not None:
        names = list(counts)

        def pipelined():
            pipe = client.pipeline(transaction=False)
            for name in names:
                pipe.incrby(cache.make_and_validate_key(name), counts[name])
            return dict(zip(names, pipe.execute(), strict=True))

        return guarded(pipelined, lambda: _incr_with_cache(counts, cache), cache)
    return _incr_with_cache(counts, cache)


def _incr_with_cache(counts, cache):
    values = {}
    for name, amount in counts.items():
        try:
            values[name] = cache.incr(name, amount)
        except ValueError:  # not there yet: create it without losing a concurrent first one
            cache.add(name, 0, timeout=None)
            values[name] = cache.incr(name, amount)
    return values
