"""The admin's answer to too many wrong passwords (django-axes' ``AXES_LOCKOUT_CALLABLE``):
the Turkish lockout page, status 429, with ``Retry-After`` set to the cool-off time.

The page is the same for every refused attempt (nothing of the visitor is on it), so each
process renders it once: a flood of refused attempts then costs a lookup and a copy, not a
template render each, and the public pages keep their workers (bench/login_flood.py)."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

_rendered = {}


def lockout(request, original_response=None, credentials=None):
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    key = (get_language(), seconds, settings.AXES_FAILURE_LIMIT)
    body = _rendered.get(key)
    if body is None:
        context = {  # nothing of the request: the same page for every refused attempt
            "site_header": admin.site.site_header,
            "site_title": admin.site.site_title,
            "site_url": admin.site.site_url,
            "has_permission": False,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": max(1, round(seconds / 60)),
        }
        body = _rendered[key] = render_to_string("admin/lockout.html", context)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def _login_path():
    try:
        return reverse("admin:login")
    except NoReverseMatch:  # a URLconf without the admin
        return None


class EarlyLockoutMiddleware:
    """Answers a locked-out sign-in *before* the login view runs, early in the middleware (no
    session, no user loaded): no form, no authentication attempt, no login page rendered just
    to be replaced; one read of the attempts table.
    (django-axes' own middleware, after it, swaps the response after the view: it still does
    that for the attempt that causes the lockout.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.AXES_ENABLED and request.method == "POST" and request.path == _login_path():
            credentials = {"username": request.POST.get("username", "")}
            if not AxesProxyHandler.is_allowed(request, credentials):
                return lockout(request, None, credentials)
        return self.get_response(request)
