"""Purging the front caches (``FRONT_CACHE_URLS``: Varnish with xkey) by surrogate key.

:func:`submit` is called after a commit (see :func:`careers.site.cache.invalidate`) and only
queues: a background thread in each app-server process sends ``PURGE /`` with the header
``xkey-purge: role-12 sector-3 ...`` to every front cache, so the editor's response never
waits for (or fails because of) a front cache. What a front cache does not acknowledge with
200 is logged and retried with growing pauses (1 s, 2 s, 4 s, ... up to a minute, for about
ten minutes: longer than any page may be cached there) on that cache alone; queued keys are
merged, so a burst of edits costs one request per cache.

Each purge is sent a second time :data:`SETTLE_SECONDS` later: a front cache may have been
fetching a page that an app server began to render before the commit, and stored it after
the first purge. ``manage.py purge_pages`` purges synchronously (after a deploy).
"""

import atexit
import heapq
import http.client
import itertools
import logging
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger("careers.purge")

TIMEOUT = 2.0
SETTLE_SECONDS = 1.0
FIRST_RETRY = 1.0
MAX_RETRY = 60.0
GIVE_UP_AFTER = 15 * 60.0
KEYS_PER_REQUEST = 200  # keeps the header well under Varnish's 8 KB limit


def send(url, keys, timeout=TIMEOUT):
    """One PURGE to one front cache; raises OSError (or a subclass) unless it answers 200."""
    parts = urlsplit(url)
    keys = sorted(keys)
    for start in range(0, len(keys), KEYS_PER_REQUEST):
        chunk = " ".join(keys[start : start + KEYS_PER_REQUEST])
        connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
        try:
            connection.request("PURGE", parts.path or "/", headers={"xkey-purge": chunk})
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise ConnectionError(f"{url} answered {response.status} {response.reason}")


class Purger:
    """A queue of (due time, url, keys) drained by one daemon thread per process."""

    def __init__(self):
        self._lock = threading.Condition()
        self._due = []  # heap of (when, seq, url, keys, attempt, first_failure, settle)
        self._seq = itertools.count()
        self._thread = None

    def submit(self, keys, urls):
        now = time.monotonic()
        with self._lock:
            for url in urls:
                self._push(now, url, keys, 0, None, settle=True)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="purge", daemon=True)
                self._thread.start()
            self._lock.notify()

    def _push(self, when, url, keys, attempt, first_failure, settle):
        entry = (when, next(self._seq), url, frozenset(keys), attempt, first_failure, settle)
        heapq.heappush(self._due, entry)

    def _take_due(self):
        """Wait for the earliest job; merge every due job for the same cache into it."""
        with self._lock:
            while not self._due or self._due[0][0] > time.monotonic():
                timeout = self._due[0][0] - time.monotonic() if self._due else None
                self._lock.wait(timeout)
            _, _, url, keys, attempt, first_failure, settle = heapq.heappop(self._due)
            keys = set(keys)
            now = time.monotonic()
            rest = []
            for job in self._due:
                if job[2] == url and job[0] <= now:
                    keys |= job[3]
                    attempt = max(attempt, job[4])
                    settle = settle or job[6]
                    first_failure = first_failure or job[5]
                else:
                    rest.append(job)
            heapq.heapify(rest)
            self._due = rest
            return url, keys, attempt, first_failure, settle

    def _run(self):
        while True:
            self.process(*self._take_due())

    def process(self, url, keys, attempt, first_failure, settle):
        now = time.monotonic()
        try:
            send(url, keys)
        except Exception as error:  # noqa: BLE001 (any failure is logged and retried)
            first_failure = first_failure or now
            if now - first_failure >= GIVE_UP_AFTER:
                logger.error("Front cache purge abandoned: %s keys=%s (%s)", url, keys, error)
                return
            pause = min(MAX_RETRY, FIRST_RETRY * 2**attempt)
            logger.warning(
                "Front cache purge failed: %s keys=%s (%s); retry %s in %.0f s",
                url, " ".join(sorted(keys)), error, attempt + 1, pause,
            )  # fmt: skip
            with self._lock:
                self._push(now + pause, url, keys, attempt + 1, first_failure, settle)
            return
        if first_failure:
            logger.warning("Front cache purge delivered after %s retries: %s", attempt, url)
        if settle:
            with self._lock:
                self._push(now + SETTLE_SECONDS, url, keys, 0, None, settle=False)

    def pending(self):
        with self._lock:
            return len(self._due)

    def flush(self, timeout=TIMEOUT):
        """Send what is queued now, once (at process exit: a retry would never happen)."""
        with self._lock:
            jobs, self._due = self._due, []
        for _, _, url, keys, *_rest in jobs:
            try:
                send(url, keys, timeout=timeout)
            except Exception as error:  # noqa: BLE001
                logger.error("Front cache purge lost at exit: %s keys=%s (%s)", url, keys, error)


purger = Purger()
atexit.register(purger.flush)


def submit(keys):
    """Purge ``keys`` from every front cache, in the background (after a commit)."""
    urls = settings.FRONT_CACHE_URLS
    if urls and keys:
        purger.submit(keys, urls)


def purge_now(keys):
    """Purge ``keys`` from every front cache at once; returns the caches that failed."""
    failed = []
    for url in settings.FRONT_CACHE_URLS:
        try:
            send(url, keys)
        except OSError as error:
            logger.error("Front cache purge failed: %s keys=%s (%s)", url, keys, error)
            failed.append(url)
    return failed
