"""Which HTTP methods an address takes, and the answer to any other: 405 with ``Allow``.

A read-only address (every page-cached page, the API, the read beacon) answers a POST, PUT or
OPTIONS with 405 and the methods it does take, not with a redirect or with the CSRF failure
page: the view is marked ``csrf_exempt`` because it never acts on an unsafe method (it refuses
it before anything else), so CSRF has nothing to protect there and its page would only say
something untrue ("CSRF cookie not set")."""

import functools

from django.http import HttpResponseNotAllowed
from django.utils.translation import gettext as _

SAFE = ("GET", "HEAD")


def not_allowed(methods):
    response = HttpResponseNotAllowed(
        methods,
        _("This address accepts only these methods: %(methods)s.")
        % {"methods": ", ".join(methods)},
        content_type="text/plain; charset=utf-8",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def only(*methods):
    """The view answers ``methods`` (GET and HEAD by default); any other gets 405 + Allow."""
    methods = tuple(methods) or SAFE

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                return not_allowed(methods)
            return view(request, *args, **kwargs)

        if set(methods) <= set(SAFE):  # refuses every unsafe method itself, before CSRF would
            wrapper.csrf_exempt = True
        return wrapper

    return decorator
