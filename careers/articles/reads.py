"""Read counts without a database write per page view.

Articles are served by the front cache and the page cache, where no Python runs per read, so
a read is counted by the page's *read beacon*: a hidden 1×1 image
(``<img src="/okundu/<signed slug>/" hidden>``), never cached, that adds one to a counter in
the cache (Redis ``INCRBY``: atomic across all app servers, one round trip; local memory in
one process). Bots rarely load images, and the beacon also skips staff, HEAD requests and
known bot user agents. The slug is signed, so nobody can fill the cache with counters for
made-up articles. The counters are added to ``Role.view_count`` in batches, with one
``UPDATE … SET view_count = view_count + n`` per role that was read, by a job (never in a
reader's request):

* the periodic job :func:`flush_job`, every ``READS_FLUSH_SECONDS`` (default 300; declared in
  ``settings.PERIODIC_JOBS``, run once per period by one of the job workers);
* the same job queued by the read that finds ``READS_FLUSH_EVERY`` reads (default 500)
  pending, once a minute at most;
* ``manage.py flush_reads`` (before a deploy), at any time.

A flush reads each counter, writes the rows, then *subtracts* what it wrote (``cache.decr``),
so reads that arrive meanwhile are kept for the next flush; a lock key keeps two flushes from
writing the same counts. With the local-memory cache (one process, development) the command
sees only its own process's counters: production with several processes uses Redis.

The write uses ``QuerySet.update``: no ``updated_at`` change, no signals, so a flush neither
marks articles as modified nor invalidates the page cache; lists ordered by reads (the home
page) catch up when their cached page expires.

Reads of the last 30 days (the review dashboard's order: the most read articles due for a
re-review first) cost one row per article and day read (:class:`~.models.DailyReads`, added
to by the same flush) and a column on the role (``Role.recent_reads``, added to as well): the
daily job :func:`roll_recent_reads_job` takes out the day that left the window and deletes its
rows, so no list ever sums the days.
"""

import contextlib
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import task

from careers.site import jobs, methods, redis

from .models import DailyReads, Role
from .models.review import RECENT_DAYS

logger = logging.getLogger(__name__)

PREFIX = "reads:"
PENDING_KEY = "reads-pending"
LOCK_KEY = "reads-flush-lock"
QUEUED_KEY = "reads-flush-queued"
QUEUED_SECONDS = 60  # a flush queued for the read count waits at least this for the next
BOT_RE = re.compile(r"bot|crawl|spider|slurp|preview|monitor|curl|wget", re.IGNORECASE)


def flush_every():
    return settings.READS_FLUSH_EVERY


def counter_key(slug):
    return f"{PREFIX}{slug}"


def _decr(key, amount):
    with contextlib.suppress(ValueError):  # evicted meanwhile: nothing left to subtract from
        cache.decr(key, amount)


def record_read(slug):
    """Count one read of the article ``slug``; queue a flush when enough are pending."""
    pending = redis.incr({counter_key(slug): 1, PENDING_KEY: 1})[PENDING_KEY]
    if pending >= flush_every() and cache.add(QUEUED_KEY, 1, timeout=QUEUED_SECONDS):
        jobs.enqueue(flush_job)


@task()
def flush_job():
    """The read counts written by the job worker (periodic, and when many are pending); a
    database that is down fails the job, and the reads wait in the cache for the next."""
    return flush()


def flush():
    """Write pending reads to ``Role.view_count``; returns the number of reads written."""
    if not cache.add(LOCK_KEY, 1, timeout=60):
        return 0  # another flush is running
    try:
        pending = cache.get(PENDING_KEY) or 0
        roles = dict(Role.objects.values_list("slug", "pk"))
        counts = cache.get_many([counter_key(slug) for slug in roles])
        written = 0
        today = timezone.localdate()
        with transaction.atomic():
            for key, count in counts.items():
                if count:
                    slug = key.removeprefix(PREFIX)
                    Role.objects.filter(pk=roles[slug]).update(
                        view_count=F("view_count") + count, recent_reads=F("recent_reads") + count
                    )
                    add_daily(roles[slug], today, count)
                    written += count
        for key, count in counts.items():
            if count:
                _decr(key, count)
        if pending:
            _decr(PENDING_KEY, pending)
        return written
    finally:
        cache.delete(LOCK_KEY)


def add_daily(role_id, day, count):
    """Add ``count`` reads to the role's row of ``day`` (flushes never overlap: the lock)."""
    if not DailyReads.objects.filter(role_id=role_id, day=day).update(count=F("count") + count):
        DailyReads.objects.create(role_id=role_id, day=day, count=count)


@task()
def roll_recent_reads_job():
    """The daily job: reads older than the window leave ``Role.recent_reads``."""
    return roll_recent_reads()


def roll_recent_reads(today=None):
    """Recount ``recent_reads`` of the roles that have days older than the last
    :data:`RECENT_DAYS` (from the days left: exact whatever was missed), then delete those
    days; returns the number of roles recounted."""
    first = (today or timezone.localdate()) - timedelta(days=RECENT_DAYS - 1)
    with transaction.atomic():
        old = DailyReads.objects.filter(day__lt=first)
        role_ids = set(old.values_list("role_id", flat=True))
        kept = (
            DailyReads.objects.filter(role=OuterRef("pk"), day__gte=first)
            .values("role")
            .annotate(total=Sum("count"))
            .values("total")
        )
        Role.objects.filter(pk__in=role_ids).update(recent_reads=Coalesce(Subquery(kept), Value(0)))
        old.delete()
    return len(role_ids)


def is_reader(request):
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and not (user is not None and user.is_authenticated and user.is_staff)
        and not BOT_RE.search(request.headers.get("User-Agent", ""))
    )


SIGNER = signing.Signer(salt="careers.articles.reads")
# A transparent 1×1 GIF.
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


def beacon_url(slug):
    return reverse("articles:read_beacon", kwargs={"token": SIGNER.sign(slug)})


@methods.only("GET", "HEAD")
@never_cache
def read_beacon(request, token):
    """The article page's hidden image: counts one read of its article."""
    try:
        slug = SIGNER.unsign(token)
    except signing.BadSignature:
        raise Http404 from None
    if is_reader(request):
        record_read(slug)
    return HttpResponse(PIXEL, content_type="image/gif")
