"""What may be page-cached: :func:`cache_public_page` marks a view's anonymous answers as
shareable, :func:`shows` declares the surrogate keys of what a page shows.

What is cached is only ever the anonymous page: no CSRF token, no messages, nothing per
visitor. A request is served from (and stored into) the cache only when nothing about it is
personal: GET or HEAD, no session or messages cookie, and no query parameter other than the
ones the view declares (``@cache_public_page(params=("sayfa",))``), which are part of the key.
Anything that differs per visitor (the held-comment notice, a staff preview) is rendered on a
request that skips the cache and is marked ``private``. The lookup and the store happen in
:mod:`.middleware`.
"""

import functools

from django.conf import settings
from django.utils.cache import patch_cache_control

from .. import methods
from .markers import ALL, now_us

HEADER = "xkey"


class PageRender:
    """What the middleware knows about a page being rendered: when it started (µs) and what
    it shows. Attached to the request as ``request.page_render``."""

    __slots__ = ("keys", "params", "started")

    def __init__(self, params):
        self.started = now_us()
        self.keys = {ALL}
        self.params = params


def shows(request, *keys):
    """Declare that the page being rendered shows ``keys`` (``"role-12"``, ``"minwage"``).
    A no-op for requests that are not page-cached."""
    render = getattr(request, "page_render", None)
    if render is not None:
        render.keys.update(keys)


def is_personal(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def is_cacheable(request, params=()):
    return (
        request.method in ("GET", "HEAD")
        and all(name in params for name in request.GET)
        and not is_personal(request)
        and not getattr(request, "skip_page_cache", False)
        and not (hasattr(request, "user") and request.user.is_authenticated)
    )


def public_headers(response, keys):
    """Headers of a page any cache may keep: browsers revalidate (ETag), shared caches keep
    it ``PAGE_CACHE_SECONDS`` unless purged earlier."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
    response[HEADER] = " ".join(sorted(keys))


def cache_public_page(view=None, *, params=(), keys=()):
    """Serve and store the anonymous reader's page from the cache.

    Used bare (``@cache_public_page``), with the query parameters the page may vary by
    (``@cache_public_page(params=("q", "sayfa"))``), and with surrogate keys every response
    of the view shows (``keys=("roles",)``); keys that depend on the page call :func:`shows`.
    A page is read-only: any method but GET and HEAD gets 405 (:mod:`careers.site.methods`).
    """
    if view is None:
        return functools.partial(cache_public_page, params=tuple(params), keys=tuple(keys))

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        render = getattr(request, "page_render", None)
        if render is None or not is_cacheable(request, params):
            request.page_render = None  # nothing rendered below may declare keys
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        render.keys.update(keys)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "skip_page_cache", False)
            and not getattr(request, "skip_page_cache", False)
        ):
            public_headers(response, render.keys)
            response.page_render = render  # the middleware stores it
        response["X-Page-Cache"] = "miss"
        return response

    wrapper = methods.only(*methods.SAFE)(wrapper)
    wrapper.page_cache_params = tuple(params)
    return wrapper
