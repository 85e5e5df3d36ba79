"""Page cache for anonymous readers, invalidated precisely by surrogate keys.

Every cached page records what it shows as *surrogate keys*: ``role-12`` (that role's article
and everything on it), ``sector-3``, ``skill-7``, ``comments-12``, ``minwage``, ``roles`` (any
list of all roles), ... A view declares them with :func:`shows` (or ``keys=`` on the
decorator); template tags may add theirs while the page renders. A change calls
:func:`invalidate` with the keys of what changed, and exactly the pages showing it go:

* in this cache (shared by every app server through Redis): each key has an *invalidation
  marker*, the time it last changed. A page is served only if it began rendering after every
  marker of its keys, so a render that read the database before a commit can never be served
  after it. Markers are written at once and again after the commit (``on_commit``); each
  outlives every page it outdates (``PAGE_CACHE_SECONDS`` + a minute).
* in every front cache (``FRONT_CACHE_URLS``, Varnish with xkey): the page carries its keys in
  the ``xkey`` header and ``Cache-Control: public, s-maxage``; after the commit the keys are
  purged there (:mod:`.purge`: in the background, retried, never an error for the editor).

Every page also carries the key :data:`ALL` (``manage.py purge_pages`` after a deploy).

What is cached is only ever the anonymous page: no CSRF token, no messages, nothing per
visitor. A request is served from (and stored into) the cache only when nothing about it is
personal: GET or HEAD, no session or messages cookie, and no query parameter other than the
ones the view declares (``@cache_public_page(params=("sayfa",))``), which are part of the key.
Anything that differs per visitor (the held-comment notice, a staff preview) is rendered on a
request that skips the cache and is marked ``private``.

Lookups happen in :class:`careers.site.middleware.PageCacheMiddleware`, early in the
middleware stack, so a hit costs two cache round trips (the page, its keys' markers) and
none of the later middleware; this decorator marks what may be stored.
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache as default_cache
from django.db import transaction
from django.utils.cache import patch_cache_control

from . import purge

ALL = "all"
HEADER = "xkey"
MARKER_PREFIX = "page-key:"
PAGE_PREFIX = "page:"
# Clocks of several app servers agree to well within this (NTP): a marker counts from this
# much later than its own clock says, so a render that began "just after" the change on a
# slightly slow clock is not served either.
CLOCK_ALLOWANCE = 0.25


def now_us():
    """The time in whole microseconds: markers and render starts are compared as integers
    (inside Redis, too)."""
    return time.time_ns() // 1000


class PageRender:
    """What the middleware knows about a page being rendered: when it started (µs) and what
    it shows. Attached to the request as ``request.page_render``."""

    __slots__ = ("started", "keys", "params")

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


def marker_key(key):
    return f"{MARKER_PREFIX}{key}"


def marker_timeout():
    return settings.PAGE_CACHE_SECONDS + 60


def write_markers(keys, allowance=CLOCK_ALLOWANCE):
    from .pagestore import forget_local  # pagestore builds on this module

    forget_local()
    stamp = now_us() + int(allowance * 1_000_000)
    default_cache.set_many({marker_key(key): stamp for key in keys}, timeout=marker_timeout())


def outdate_all_pages():
    """Every page cached until now is outdated: Redis is back after an outage during which
    changes could not write their markers (careers/site/rediscache.py calls this)."""
    write_markers({ALL})


def invalidate(*keys):
    """The things named by ``keys`` changed: drop every page that shows them, here and in
    every front cache. Called from signal handlers inside the editor's transaction: the
    markers are written now and once more after the commit, the front caches are purged after
    the commit (nothing happens on rollback)."""
    keys = {str(key) for key in keys if key}
    if not keys:
        return
    write_markers(keys, allowance=0)  # renders already under way inside this process
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for entry in connection.run_on_commit:  # one callback per transaction, keys merged
            pending = getattr(entry[1], "page_keys", None)
            if pending is not None:
                pending.update(keys)
                return
    transaction.on_commit(_after_commit(keys))


def _after_commit(keys):
    def after_commit():  # what guarantees it: no render that began before the commit is kept
        write_markers(after_commit.page_keys)
        purge.submit(after_commit.page_keys)

    after_commit.page_keys = set(keys)
    return after_commit


def is_fresh(started, keys):
    """Whether a page rendered from ``started`` (µs) on, showing ``keys``, is still current.
    (:mod:`.pagestore` does the same inside Redis.)"""
    markers = default_cache.get_many([marker_key(key) for key in keys])
    return all(stamp < started for stamp in markers.values())


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
    """Serve and store the anonymous reader's page from the cache (see the module docstring).

    Used bare (``@cache_public_page``), with the query parameters the page may vary by
    (``@cache_public_page(params=("q", "sayfa"))``), and with surrogate keys every response
    of the view shows (``keys=("roles",)``); keys that depend on the page call :func:`shows`.
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

    wrapper.page_cache_params = tuple(params)
    return wrapper
