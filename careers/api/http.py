"""What every API answer goes through:

1. the site's page cache (``careers.site.pagecache``): a cached answer is served early by its
   middleware, with its ETag (``If-None-Match`` -> 304), and purged by its surrogate keys
   like the pages that show the same content; the front cache keeps it likewise.
2. ``rate_limited``, for every request that reaches the app (cached answers cost nothing):
   at most ``API_RATE_LIMIT`` requests per ``API_RATE_WINDOW`` seconds per address, counted
   in the Django cache with an atomic ``incr`` (one counter per address and window, shared
   by every process through Redis). Over the limit: 429 with a Turkish JSON message and
   Retry-After. (django-ninja's own throttles read and rewrite a list of timestamps, which
   loses counts between processes.)
"""

import functools
import logging
import math
import time

from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import gettext as _

from careers.site.client import client_ip
from careers.site.pagecache import cache_public_page

from . import conf

logger = logging.getLogger(__name__)


def rate_limit_exceeded(request):
    """Count this request for its address; the seconds to wait if it is over the limit."""
    limit = conf.get("API_RATE_LIMIT")
    window = conf.get("API_RATE_WINDOW")
    if not limit:
        return None
    now = time.time()
    slot = int(now // window)
    address = client_ip(request) or "unknown"
    key = f"api:rate:{address}:{slot}"
    try:
        cache.add(key, 0, timeout=window + 1)
        count = cache.incr(key)
    except ValueError:  # the counter expired between add and incr: this is its first hit
        cache.set(key, 1, timeout=window + 1)
        count = 1
    except Exception:  # a cache outage must not take the API down with it
        logger.exception("API rate limit: the cache is unavailable; request allowed")
        return None
    if count > limit:
        return max(1, math.ceil((slot + 1) * window - now))
    return None


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


def chain(view, *, params=(), keys=()):
    """``view`` page-cached (varying by the query ``params``, showing the surrogate ``keys``;
    more may be declared while it runs with ``careers.site.pagecache.shows``) and rate-limited."""
    return cache_public_page(rate_limited(view), params=params, keys=keys)
