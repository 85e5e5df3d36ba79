"""Benchmark: the cached article while the admin login is hammered with wrong passwords.

    make bench-login            # or: .venv/bin/python bench/login_flood.py --seconds 6

Production settings on SQLite and a Redis of its own (port BENCH_REDIS_PORT, 21901).
The issue's finding: 8 parallel wrong-password posts took the cached article from ~1,600 to
2.5 req/s, as every attempt hashes a password. With django-axes an address (and an account)
is locked after AXES_FAILURE_LIMIT failures and a locked attempt is refused before any hash.
Prints the article's req/s alone, then during the flood, and their ratio; then the same flood
with the throttle switched off (AXES_ENABLED=0 is not a setting of the site: the comparison
runs a second server with the login limit set out of reach).
"""

import argparse
import collections
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import ROOT, parse_wrk  # noqa: E402

ARTICLE = "/meslekler/musteri-hizmetleri-ekip-lideri/"
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "21901"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def production_env(var, **extra):
    """Production settings on a throwaway SQLite database, static folder and Redis."""
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_VAR_DIR": str(var),
        "DJANGO_STATIC_ROOT": str(var / "static"),
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        **extra,
    }
    env.pop("DATABASE_URL", None)
    return env


def start(var, port, extra_env, workers):
    env = production_env(var, **extra_env)
    for command in (
        ["migrate", "-v0"],
        ["loaddemo", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        [
            "shell",
            "--no-imports",
            "-c",
            "from django.contrib.auth.models import User;"
            "User.objects.create_superuser('admin', 'a@example.org', 'doğru-parola-99')",
        ],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "careers.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--log-level", "error"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{port}/durum/")
    return server


def wrk(url, seconds):
    result = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return parse_wrk(result.stdout)[0]


def login_form(port):
    """A real browser's first step: the login page, its CSRF cookie and form token."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/yonetim/login/", timeout=30) as page:  # noqa: S310
        html = page.read().decode()
        cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


def flood(port, stop, counts):
    cookie, token = login_form(port)
    data = urllib.parse.urlencode(
        {"username": "admin", "password": "yanlis", "csrfmiddlewaretoken": token}
    ).encode()
    while not stop.is_set():
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/yonetim/login/", data=data, headers={"Cookie": cookie}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310 (loopback)
                counts.append(answer.status)
        except urllib.error.HTTPError as error:  # 429 once locked out
            counts.append(error.code)
        except OSError:
            counts.append(0)


def measure(port, seconds, attackers):
    url = f"http://127.0.0.1:{port}{ARTICLE}"
    urllib.request.urlopen(url, timeout=10).read()  # noqa: S310 (warm the page cache)
    alone = wrk(url, seconds)
    stop, counts = threading.Event(), []
    threads = [threading.Thread(target=flood, args=(port, stop, counts)) for _ in range(attackers)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    during = wrk(url, seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return alone, during, collections.Counter(counts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--attackers", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"gunicorn {args.workers} workers, {args.attackers} parallel wrong-password posters, "
          f"wrk 8 connections, {args.seconds} s, {os.cpu_count()} cores")  # fmt: skip
    print(f"{'login throttle':32} {'alone req/s':>12} {'flooded req/s':>14} {'ratio':>7}  "
          f"login answers")  # fmt: skip
    runs = [
        ("django-axes (the site)", {}),
        ("no throttle (limit out of reach)", {"AXES_FAILURE_LIMIT": "1000000"}),
    ]
    for label, env in runs:
        var = Path(tempfile.mkdtemp(prefix="meslek-bench-login-"))
        redis = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(var)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        server = None
        try:
            port = free_port()
            server = start(var, port, env, args.workers)
            alone, during, attempts = measure(port, args.seconds, args.attackers)
        finally:
            for process in (server, redis):
                if process is not None:
                    process.send_signal(signal.SIGTERM)
                    process.wait(timeout=30)
            shutil.rmtree(var, ignore_errors=True)
        answers = ", ".join(f"{n}× {code}" for code, n in sorted(attempts.items()))
        print(f"{label:32} {alone:12.0f} {during:14.0f} {during / alone:7.2f}  {answers}")


if __name__ == "__main__":
    main()
