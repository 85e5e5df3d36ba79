"""One durable job queue for everything done after a response: Django's tasks framework (the
``django-tasks`` backport) with its database backend (``django-tasks-db``), run by
``manage.py jobs`` (:mod:`.worker`).

Why a database queue: a job is a row in the site's own database, so it survives the process
that queued it (a management command that exits, an app server restarted or killed) and the
worker that runs it (see :mod:`.worker`: orphan recovery). No new server to run.

When the row is written (:func:`enqueue`):

* Database backend: *now*, in the caller's transaction if there is one: a transactional
  outbox. The job commits with the change it belongs to, or rolls back with it; no worker can
  see it before the commit; and once the change is committed, so is its job, even if the
  process dies the next instant.
* Any other backend (the Immediate backend of tests and of ``make run``, which runs a job as
  it is enqueued): *after the commit*, so a job never runs inside the transaction it belongs
  to (it would purge before the change is visible) and never after a rollback.

Jobs that must not happen twice (a mail) check and set a :class:`careers.site.models.JobOnce`
key; :func:`later` queues a retry or a follow-up at a time (nothing runs later on a backend
that cannot defer: the Immediate one logs it and moves on).
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


def is_durable(task):
    """Whether ``task``'s backend keeps jobs in the database (a worker runs them)."""
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task.get_backend(), DatabaseBackend)


def enqueue(task, *args, **kwargs):
    """Queue ``task(*args, **kwargs)``: in the caller's transaction on the database backend,
    after its commit on any other (see the module docstring)."""
    if is_durable(task):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
    return None


def later(task, seconds, *args, **kwargs):
    """Queue ``task(*args, **kwargs)`` to run in ``seconds``; None (logged) when the backend
    cannot defer (the Immediate backend: tests and ``make run`` have no worker to wait)."""
    if not task.get_backend().supports_defer:
        logger.info("Not deferred (%s cannot): %s", task.get_backend().alias, task.name)
        return None
    run_after = timezone.now() + timedelta(seconds=seconds)
    return task.using(run_after=run_after).enqueue(*args, **kwargs)


def done(key):
    """Whether the job step named ``key`` has happened (:func:`mark_done`)."""
    from careers.site.models import JobOnce

    return JobOnce.objects.filter(key=key).exists()


def mark_done(key):
    """Record that the step named ``key`` happened; False if it was recorded already (by
    another worker, or an earlier attempt of this job)."""
    from careers.site.models import JobOnce

    try:
        with transaction.atomic():
            JobOnce.objects.create(key=key)
    except IntegrityError:
        return False
    return True
