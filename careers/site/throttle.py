"""The admin's answer to too many wrong passwords (django-axes' ``AXES_LOCKOUT_CALLABLE``):
the Turkish lockout page, status 429, with ``Retry-After`` set to the cool-off time."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def lockout(request, original_response=None, credentials=None):
    cooloff = settings.AXES_COOLOFF_TIME
    seconds = int(cooloff.total_seconds())
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": max(1, round(seconds / 60)),
    }
    response = render(request, "admin/lockout.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
