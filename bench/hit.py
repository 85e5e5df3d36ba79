"""In-process cost of one page-cache hit (the seed article), through the whole WSGI handler and
every middleware, as an app server answers it when the front cache misses:

    .venv/bin/python bench/hit.py [--redis redis://127.0.0.1:6379/9] [--hits 2000]

Builds a throwaway SQLite database with the demo content, fills the page cache, then times
batches of hits (median µs per hit) with ``Accept-Encoding: gzip``: as stored (the compressed
copy kept with the page), and with compression left to GZipMiddleware on every hit (the same
entry stored without its compressed copy). Also a conditional GET (304). Without ``--redis``
the cache is local memory (no round trip).
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = "/meslekler/musteri-hizmetleri-ekip-lideri/"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis", default="")
    parser.add_argument("--hits", type=int, default=2000)
    parser.add_argument("--batches", type=int, default=5)
    args = parser.parse_args()
    os.environ.update(DJANGO_VAR_DIR=tempfile.mkdtemp(prefix="meslek-hit-"), DJANGO_DEBUG="0")
    os.environ.pop("DATABASE_URL", None)
    if args.redis:
        os.environ["REDIS_URL"] = args.redis
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command

    from careers.site.pagecache import middleware

    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0)
    handler = WSGIHandler()

    def environ(**headers):
        return {
            "REQUEST_METHOD": "GET", "PATH_INFO": SEED, "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""), "HTTP_ACCEPT_ENCODING": "gzip", **headers,
        }  # fmt: skip

    def hit(**headers):
        status = []
        body = b"".join(handler(environ(**headers), lambda s, h, *a: status.append((s, h))))
        return status[0][0], dict(status[0][1]), body

    def timed(**headers):
        runs = []
        for _ in range(args.batches):
            start = time.perf_counter()
            for _ in range(args.hits):
                hit(**headers)
            runs.append((time.perf_counter() - start) / args.hits * 1e6)
        return statistics.median(runs)

    results = []
    for name, compress in (("stored compressed", True), ("GZipMiddleware per hit", False)):
        cache.clear()
        original = middleware.compress_string
        if not compress:
            middleware.compress_string = lambda body: None
        hit()  # the miss: rendered and stored
        status, headers, body = hit()
        assert headers.get("X-Page-Cache") == "hit", headers
        etag = headers["ETag"]
        results.append((name, timed(), len(body), timed(HTTP_IF_NONE_MATCH=etag)))
        middleware.compress_string = original
    print(f"page-cache hit, seed article, {'Redis' if args.redis else 'local memory'}, "
          f"{args.batches} x {args.hits} hits (median), Accept-Encoding: gzip")  # fmt: skip
    print(f"{'variant':26} {'µs/hit':>8} {'bytes':>7} {'µs/304':>8}")
    for name, per_hit, size, per_304 in results:
        print(f"{name:26} {per_hit:8.0f} {size:7} {per_304:8.0f}")


if __name__ == "__main__":
    main()
