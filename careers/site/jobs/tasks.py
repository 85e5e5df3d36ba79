"""The queue's own periodic job: forget finished jobs (``settings.PERIODIC_JOBS``)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

#: Succeeded jobs are kept a day (to look into), failed ones two weeks.
KEEP_DAYS, KEEP_FAILED_DAYS = 1, 14


@task()
def prune():
    """Delete finished jobs (django-tasks-db's ``prune_db_task_results``) and the once-keys
    of periods and mails long past."""
    from careers.site.models import JobOnce

    call_command(
        "prune_db_task_results",
        min_age_days=KEEP_DAYS,
        failed_min_age_days=KEEP_FAILED_DAYS,
        verbosity=0,
    )
    old = timezone.now() - timedelta(days=2 * KEEP_FAILED_DAYS)
    JobOnce.objects.filter(created_at__lt=old).delete()
