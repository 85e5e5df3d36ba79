"""The worker behind ``manage.py jobs``: django-tasks-db's ``db_worker`` loop, plus what a
queue that must not lose or repeat work needs around it.

**Orphans.** django-tasks-db marks a job RUNNING when a worker claims it and leaves it so if
the worker dies mid-job (``kill -9``, a crash, the host lost): nothing would ever run it
again. Two rules bring it back, both with one UPDATE guarded by ``status=RUNNING``:

* *Stable worker ids.* A worker's id is its host name and slot (``web-1:1``; systemd's
  ``meslek-jobs@1``), the same after a restart. A starting worker puts back to READY every
  job still RUNNING under its own id: no other live process uses that id, so the job was
  claimed by its dead predecessor. A worker restarted by systemd recovers at once.
* *A lease* for workers that never come back (a host gone): any worker puts back a job
  RUNNING for longer than ``JOBS_LEASE_SECONDS`` (5 minutes by default). Every job here is
  bounded far below that (a purge waits 2 s per front, a mail ``EMAIL_TIMEOUT``).

A job may therefore run twice (killed after its work, before it was marked done): jobs are
idempotent (a purge twice is harmless) or check a :class:`careers.site.models.JobOnce` key
before a step that must happen once (a mail).

**Periodic jobs** are declared in one place, ``settings.PERIODIC_JOBS`` (name -> task path and
period in seconds). Each worker, every few seconds, enqueues a job whose period has begun; the
row that says so (``JobOnce`` ``periodic:<name>:<period number>``) is written in the same
transaction as the job, and its primary key lets exactly one worker of all hosts win.

**Polling.** The loop asks for a ready job every ``interval`` seconds (0.2 s by default) when
idle: a purge reaches the front within the 1 s promise with room to spare. One worker runs one
job at a time: a host whose periodic work takes long (a nightly batch) runs it in a queue of
its own, on a slot of its own (``--queue batch`` beside ``--queue default``), so no purge or
mail waits behind it.

**The database down** (or locked past its timeout): the worker logs one warning per outage and
asks again every :data:`OUTAGE_PAUSE` seconds; the jobs wait in the database meanwhile.
"""

import logging
import socket
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, transaction
from django.db.utils import OperationalError
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from . import mark_done

logger = logging.getLogger(__name__)

RUNNING, READY = "RUNNING", "READY"
HOUSEKEEPING_SECONDS = 5.0
OUTAGE_PAUSE = 3.0


def worker_id(slot):
    """The id of worker ``slot`` on this host: the same after every restart."""
    return f"{socket.gethostname()[:50]}:{slot}"


def lease_seconds():
    return getattr(settings, "JOBS_LEASE_SECONDS", 300)


def requeue(rows, reason):
    """Put RUNNING ``rows`` back to READY (unless they finished meanwhile); how many."""
    count = 0
    for row in rows:
        if DBTaskResult.objects.filter(pk=row.pk, status=RUNNING).update(status=READY):
            logger.warning("Job %s (%s) put back in the queue: %s", row.pk, row.task_path, reason)
            count += 1
    return count


def recover_own(my_id, backend_name):
    """Jobs left RUNNING by this worker id's dead predecessor."""
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    mine = [row for row in running if row.worker_ids and row.worker_ids[-1] == my_id]
    return requeue(mine, f"its worker {my_id} stopped while running it")


def recover_expired(backend_name, now=None):
    """Jobs RUNNING longer than the lease: their worker is gone for good."""
    deadline = (now or timezone.now()) - timedelta(seconds=lease_seconds())
    running = DBTaskResult.objects.running().filter(
        backend_name=backend_name, started_at__lt=deadline
    )
    return requeue(list(running), f"running for more than {lease_seconds()} s")


def period_of(seconds, now=None):
    return int((now if now is not None else time.time()) // seconds)


def enqueue_due(last_seen, now=None):
    """Enqueue each periodic job whose period began since ``last_seen`` (``{name: period}``,
    updated); exactly one worker of all wins each period. Returns the names enqueued."""
    enqueued = []
    for name, (path, seconds) in getattr(settings, "PERIODIC_JOBS", {}).items():
        period = period_of(seconds, now)
        if last_seen.get(name) == period:
            continue
        with transaction.atomic():
            if mark_done(f"periodic:{name}:{period}"):
                import_string(path).enqueue()
                enqueued.append(name)
        last_seen[name] = period
    return enqueued


class Worker(DatabaseWorker):
    """db_worker's worker with orphan recovery and periodic jobs (see the module docstring)."""

    def __init__(self, *, periodic=True, **kwargs):
        super().__init__(**kwargs)
        self.periodic = periodic
        self.last_seen = {}
        self.housekept = 0.0

    def housekeeping(self):
        self.housekept = time.monotonic()
        recover_expired(self.backend_name)
        if self.periodic:
            for name in enqueue_due(self.last_seen):
                logger.info("Periodic job enqueued: %s", name)

    def claim_next(self):
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        with exclusive_transaction(tasks.db):
            try:
                found = tasks.get_locked()
                if found is not None:
                    found.claim(self.worker_id)
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise
                return None
        return found

    def run(self):
        logger.info("Job worker %s started (every %s s)", self.worker_id, self.interval)
        recovered, outage = False, False
        while self.running:
            try:
                close_old_connections()
                if not recovered:
                    recovered = recover_own(self.worker_id, self.backend_name) >= 0
                if time.monotonic() - self.housekept >= HOUSEKEEPING_SECONDS:
                    self.housekeeping()
                found = self.claim_next()
                if found is not None:
                    self.run_task(found)
            except DatabaseError as error:
                if not outage:
                    logger.warning("Job worker: database unavailable (%s)", type(error).__name__)
                outage, found = True, None
                close_old_connections()
                time.sleep(OUTAGE_PAUSE)
                continue
            if outage:
                logger.warning("Job worker: database back")
                outage = False
            if (found is None and self.batch) or (
                self.max_tasks is not None and self._run_tasks >= self.max_tasks
            ):
                return
            close_old_connections()
            if self.running and found is None:
                time.sleep(self.interval)
