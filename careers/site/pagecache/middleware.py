"""The page cache's lookup and store (what is cached: :mod:`.decorator`).

Placed right after SecurityMiddleware and WhiteNoise: a hit is answered before sessions,
language, CSRF, authentication and messages are touched (an anonymous page needs none of
them), with one Redis round trip (:mod:`.store`: the page and its keys' markers in one
script). Pages are stored once, compressed and not, with their ETag: a hit is never compressed
again, and a conditional GET gets its 304 from the stored ETag and render time.

After a soft change the previous render is served (``X-Page-Cache: stale``) while the one
request holding the page's render claim renders it again. A stale answer tells shared caches
that it is stale already (``s-maxage=0``, no ``Age``): a front cache keeps it only to serve
while it fetches again (Varnish's grace), never as the current page. If that render fails
(5xx: the database is down) the claimant is served the previous render too; if the page is no
more (a 404, a redirect), the previous render is dropped.
"""

import functools
import gzip
import hashlib
import re
import time

from django.core.signals import setting_changed
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import store
from .decorator import PageRender, is_personal

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Headers that belong to one answer, not to the stored page.
NOT_STORED = {"content-length", "content-encoding", "vary", "x-page-cache", "set-cookie", "age"}
VARY = "Cookie, Accept-Encoding"  # one language: the page never varies by Accept-Language
STALE_CACHE_CONTROL = "public, max-age=0, s-maxage=0"


@functools.lru_cache(maxsize=2048)
def page_params(path):
    """The query parameters the view at ``path`` is page-cached with, or None if it is not
    page-cached (or there is no such page)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return getattr(match.func, "page_cache_params", None)


def _urls_changed(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        page_params.cache_clear()


setting_changed.connect(_urls_changed)


def page_key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"{store.PAGE_PREFIX}{digest}"


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.headers.get("accept-encoding", "")))


#: gzip's level for stored pages: 4, not Django's 6 (``compress_string``): a rendered article
#: (77 KB) compresses in 0.8 ms instead of 1.3 (the render waits for it), 4.5% larger.
GZIP_LEVEL = 4


def compress(body):
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or is_personal(request):
            return self.get_response(request)
        params = page_params(request.path_info)
        if params is None or any(name not in params for name in request.GET):
            return self.get_response(request)
        key = page_key(request)
        state, entry = store.lookup(key)
        if state in (store.HIT, store.STALE):
            return self.respond(request, entry, state=state)
        request.page_render = PageRender(params)
        response = self.get_response(request)
        render = getattr(response, "page_render", None)
        if render is None or response.cookies:
            if render is not None:  # a cookie was set on the way out: personal after all
                response.headers.pop("Cache-Control", None)
                response["Cache-Control"] = "private"
            if state == store.RENDER:  # the claimant: what is to become of the previous render
                status = response.status_code
                store.release(key, forget=300 <= status < 400 or status in (404, 410))
                if status >= 500:
                    return self.respond(request, entry, state=store.STALE)
            return response
        entry = self.entry(response, render)
        store.store(key, entry)
        return self.respond(request, entry, state=store.MISS)

    @staticmethod
    def entry(response, render):
        body = response.content
        return {
            "started": render.started,
            "keys": tuple(sorted(render.keys)),
            "status": response.status_code,
            "headers": [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED],
            "body": body,
            "gzip": compress(body) if len(body) >= 200 else None,
            "etag": f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"',
            "last_modified": render.started // 1_000_000,
        }

    @staticmethod
    def respond(request, entry, *, state):
        gzipped = entry["gzip"] is not None and accepts_gzip(request)
        response = HttpResponse(entry["gzip"] if gzipped else entry["body"], status=entry["status"])
        headers = response.headers
        for name, value in entry["headers"]:
            headers[name] = value
        headers["Vary"] = VARY
        if gzipped:
            headers["Content-Encoding"] = "gzip"
            headers["ETag"] = f"W/{entry['etag']}"
        else:
            headers["ETag"] = entry["etag"]
        headers["Last-Modified"] = http_date(entry["last_modified"])
        headers["X-Page-Cache"] = state
        if state == store.HIT:  # the front cache counts its s-maxage from the page's real age
            headers["Age"] = str(max(0, int(time.time() - entry["started"] / 1_000_000)))
        elif state == store.STALE:  # to be served only while a front fetches it again
            headers["Cache-Control"] = STALE_CACHE_CONTROL
        return get_conditional_response(
            request,
            etag=headers["ETag"],
            last_modified=entry["last_modified"],
            response=response,
        )
