"""What every API answer goes through:

1. the site's page cache (``careers.site.pagecache``): a cached answer is served early by its
   middleware, with its ETag (``If-None-Match`` -> 304), and purged by its surrogate keys
   like the pages that show the same content; the front cache keeps it likewise.
2. ``rate_limited``, for every request that reaches the app (cached answers cost nothing):
   at most ``API_RATE_LIMIT`` requests in any ``API_RATE_WINDOW`` seconds per address, a
   sliding window shared by every process through Redis (:mod:`careers.site.ratelimit`: a
   fixed one-minute counter let twice the limit through across the minute's boundary). Over
   the limit: 429 with a Turkish JSON message and Retry-After, the seconds until a request
   will be let through. (django-ninja's own throttles read and rewrite a list of timestamps
   in the cache, which loses counts between processes.)
"""

import functools

from django.http import JsonResponse
from django.utils.translation import gettext as _

from careers.site import ratelimit
from careers.site.client import client_ip
from careers.site.pagecache import cache_public_page

from . import conf


def rate_limit_exceeded(request):
    """Count this request for its address; the seconds to wait if it is over the limit."""
    limit = conf.get("API_RATE_LIMIT")
    if not limit:
        return None
    address = client_ip(request) or "unknown"
    return ratelimit.hit(f"api:{address}", limit, conf.get("API_RATE_WINDOW"))


def rate_limited(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        wait = rate_limit_exceeded(request)
        if wait is not None:
            response = JsonResponse(
                {
                    "detail": _(
                        "Too many requests from your address: please wait %(seconds)s "
                        "seconds and try again."
                    )
                    % {"seconds": wait}
                },
                status=429,
                json_dumps_params={"ensure_ascii": False},
            )
            response["Retry-After"] = str(wait)
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # public, read-only, no credentials
        return response

    return wrapper


def head_as_get(view):
    """HEAD answered as GET (the server sends the headers only): django-ninja dispatches by
    method, and a GET operation listed again as HEAD would appear twice in the schema."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    return wrapper


def chain(view, *, params=(), keys=()):
    """``view`` page-cached (varying by the query ``params``, showing the surrogate ``keys``;
    more may be declared while it runs with ``careers.site.pagecache.shows``) and rate-limited."""
    return cache_public_page(rate_limited(view), params=params, keys=keys)
