"""Views every deployment has, whatever the content: health, readiness, robots.txt, the
default social card and the web app manifest. They name no app's address: what robots.txt
keeps crawlers from comes from each app (its AppConfig's ``robots_disallow()``)."""

import json
import logging
import secrets
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import cards, methods, outage, seo

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


def _jobs_waiting():
    """``"jobs: N due, the oldest waiting S s"`` when jobs are kept in the database (one
    indexed query), else None. For operators only: a worker that is behind never makes an
    app server unready (the load balancer would take away the servers, not the backlog)."""
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    try:
        due = DBTaskResult.objects.ready()
        count, oldest = due.count(), due.order_by("enqueued_at").first()
    except DatabaseError:
        return None
    age = (timezone.now() - oldest.enqueued_at).total_seconds() if oldest else 0
    return f"jobs: {count} due, the oldest waiting {age:.1f} s\n"


@never_cache
def ready(request):
    """Readiness (``/durum/hazir/``): 200 when the database and the cache both answer, 503
    (with Retry-After) naming the one that does not; for load balancers and deploys. With the
    job queue in the database, a line says how far behind its workers are."""
    checks = {"database": _database_ready(), "cache": _cache_ready()}
    body = "".join(f"{name}: {'ok' if up else 'down'}\n" for name, up in checks.items())
    if checks["database"]:
        body += _jobs_waiting() or ""
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    if not all(checks.values()):
        response.status_code = 503
        response["Retry-After"] = outage.retry_after()
        response._has_been_logged = True  # logged above, as a warning
    return response


def app_disallowed_paths():
    """The paths apps keep crawlers from (``robots_disallow()`` on their AppConfig)."""
    return [
        path
        for config in apps.get_app_configs()
        for path in getattr(config, "robots_disallow", list)()
    ]


@methods.only("GET", "HEAD")
def robots_txt(request):
    lines = [
        "User-agent: *",
        # The admin's address only when it is the default: a configured one stays unlisted.
        *(["Disallow: /yonetim/"] if settings.ADMIN_PATH == "yonetim/" else []),
        "Disallow: /markdownx/",
        *(f"Disallow: {path}" for path in app_disallowed_paths()),
        "",
        f"Sitemap: {seo.absolute(reverse(settings.SITE_SITEMAP_URL_NAME))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def default_card(request):
    """The card of every page that has none of its own (its address names the design)."""
    return cards.png_response(
        "default",
        lambda: cards.render(
            title=_("What each occupation does, what it pays and how to get there"),
            kicker=_("Careers and salaries"),
            site_name=seo.SITE_NAME,
            site_host=urlsplit(settings.SITE_URL).hostname or "",
        ),
    )


def manifest(request):
    """The web app manifest: name, colours and icons (their hashed static addresses)."""
    data = {
        "name": seo.SITE_NAME,
        "short_name": seo.SITE_NAME,
        "description": _(
            "What each occupation does, what it pays, which skills it asks for and how to "
            "get there."
        ),
        "lang": "tr",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": seo.THEME_COLOR,
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/manifest+json; charset=utf-8",
    )
