"""gunicorn settings for Meslek Rehberi (``gunicorn -c deploy/gunicorn.conf.py careers.wsgi``).

Every value can be overridden from the environment (``GUNICORN_BIND``, ``GUNICORN_WORKERS``,
...) or on the command line; `make stack` and the systemd unit in docs/deploy.md use this file.

* Sync workers: requests are short (pages come from the cache, the rest is a few queries),
  and a sync worker needs no async-safe database driver.
* ``preload_app`` stays off, so ``kill -HUP <master>`` (``systemctl reload``) starts new
  workers with the new code and retires the old ones once their requests are done: a
  deploy without a refused connection (see docs/deploy.md, "zero-downtime").
* ``max_requests`` recycles workers now and then, bounding what a slow leak can cost.
"""

import multiprocessing
import os


def _env_int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _env_int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# A request slower than this is stuck: the worker is killed and replaced.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
# On reload or stop, workers get this long to finish the requests they are serving.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Keep-alive with the front cache (Varnish reuses its backend connections).
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 500)
preload_app = False
# Behind the front cache on the same host only: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "meslek-rehberi")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None  # the front cache logs requests
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
# The app's own log (failed purges, ...) goes to the same place as gunicorn's.
capture_output = True
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
