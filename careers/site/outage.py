"""The designed answer to a database that is unreachable or locked past its short timeout.

Instead of Django's 500 (and a worker stuck until gunicorn kills it), the visitor gets the
Turkish "temporarily unavailable" page with status 503 and ``Retry-After``; the page needs
neither the database nor a request context. Views that hold something the visitor typed (the
comment form) catch :data:`DATABASE_ERRORS` themselves and show it again with
:func:`unavailable`. Pages in the page cache are served before any view runs, so they keep
being served.

The 503 is logged once per request as a warning (not as an error mailed to ADMINS for every
request of an outage); the readiness probe ``/durum/hazir/`` is what tells operators.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

# What a stopped, unreachable or locked database raises (through Django's wrappers).
DATABASE_ERRORS = (OperationalError, InterfaceError)


def retry_after():
    return str(getattr(settings, "OUTAGE_RETRY_AFTER_SECONDS", 30))


def unavailable(request, error, *, template="503.html", context=None):
    """A 503 response rendered from ``template`` (which must not touch the database)."""
    logger.warning(
        "Database unavailable on %s %s: %s",
        request.method,
        request.path,
        str(error).splitlines()[0][:200] if str(error) else error.__class__.__name__,
    )
    body = loader.get_template(template).render(context or {}, request=None)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = retry_after()
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # logged above as a warning, not as a 5xx error
    return response


class DatabaseOutageMiddleware:
    """Turns a database outage raised by any view (or its template) into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return unavailable(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """``handler500``: the 503 page when the error was a database outage raised outside a
    view (a middleware), Django's own 500 otherwise."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return unavailable(request, error)
    return defaults.server_error(request, template_name)
