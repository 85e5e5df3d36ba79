"""Django's RedisCache, made safe for a Redis that is down: slower, never broken.

* Short socket timeouts (``SOCKET_TIMEOUT``, 0.5 s by default), so an unreachable Redis costs a
  request at most that, and no retries.
* A failed call is logged (once per outage, as an error) and answered as "not cached": ``get``
  returns the default, ``add`` says it stored (so flood control falls back to its database
  check instead of refusing everyone), ``incr`` counts from zero, writes are dropped. Pages are
  then rendered from the database.
* After a failure Redis is left alone for ``DOWN_SECONDS`` (5 s) by every thread of the
  process: a dead server is not asked again on every call of every request.
* When Redis answers again, and writes were dropped meanwhile (an editor's save could not
  bump the page cache's version), ``ON_RECOVERY`` (a dotted path) is called once, so no page
  cached before the outage is served stale after it.

``ping()`` asks Redis directly and raises when it does not answer: the readiness probe uses it.
"""

import logging
import threading
import time

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
        """For code using the raw client (careers/site/shared.py): note ``error`` if it means
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
