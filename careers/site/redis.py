"""Redis for every app server: Django's RedisCache made safe for a Redis that is down, and the
few raw operations the cache API lacks (atomic claims, counters, Lua scripts).

The cache backend, :class:`DegradingRedisCache` (slower, never broken):

* Short socket timeouts (``SOCKET_TIMEOUT``, 0.5 s by default), so an unreachable Redis costs a
  request at most that, and no retries.
* A failed call is logged (once per outage, as an error) and answered as "not cached": ``get``
  returns the default, ``add`` says it stored (so flood control falls back to its database
  check instead of refusing everyone), ``incr`` counts from zero, writes are dropped. Pages are
  then rendered from the database.
* After a failure Redis is left alone for ``DOWN_SECONDS`` (5 s) by every thread of the
  process (a circuit breaker): a dead server is not asked again on every call of every request.
* When Redis answers again, and writes were dropped meanwhile (an editor's save could not write
  its invalidation markers), ``ON_RECOVERY`` (a dotted path) is called once, so no page cached
  before the outage is served stale after it.

``ping()`` asks Redis directly and raises when it does not answer: the readiness probe uses it.

The raw client (:func:`redis_client`, :func:`guarded`, :func:`claim`, :func:`incr`,
:func:`script`; :func:`claim_within_quota`, a claim and a counter at once): with Redis each
operation is one round trip and atomic across all app servers (a claim is a Lua script,
``lua/claim.lua``: all keys or none; counters are ``INCRBY`` in one pipeline). With any other
backend (local memory: one process, development and tests) the same functions fall back to
``cache.add`` / ``cache.incr``, atomic within the process. A Redis that
does not answer during a raw call is reported to the cache backend (it logs the outage and
opens the circuit) and the cache-API fallback answers instead, degraded: a claim is granted
(flood control then rests on its database check), a counter counts from zero. Never an error
page.
"""

import contextlib
import functools
import logging
import threading
import time
from pathlib import Path

from django.core.cache import cache as default_cache
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class _Circuit:
    """The state of one Redis server, shared by every thread of the process (Django makes a
    cache object per thread): one failure opens it for all of them, and is logged once."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.outage = False
        self.dropped_writes = False


_circuits = {}
_circuits_lock = threading.Lock()


def _circuit_for(location):
    with _circuits_lock:
        return _circuits.setdefault(str(location), _Circuit())


def _redis_errors():
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        timeout = float(options.pop("SOCKET_TIMEOUT", 0.5))
        self.down_seconds = float(options.pop("DOWN_SECONDS", 5))
        self.on_recovery = options.pop("ON_RECOVERY", None)
        options.setdefault("socket_connect_timeout", timeout)
        options.setdefault("socket_timeout", timeout)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._errors = _redis_errors()
        self._circuit = _circuit_for(server)

    # --- the circuit ------------------------------------------------------------------------
    def _call(self, name, fallback, *args, write=False, **kwargs):
        circuit = self._circuit
        if self.is_down():
            circuit.dropped_writes |= write
            return fallback
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except self._errors as error:
            self._failed(name, error, write)
            return fallback
        if circuit.outage:
            self._recovered()
        return result

    def _failed(self, name, error, write):
        circuit = self._circuit
        with circuit.lock:
            circuit.down_until = time.monotonic() + self.down_seconds
            circuit.dropped_writes |= write
            first = not circuit.outage
            circuit.outage = True
        if first:
            logger.error(
                "Redis cache unavailable (%s: %s); serving without cache for now",
                name,
                error.__class__.__name__,
            )

    def _recovered(self):
        circuit = self._circuit
        with circuit.lock:
            if not circuit.outage:
                return
            circuit.outage = False
            dropped, circuit.dropped_writes = circuit.dropped_writes, False
        logger.warning("Redis cache is back; writes dropped meanwhile: %s", dropped)
        if dropped and self.on_recovery:
            try:
                import_string(self.on_recovery)()
            except Exception:
                logger.exception("Redis recovery callback %s failed", self.on_recovery)

    def is_down(self):
        """True while Redis is being left alone after a failure (see ``DOWN_SECONDS``)."""
        return time.monotonic() < self._circuit.down_until

    def connection_failed(self, error, *, write=True):
        """For code using the raw client (:func:`guarded`): note ``error`` if it means
        Redis did not answer (True), so the outage is logged and the circuit opens."""
        if not isinstance(error, self._errors):
            return False
        self._failed("raw client", error, write)
        return True

    def ping(self):
        """Raise unless Redis answers now (readiness probe); ignores the circuit."""
        client = self._cache.get_client(write=True)
        if not client.ping():
            raise ConnectionError("Redis did not answer PING")
        if self._circuit.outage:
            self._recovered()
        return True

    # --- the cache API ----------------------------------------------------------------------
    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, key, value, timeout, version, write=True)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version, write=True)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version, write=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version, write=True)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version, write=True)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version, write=True)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", delta, key, delta, version, write=True)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", 0, key, delta, version, write=True)

    def clear(self):
        return self._call("clear", False, write=True)


# --- the raw client ---------------------------------------------------------------------------
@functools.cache
def script_source(path):
    """The Lua source in ``path`` (read once per process)."""
    return Path(path).read_text(encoding="utf-8")


def script(client, path):
    """``path``'s Lua script registered on ``client`` (redis-py sends EVALSHA, and the source
    only once, if Redis does not know it yet); one object per client and script."""
    scripts = client.__dict__.setdefault("_careers_scripts", {})
    found = scripts.get(path)
    if found is None:
        found = scripts[path] = client.register_script(script_source(path))
    return found


CLAIM_LUA = Path(__file__).with_name("lua") / "claim.lua"
QUOTA_LUA = Path(__file__).with_name("lua") / "quota.lua"


def redis_client(cache=default_cache):
    """The redis-py client behind ``cache`` (one per cache object, i.e. per thread: Django's
    own ``get_client`` builds a new one per call, a sizeable cost on a cache hit), or None
    if it is not a Redis cache or Redis is known to be down (the cache API's fallbacks answer
    then)."""
    if cache is default_cache:  # a proxy: the real object is this thread's
        cache = caches["default"]
    if not isinstance(cache, RedisCache) or getattr(cache, "is_down", bool)():
        return None
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
            lambda: bool(script(client, CLAIM_LUA)(keys=names, args=[int(seconds)])),
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


def release(keys, cache=default_cache):
    """Give back claims taken with :func:`claim` before they expire."""
    cache.delete_many(list(keys))


#: What :func:`claim_within_quota` answers.
GRANTED, CLAIMED, OVER_QUOTA = 1, 0, -1


def claim_within_quota(keys, counter, limit, seconds, cache=default_cache):
    """:func:`claim` ``keys`` for ``seconds`` and count one use of ``counter`` (a window of
    ``seconds`` from its first use), only if no key is taken and ``counter`` is below ``limit``:
    :data:`GRANTED`; else nothing changes, and the answer says why (:data:`CLAIMED`: a key is
    taken; :data:`OVER_QUOTA`). One Lua script on Redis: of many requests at the same instant on
    any number of app servers, exactly ``limit`` get through (``lua/quota.lua``)."""
    client = redis_client(cache)
    if client is not None:
        names = [cache.make_and_validate_key(key) for key in [*keys, counter]]
        return guarded(
            lambda: int(script(client, QUOTA_LUA)(keys=names, args=[int(seconds), int(limit)])),
            lambda: _quota_with_cache(keys, counter, limit, seconds, cache),
            cache,
        )
    return _quota_with_cache(keys, counter, limit, seconds, cache)


def release_within_quota(keys, counter, cache=default_cache):
    """Undo a :data:`GRANTED` :func:`claim_within_quota` (the work it guarded failed)."""
    release(keys, cache)
    with contextlib.suppress(ValueError):  # expired meanwhile: nothing to give back
        cache.decr(counter)


def _quota_with_cache(keys, counter, limit, seconds, cache):
    if (cache.get(counter) or 0) >= limit:
        return OVER_QUOTA
    if not _claim_with_cache(keys, seconds, cache):
        return CLAIMED
    cache.add(counter, 0, timeout=seconds)
    try:
        used = cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout=seconds)
        used = 1
    if used > limit:
        cache.decr(counter)
        cache.delete_many(list(keys))
        return OVER_QUOTA
    return GRANTED


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
