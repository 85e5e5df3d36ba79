"""Views every deployment has, whatever the content: health, readiness and robots.txt."""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import outage, seo

logger = logging.getLogger(__name__)


def health(request):
    """Liveness: a view that does nothing (also the floor the benchmarks compare pages with).
    It answers "ok" while the process runs, whatever the database or the cache do: a load
    balancer restarting app servers because PostgreSQL is down would only make things worse."""
    return HttpResponse("ok", content_type="text/plain")


def _database_ready():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except DatabaseError as error:
        logger.warning("Readiness: database unavailable: %s", error.__class__.__name__)
        return False


def _cache_ready():
    try:
        if hasattr(cache, "ping"):  # the Redis backend: asks Redis itself
            return bool(cache.ping())
        key, value = f"ready:{secrets.token_hex(8)}", secrets.token_hex(8)
        cache.set(key, value, 10)
        ready = cache.get(key) == value
        cache.delete(key)
        return ready
    except Exception as error:  # any client error means "not ready"
        logger.warning("Readiness: cache unavailable: %s", error.__class__.__name__)
        return False


@never_cache
def ready(request):
    """Readiness (``/durum/hazir/``): 200 when the database and the cache both answer, 503
    (with Retry-After) naming the one that does not; for load balancers and deploys."""
    checks = {"database": _database_ready(), "cache": _cache_ready()}
    body = "".join(f"{name}: {'ok' if up else 'down'}\n" for name, up in checks.items())
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    if not all(checks.values()):
        response.status_code = 503
        response["Retry-After"] = outage.retry_after()
        response._has_been_logged = True  # logged above, as a warning
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        # The admin's address only when it is the default: a configured one stays unlisted.
        *(["Disallow: /yonetim/"] if settings.ADMIN_PATH == "yonetim/" else []),
        "Disallow: /markdownx/",
        "Disallow: /okundu/",  # the articles' read beacon
        f"Disallow: {reverse('search:search')}",
        "",
        f"Sitemap: {seo.absolute(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
