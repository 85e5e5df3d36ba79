"""Benchmark: gunicorn + wrk on loopback, printed as ratios to a minimal Django view.

    make bench                       # or: .venv/bin/python bench/run.py --seconds 10

Runs with production settings (DEBUG off) on a throwaway SQLite database holding the demo
content. Measures the floor (/durum/, a view that does nothing), the article served from the
page cache, the article rendered afresh (a query string skips the cache), the home page and the
A–Z list. Prints requests per second, p50/p99 latency and each page's ratio to the floor.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("floor: minimal view", "/durum/"),
    ("article (page cache)", "/meslekler/musteri-hizmetleri-ekip-lideri/"),
    ("article (uncached)", "/meslekler/musteri-hizmetleri-ekip-lideri/?b=1"),
    ("home (page cache)", "/"),
    ("A–Z list (uncached)", "/meslekler/?b=1"),
]


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
    """Production settings on a throwaway SQLite database and static folder under ``var``."""
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_VAR_DIR": str(var),
        "DJANGO_STATIC_ROOT": str(var / "static"),
        **extra,
    }
    env.pop("DATABASE_URL", None)
    return env


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def latency(pct):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, latency(50), latency(99), int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk is needed: apt-get install wrk")
    python = sys.executable
    var = Path(tempfile.mkdtemp(prefix="meslek-bench-"))
    port = free_port()
    env = production_env(var)
    manage = [python, "manage.py"]
    for command in (["migrate", "-v0"], ["loaddemo", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [python, "-m", "gunicorn", "careers.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(args.workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/durum/")
        print(f"gunicorn {args.workers} workers, wrk {args.connections} connections, "
              f"{args.seconds} s per page, {os.cpu_count()} cores")  # fmt: skip
        print(f"{'page':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs floor':>9}")
        floor = None
        for name, path in PAGES:
            urllib.request.urlopen(base + path, timeout=10).read()  # noqa: S310 (warm the cache)
            result = subprocess.run(
                [wrk, "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency",
                 base + path],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            rps, p50, p99, errors = parse_wrk(result.stdout)
            floor = floor or rps
            note = f"  ({errors} errors)" if errors else ""
            print(f"{name:28} {rps:9.0f} {p50:8.2f} {p99:8.2f} {rps / floor:9.2f}{note}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
