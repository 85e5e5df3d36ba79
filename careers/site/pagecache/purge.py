"""A change: drop exactly the pages showing it, in the page cache and in every front cache.

:func:`invalidate` is called by signal handlers inside the editor's transaction, saying
whether the change is *soft* (an edit, an approved comment: the previous page may be served
while the new one renders, so no reader waits) or *hard* (``hard=True``: an article
unpublished or deleted, a comment removed or marked as spam, a site page taken down: the old
page is never served again, see :mod:`.markers`):

1. the keys' markers are written at once (renders already under way in this process), and
   again after the commit (:mod:`careers.site.transactions`: once per transaction, keys
   merged, a key hard if any change to it was): no render that began before the commit is
   kept;
2. a :func:`purge` job is queued (:mod:`careers.site.jobs`): on the database backend its row
   is written in the same transaction (an outbox: a rolled-back change purges nothing, a
   committed one is purged even if the process dies right after the commit, a management
   command or ``manage.py shell`` included). The job writes the markers once more, as of the
   time it was queued (in case the committing process died before its second write), and sends
   ``PURGE /`` with ``xkey-softpurge: role-12 sector-3 ...`` (soft: Varnish keeps serving the
   page while one background fetch renders it) and ``xkey-purge: ...`` (hard: gone) to every
   front cache (``FRONT_CACHE_URLS``, Varnish with xkey);
3. a hard change is also sent to every front by the committing process itself, right after
   the commit (:data:`HARD_TIMEOUT` per front, failures left to the job): when the editor's
   save returns, the old page is gone from every front as from every app server.

The job never makes the editor wait or fail. A front that does not acknowledge with 200 is
logged and retried on its own with growing pauses (1 s, 2 s, 4 s, ... up to a minute, for
about 15 minutes: longer than any page may be cached there). Purges waiting in the queue are
merged when one runs, so a burst of edits costs one request per front. Each delivered purge is
sent again :data:`SETTLE_SECONDS` later: a front may have been fetching a page an app server
began to render before the commit, and stored it after the first purge (the VCL refuses such
pages too: ``deploy/varnish/meslek.vcl``).
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
HARD_TIMEOUT = 0.5  # the committing process's own hard purge: an editor waits at most this
SETTLE_SECONDS = 1.0
FIRST_RETRY = 1.0
MAX_RETRY = 60.0
GIVE_UP_AFTER = 15 * 60.0
KEYS_PER_REQUEST = 200  # keeps the header well under Varnish's 8 KB limit
MERGE_AT_MOST = 1000


def invalidate(*keys, hard=False):
    """The things named by ``keys`` changed (``hard``: are gone): drop every page that shows
    them, here and in every front cache (see the module docstring); nothing happens on
    rollback."""
    keys = {str(key) for key in keys if key}
    if not keys:
        return
    gathered = transactions.pending("pagecache", _after_commit)
    if gathered is None:  # autocommit: the change is committed already
        write_markers(keys, hard=hard)
        if hard:
            purge_now(keys, hard=True, timeout=HARD_TIMEOUT)
        _enqueue(sorted(keys), hard)
        return
    write_markers(keys, allowance=0, hard=hard)  # renders already under way in this process
    new = sorted(key for key in keys if key not in gathered or (hard and not gathered[key]))
    gathered.update(dict.fromkeys(new, hard))
    if new and jobs.is_durable(purge):
        _enqueue(new, hard)  # the outbox: a row in the editor's transaction


def _enqueue(keys, hard):
    return purge.enqueue(keys, **({"hard": True} if hard else {}))


def _after_commit(gathered):
    hard = sorted(key for key, is_hard in gathered.items() if is_hard)
    soft = sorted(key for key, is_hard in gathered.items() if not is_hard)
    write_markers(soft)
    write_markers(hard, hard=True)
    if hard:
        purge_now(hard, hard=True, timeout=HARD_TIMEOUT)
    if not jobs.is_durable(purge):
        for keys, is_hard in ((soft, False), (hard, True)):
            if keys:
                _enqueue(keys, is_hard)


class Batch:
    """What one front is sent: keys (those also in ``hard`` are purged, the others soft
    purged), and the retry state of the purges merged into it."""

    def __init__(self):
        self.keys, self.hard, self.attempt, self.since, self.settle = set(), set(), 0, None, False

    def merge(self, keys, hard=False, attempt=0, since=None, settle=True):
        self.keys |= set(keys)
        if hard:
            self.hard |= set(keys)
        self.attempt = max(self.attempt, attempt)
        if since and (self.since is None or since < self.since):
            self.since = since
        self.settle = self.settle or settle


@task(takes_context=True)
def purge(context, keys, url=None, attempt=0, since=None, settle=True, hard=False):
    """Purge ``keys`` (``hard``: for good, else soft) from the front cache ``url`` (None: a
    change; every front, and the markers written again), with the purges waiting in the
    queue merged in."""
    batches, changed, queued = {}, {False: set(), True: set()}, []

    def add(keys, url=None, attempt=0, since=None, settle=True, hard=False, enqueued_at=None):
        if url is None:
            changed[hard].update(keys)
            queued.append(enqueued_at)
        for front in [url] if url else settings.FRONT_CACHE_URLS:
            batches.setdefault(front, Batch()).merge(keys, hard, attempt, since, settle)

    add(keys, url, attempt, since, settle, hard, context.task_result.enqueued_at)
    if jobs.is_durable(purge):
        for kwargs in _take_waiting():
            add(**kwargs)
    if queued:  # as of the latest change merged here: renders begun since then are current
        at = int(max(when or timezone.now() for when in queued).timestamp() * 1_000_000)
        write_markers(changed[False] - changed[True], at=at)
        write_markers(changed[True], at=at, hard=True)
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
    soft, hard = sorted(batch.keys - batch.hard), sorted(batch.hard)
    try:
        send(url, soft)
        send(url, hard, hard=True)
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
        for keys, is_hard in ((soft, False), (hard, True)):
            if keys:
                jobs.later(purge, pause, keys, hard=is_hard, **retry)
        return
    if batch.attempt:
        logger.warning("Front cache purge delivered after %s retries: %s", batch.attempt, url)
    if batch.settle:
        for keys, is_hard in ((soft, False), (hard, True)):
            if keys:
                jobs.later(purge, SETTLE_SECONDS, keys, url=url, settle=False, hard=is_hard)


def send(url, keys, timeout=TIMEOUT, hard=False):
    """One PURGE to one front cache (``hard``: ``xkey-purge``, else ``xkey-softpurge``);
    raises OSError (or a subclass) unless it answers 200."""
    parts = urlsplit(url)
    keys = sorted(keys)
    header = "xkey-purge" if hard else "xkey-softpurge"
    for start in range(0, len(keys), KEYS_PER_REQUEST):
        chunk = " ".join(keys[start : start + KEYS_PER_REQUEST])
        connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
        try:
            connection.request("PURGE", parts.path or "/", headers={header: chunk})
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise ConnectionError(f"{url} answered {response.status} {response.reason}")


def purge_now(keys, hard=False, timeout=TIMEOUT):
    """Purge ``keys`` from every front cache at once; returns the caches that failed."""
    failed = []
    for url in settings.FRONT_CACHE_URLS:
        try:
            send(url, keys, timeout=timeout, hard=hard)
        except OSError as error:
            logger.warning("Front cache purge failed: %s keys=%s (%s)", url, keys, error)
            failed.append(url)
    return failed
