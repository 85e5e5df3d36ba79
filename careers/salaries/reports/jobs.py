"""The readers' reports' jobs, on the site's one durable queue (``careers.site.jobs``):

* :func:`recompute`: the batch (``batch.run``), nightly (``settings.PERIODIC_JOBS``) and when
  an editor presses "recompute now" in the admin; on the ``batch`` queue, so a worker slot of
  its own runs it and no purge or mail waits behind it (docs/deploy.md).
* :func:`clear_addresses`: KVKK, daily: delete the keyed hash of the address of every report
  older than ``REPORTS_ADDRESS_RETENTION_DAYS`` (``manage.py clear_report_addresses`` by hand).
"""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import batch, conf
from .models import Report

QUEUE = "batch"


@task(queue_name=QUEUE)
def recompute(trigger="nightly"):
    run = batch.run(trigger)
    return None if run is None else run.pk


def clear_old_addresses(days=None, now=None):
    """Forget the address hash of reports older than ``days`` (default: the setting); how
    many. The reports stay (their figures are anonymous)."""
    days = conf.get("REPORTS_ADDRESS_RETENTION_DAYS") if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Report.objects.filter(created_at__lt=cutoff, address_hash__isnull=False).update(
        address_hash=None
    )


@task()
def clear_addresses():
    return clear_old_addresses()
