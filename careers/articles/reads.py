"""Read counts without a database write per page view.

Articles are served by the front cache and the page cache, where no Python runs per read, so
a read is counted by the page's *read beacon*: a hidden 1×1 image
(``<img src="/okundu/<signed slug>/" hidden>``), never cached, that adds one to a counter in
the cache (Redis ``INCRBY``: atomic across all app servers, one round trip; local memory in
one process). Bots rarely load images, and the beacon also skips staff, HEAD requests and
known bot user agents. The slug is signed, so nobody can fill the cache with counters for
made-up articles. The counters are added to ``Role.view_count`` in batches, with one
``UPDATE … SET view_count = view_count + n`` per role that was read:

* by a reader's request, at most once every ``READS_FLUSH_SECONDS`` (default 300) and as soon
  as ``READS_FLUSH_EVERY`` reads (default 500) are pending, whichever comes first;
* by ``manage.py flush_reads`` (from a timer, or before a deploy), at any time.

A flush reads each counter, writes the rows, then *subtracts* what it wrote (``cache.decr``),
so reads that arrive meanwhile are kept for the next flush; a lock key keeps two flushes from
writing the same counts. With the local-memory cache (one process, development) the command
sees only its own process's counters: production with several processes uses Redis.

The write uses ``QuerySet.update``: no ``updated_at`` change, no signals, so a flush neither
marks articles as modified nor invalidates the page cache; lists ordered by reads (the home
page) catch up when their cached page expires.
"""

import contextlib
import logging
import re

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache

from careers.site import shared

from .models import Role

logger = logging.getLogger(__name__)

PREFIX = "reads:"
PENDING_KEY = "reads-pending"
WINDOW_KEY = "reads-window"
LOCK_KEY = "reads-flush-lock"
RETRY_KEY = "reads-flush-retry"
FLUSH_RETRY_SECONDS = 30  # after a failed flush (database down or locked)
BOT_RE = re.compile(r"bot|crawl|spider|slurp|preview|monitor|curl|wget", re.IGNORECASE)


def flush_seconds():
    return settings.READS_FLUSH_SECONDS


def flush_every():
    return settings.READS_FLUSH_EVERY


def counter_key(slug):
    return f"{PREFIX}{slug}"


def _decr(key, amount):
    with contextlib.suppress(ValueError):  # evicted meanwhile: nothing left to subtract from
        cache.decr(key, amount)


def record_read(slug):
    """Count one read of the article ``slug``; flush when the time or count has come."""
    due = cache.add(WINDOW_KEY, 1, timeout=flush_seconds())  # True once per window
    pending = shared.incr({counter_key(slug): 1, PENDING_KEY: 1})[PENDING_KEY]
    if ((due and pending > 1) or pending >= flush_every()) and not cache.get(RETRY_KEY):
        try:
            flush()
        except DatabaseError as error:
            # The database is down or locked: the read is counted in the cache (nothing was
            # subtracted) and no read tries again for a while, so an outage does not make
            # every read wait for the database's timeout.
            cache.set(RETRY_KEY, 1, FLUSH_RETRY_SECONDS)
            logger.warning("Read counts not written yet: %s", error.__class__.__name__)


def pending_reads():
    """``{slug: count}`` of reads not yet written (for tests and the command's report)."""
    slugs = Role.objects.values_list("slug", flat=True)
    counts = cache.get_many([counter_key(slug) for slug in slugs])
    return {key.removeprefix(PREFIX): n for key, n in counts.items() if n}


def flush():
    """Write pending reads to ``Role.view_count``; returns the number of reads written."""
    if not cache.add(LOCK_KEY, 1, timeout=60):
        return 0  # another flush is running
    try:
        pending = cache.get(PENDING_KEY) or 0
        roles = dict(Role.objects.values_list("slug", "pk"))
        counts = cache.get_many([counter_key(slug) for slug in roles])
        written = 0
        with transaction.atomic():
            for key, count in counts.items():
                if count:
                    slug = key.removeprefix(PREFIX)
                    Role.objects.filter(pk=roles[slug]).update(view_count=F("view_count") + count)
                    written += count
        for key, count in counts.items():
            if count:
                _decr(key, count)
        if pending:
            _decr(PENDING_KEY, pending)
        return written
    finally:
        cache.delete(LOCK_KEY)


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
