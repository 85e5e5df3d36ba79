"""Requests for a host that is not the site's: 400 at once, one warning line, counted.

Django checks the Host header against ``ALLOWED_HOSTS`` only when something asks for it
(``CommonMiddleware``, ``request.get_host()``), which the page cache's early answers never do:
a cached page was served for any Host, and each Host value could make the front cache keep a
copy of its own. This middleware, first in ``MIDDLEWARE``, checks every request with Django's
own rule (``request.get_host()``) before anything else runs. A refusal is a plain Turkish line
(no template, no database), logged as one warning line, not Django's ERROR with a traceback per
scanner request, and counted per day in the shared cache (each line carries the day's count so far:
:func:`refused_today`), so a flood shows as a number rather than as pages of tracebacks."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

SHOWN = 100  # characters of the refused value in the log line


def _key(day=None):
    return f"hosts:refused:{(day or timezone.localdate()).isoformat()}"


def count_refusal():
    """One more refusal today; today's count, or None when the cache does not answer."""
    key = _key()
    try:
        cache.add(key, 0, timeout=2 * 24 * 3600)
        return cache.incr(key)
    except Exception:  # noqa: BLE001 (any cache error: refuse anyway, uncounted)
        return None


def refused_today():
    try:
        return cache.get(_key(), 0)
    except Exception:  # noqa: BLE001
        return None


class AllowedHostsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        count = count_refusal()
        forwarded = settings.USE_X_FORWARDED_HOST and "x-forwarded-host" in request.headers
        host = request.headers.get("x-forwarded-host" if forwarded else "host", "")
        logger.warning(
            "Refused a request for an unknown host %r (%s today)",
            host[:SHOWN],
            count if count is not None else "uncounted",
        )
        response = HttpResponseBadRequest(
            _("This site is not served under that name."),
            content_type="text/plain; charset=utf-8",
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        response._has_been_logged = True  # logged above, as a warning
        return response
