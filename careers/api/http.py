"""What every API answer goes through, outermost first:

1. ``rate_limited``: at most ``API_RATE_LIMIT`` requests per ``API_RATE_WINDOW`` seconds per
   address, counted in the Django cache with an atomic ``incr`` (one counter per address and
   window, shared by every process through Redis), *in front of* the page cache so that
   cached answers count too. Over the limit: 429 with a Turkish JSON message and Retry-After.
   (django-ninja's own throttles read and rewrite a list of timestamps, which loses counts
   between processes, and run behind the page cache.)
2. ``conditional``: ``If-None-Match`` against the answer's ETag: 304 without a body.
3. the site's page cache (``cache_public_page``), purged with the pages it shows.
4. ``with_etag``: the ETag is computed once, before the answer is cached.
"""

import functools
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.translation import gettext as _

from careers.site.cache import cache_public_page
from careers.site.http import client_ip

logger = logging.getLogger(__name__)


def rate_limit_exceeded(request):
    """Count this request for its address; the seconds to wait if it is over the limit."""
    limit = settings.API_RATE_LIMIT
    window = settings.API_RATE_WINDOW
    if not limit:
        return None
    now = time.time()
    slot = int(now // window)
    key = f"api:rate:{client_ip(request, settings.API_TRUSTED_PROXIES) or 'unknown'}:{slot}"
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


def with_etag(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            set_response_etag(response)
        return response

    return wrapper


def conditional(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        etag = response.get("ETag")
        if response.status_code != 200 or not etag:
            return response
        return get_conditional_response(request, etag=etag, response=response)

    return wrapper


def chain(view, *, params=()):
    """The decorators above around ``view``, whose answer may vary by the query ``params``."""
    return rate_limited(conditional(cache_public_page(with_etag(view), params=params)))
