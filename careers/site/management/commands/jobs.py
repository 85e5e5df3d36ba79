"""``manage.py jobs [--slot N]``: run queued jobs (front-cache purges, moderator mail, read
counts, periodic jobs) until stopped; one per slot per host (systemd: docs/deploy.md).

A thin wrapper around django-tasks-db's ``db_worker`` with a stable worker id per slot, orphan
recovery and periodic jobs (careers/site/jobs/worker.py), polling every 0.2 s."""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend

from careers.site.jobs.worker import Worker, worker_id


class Command(BaseCommand):
    help = "Run queued jobs (the database task backend) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--slot", default="1", help="this worker's slot on the host (1)")
        parser.add_argument(
            "--queue", default="*", help="queues to run, comma-separated (default: every one)"
        )
        parser.add_argument("--interval", type=float, default=0.2, help="idle poll (s)")
        parser.add_argument("--batch", action="store_true", help="run what is due, then exit")
        parser.add_argument("--no-periodic", action="store_false", dest="periodic")

    def handle(self, *args, slot, queue, interval, batch, periodic, **options):
        if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
            raise CommandError("TASKS: the default backend is not the database backend.")
        worker = Worker(
            queue_names=queue.split(","),
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id(slot),
            excluded_queue_names=[],
            periodic=periodic,
        )
        if not batch:
            worker.configure_signals()
        worker.run()
