"""Page cache for anonymous readers.

A rendered page is stored under a key that includes a *content version*; every save or delete
of content bumps the version (see ``signals.py``), so the next request renders afresh and
stale pages simply age out. With Redis as the cache every app server sees the same version.

What is cached is only ever the anonymous page: it carries no CSRF token, no messages and no
per-visitor text. A request is served from (and stored into) the cache only when nothing about
it is personal: a GET or HEAD, no logged-in user, no session cookie, and no query string other
than the parameters the view declares (``@cache_public_page(params=("sayfa",))``: the page
number, a search query, a sort order); those are part of the cache key.
Anything that must differ per visitor (the "your comment awaits moderation" notice, a staff
draft banner) is rendered on a request that skips the cache.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache as default_cache
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "content-version"


def content_version():
    version = default_cache.get(VERSION_KEY)
    if version is None:
        default_cache.add(VERSION_KEY, 1, timeout=None)
        version = default_cache.get(VERSION_KEY, 1)
    return version


def bump_content_version():
    try:
        default_cache.incr(VERSION_KEY)
    except ValueError:
        default_cache.set(VERSION_KEY, 2, timeout=None)


def is_cacheable(request, params=()):
    return (
        request.method in ("GET", "HEAD")
        and all(name in params for name in request.GET)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "skip_page_cache", False)
        and not (hasattr(request, "user") and request.user.is_authenticated)
    )


def page_key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{content_version()}:{digest}"


def cache_public_page(view=None, *, params=()):
    """Serve and store the anonymous reader's page from the cache (see module docstring).

    Used bare (``@cache_public_page``) or with the query parameters the page may vary by
    (``@cache_public_page(params=("q", "sayfa"))``).
    """
    if view is None:
        return functools.partial(cache_public_page, params=tuple(params))

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable(request, params):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        key = page_key(request)
        cached = default_cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = view(request, *args, **kwargs)
        cacheable = (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "skip_page_cache", False)
        )
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if cacheable:
            patch_vary_headers(response, ["Cookie"])
            default_cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response

    return wrapper
