"""The API's rate limit is shared by every process through Redis: a real redis-server, a second
Python process counting requests for the same address, and this one seeing its count."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine

from .helpers import require

pytestmark = pytest.mark.django_db

PORT = int(os.environ.get("API_REDIS_PORT_TEST", "23379"))
ROOT = Path(__file__).resolve().parents[1]
ADDRESS = "203.0.113.9"

# The other process keeps time with this one (servers' clocks agree; this one may run at a
# moved clock: make test-midnight), so both count in the same window.
OTHER_PROCESS = f"""
import sys, time_machine
time_machine.travel(float(sys.argv[1]), tick=True).start()
import django
django.setup()
from django.conf import settings
settings.API_RATE_WINDOW = 3600
from django.test import RequestFactory
from careers.api.http import rate_limit_exceeded
request = RequestFactory().get("/api/v1/roles", REMOTE_ADDR="{ADDRESS}")
print([rate_limit_exceeded(request) for _ in range(2)])
"""
SAME_CLOCK = OTHER_PROCESS.replace("tick=True", "tick=False")


@pytest.fixture
def redis_url(tmp_path, settings):
    """A throwaway redis-server as this process's cache (put back before the server stops)."""
    server = shutil.which("redis-server")
    require(server, "redis-server", "scripts/system-packages.sh redis")
    process = subprocess.Popen(  # noqa: S603
        [server, "--bind", "127.0.0.1", "--port", str(PORT), "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not start")
        url = f"redis://127.0.0.1:{PORT}/0"
        original = settings.CACHES
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "meslek",
            }
        }
        yield url
        settings.CACHES = original
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_rate_limit_counts_requests_of_every_process(client, settings, redis_url):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW = 3600  # one window for the whole test
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careers.settings",
        "REDIS_URL": redis_url,
        "API_RATE_LIMIT": "3",
    }
    other = subprocess.run(  # noqa: S603
        [sys.executable, "-c", OTHER_PROCESS, repr(time.time())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert other.stdout.strip() == "[None, None]"  # two requests allowed over there
    assert client.get("/api/v1/", REMOTE_ADDR=ADDRESS).status_code == 200  # the third
    limited = client.get("/api/v1/sectors", REMOTE_ADDR=ADDRESS)
    assert limited.status_code == 429  # the fourth, whichever process serves it
    assert 0 < int(limited["Retry-After"]) <= 3600
    assert client.get("/api/v1/skills", REMOTE_ADDR="203.0.113.10").status_code == 200


def test_the_sliding_window_holds_across_the_minute_boundary_for_every_process(
    client, settings, redis_url
):
    """Two requests in another process just before a minute starts, then this one just after
    it: a fixed window started counting again; the sliding one still holds the two. (Both
    processes' clocks stand still where the test puts them.)"""
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW = 60
    boundary = (time.time() // 60 + 2) * 60
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careers.settings",
        "REDIS_URL": redis_url,
        "API_RATE_LIMIT": "3",
    }
    other = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SAME_CLOCK.replace("3600", "60"), repr(boundary - 1)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert other.stdout.strip() == "[None, None]"
    with time_machine.travel(boundary + 1, tick=False):
        assert client.get("/api/v1/", REMOTE_ADDR=ADDRESS).status_code == 200  # the third
        limited = client.get("/api/v1/sectors", REMOTE_ADDR=ADDRESS)
    assert limited.status_code == 429
    assert 58 <= int(limited["Retry-After"]) <= 59  # when the other process's first leaves
    with time_machine.travel(boundary + 59.5, tick=False):
        assert client.get("/api/v1/skills", REMOTE_ADDR=ADDRESS).status_code == 200
