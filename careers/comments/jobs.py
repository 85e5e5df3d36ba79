"""The comments app's periodic job (``settings.PERIODIC_JOBS``); the moderator notice is a job
of :mod:`.notify`."""

from django_tasks import task

from . import conf, privacy


@task()
def clear_ips():
    """KVKK: forget the IP addresses of comments older than ``COMMENTS_IP_RETENTION_DAYS``
    (daily; ``manage.py clear_comment_ips`` does the same by hand)."""
    return privacy.clear_old_ip_addresses(conf.get("COMMENTS_IP_RETENTION_DAYS"))
