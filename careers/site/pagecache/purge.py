"""A change: drop exactly the pages showing it, in the page cache and in every front cache.

:func:`invalidate` is called by signal handlers inside the editor's transaction:

1. the keys' markers are written at once (renders already under way in this process), and
   again after the commit (:mod:`careers.site.transactions`: once per transaction, keys
   merged): no render that began before the commit is kept;
2. a :func:`purge` job is queued (:mod:`careers.site.jobs`): on the database backend its row
   is written in the same transaction (an outbox: a rolled-back change purges nothing, a
   committed one is purged even if the process dies right after the commit, a management
   command or ``manage.py shell`` included). The job writes the markers once more, as of the
   time it was queued (in case the committing process died before its second write), and sends
   ``PURGE /`` with ``xkey-purge: role-12 sector-3 ...`` to every front cache
   (``FRONT_CACHE_URLS``, Varnish with xkey).

The job never makes the editor wait or fail. A front that does not acknowledge with 200 is
logged and retried on its own with growing pauses (1 s, 2 s, 4 s, ... up to a minute, for
about 15 minutes: longer than any page may be cached there). Purges waiting in the queue are
merged when one runs, so a burst of edits costs one request per front. Each delivered purge is
sent again :data:`SETTLE_SECONDS` later: a front may have been fetching a page an app server
began to render before the commit, and stored it after the first purge.
``manage.py purge_pages`` purges synchronously (after a deploy).
"""

import http.client
import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .. import jobs, transactions
from .markers import write_markers

logger = logging.getLogger("careers.purge")

TIMEOUT = 2.0
SETTLE_SECONDS = 1.0
FIRST_RETRY = 1.0
MAX_RETRY = 60.0
GIVE_UP_AFTER = 15 * 60.0
KEYS_PER_REQUEST = 200  # keeps the header well under Varnish's 8 KB limit
MERGE_AT_MOST = 1000


def invalidate(*keys):
    """The things named by ``keys`` changed: drop every page that shows them, here and in
    every front cache (see the module docstring); nothing happens on rollback."""
    keys = {str(key) for key in keys if key}
    if not keys:
        return
    gathered = transactions.pending("pagecache", _after_commit)
    if gathered is None:  # autocommit: the change is committed already
        write_markers(keys)
        purge.enqueue(sorted(keys))
        return
    write_markers(keys, allowance=0)  # renders already under way inside this process
    new = keys - gathered.keys()
    gathered.update(dict.fromkeys(new))
    if new and jobs.is_durable(purge):
        purge.enqueue(sorted(new))  # the outbox: a row in the editor's transaction


def _after_commit(gathered):
    write_markers(gathered)
    if not jobs.is_durable(purge):
        purge.enqueue(sorted(gathered))


class Batch:
    """What one front is sent: keys, and the retry state of the purges merged into it."""

    def __init__(self):
        self.keys, self.attempt, self.since, self.settle = set(), 0, None, False

    def merge(self, keys, attempt=0, since=None, settle=True):
        self.keys |= set(keys)
        self.attempt = max(self.attempt, attempt)
        if since and (self.since is None or since < self.since):
            self.since = since
        self.settle = self.settle or settle


@task(takes_context=True)
def purge(context, keys, url=None, attempt=0, since=None, settle=True):
    """Purge ``keys`` from the front cache ``url`` (None: a change; every front, and the
    markers written again), with the purges waiting in the queue merged in."""
    batches, changed, queued = {}, set(), []

    def add(keys, url=None, attempt=0, since=None, settle=True, enqueued_at=None):
        if url is None:
            changed.update(keys)
            queued.append(enqueued_at)
        for front in [url] if url else settings.FRONT_CACHE_URLS:
            batches.setdefault(front, Batch()).merge(keys, attempt, since, settle)

    add(keys, url, attempt, since, settle, context.task_result.enqueued_at)
    if jobs.is_durable(purge):
        for kwargs in _take_waiting():
            add(**kwargs)
    if changed:  # as of the latest change merged here: renders begun since then are current
        latest = max(when or timezone.now() for when in queued)
        write_markers(changed, at=int(latest.timestamp() * 1_000_000))
    for front, batch in batches.items():
        deliver(front, batch)


def _take_waiting():
    """The arguments of every purge job ready now, which are marked done (merged here)."""
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        waiting = list(
            DBTaskResult.objects.ready()
            .filter(task_path=purge.module_path)
            .select_for_update(skip_locked=True)[:MERGE_AT_MOST]
        )
        DBTaskResult.objects.filter(pk__in=[row.pk for row in waiting]).update(
            status="SUCCESSFUL",
            started_at=timezone.now(),
            finished_at=timezone.now(),
            return_value="merged",
        )
    return [_arguments(row) for row in waiting]


def _arguments(row):
    args, kwargs = row.args_kwargs["args"], row.args_kwargs["kwargs"]
    return {"keys": args[0], **kwargs, "enqueued_at": row.enqueued_at} if args else kwargs


def deliver(url, batch):
    """Send ``batch`` to ``url``; on failure queue its retry, on success its settle purge."""
    try:
        send(url, batch.keys)
    except Exception as error:  # noqa: BLE001 (any failure is logged and retried)
        since = batch.since or time.time()
        if time.time() - since >= GIVE_UP_AFTER:
            logger.error("Front cache purge abandoned: %s keys=%s (%s)", url, batch.keys, error)
            return
        pause = min(MAX_RETRY, FIRST_RETRY * 2**batch.attempt)
        logger.warning(
            "Front cache purge failed: %s keys=%s (%s); retry %s in %.0f s",
            url,
            " ".join(sorted(batch.keys)),
            error,
            batch.attempt + 1,
            pause,
        )
        retry = {"url": url, "attempt": batch.attempt + 1, "since": since, "settle": batch.settle}
        jobs.later(purge, pause, sorted(batch.keys), **retry)
        return
    if batch.attempt:
        logger.warning("Front cache purge delivered after %s retries: %s", batch.attempt, url)
    if batch.settle:
        jobs.later(purge, SETTLE_SECONDS, sorted(batch.keys), url=url, settle=False)


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
