"""Benchmark on the stack, in one run: wrk on loopback against a stack of its own.

    make bench                       # or: .venv/bin/python bench/run.py --seconds 10

Starts scripts/stack.sh (PostgreSQL, Redis, two gunicorn app servers, nginx, Varnish) in a
throwaway directory on ports of its own, then measures, with ``Accept-Encoding: gzip`` as
every browser sends it:

* the ceiling: a static file through the front cache (Varnish);
* the seed article through the front cache;
* the seed article from gunicorn's page cache (app server A, no front cache);
* the seed article rendered by Django (a page-cache miss: an undeclared query parameter);
* the Django floor: /durum/, a view that does nothing, on app server A.

Prints requests per second, p50/p99 latency, and each line's ratio to the ceiling and to the
floor. The lines are measured in turn, ``--rounds`` times (the median is printed), so that a
burst of other load on the machine does not fall on one line only. Ratios measured in one run
are what to compare; absolute numbers depend on the machine.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "/meslekler/musteri-hizmetleri-ekip-lideri/"
# BENCH_PORT_BASE (20200 by default) moves every port, so two checkouts can measure at once.
BASE = int(os.environ.get("BENCH_PORT_BASE", "20200"))
PORTS = {
    "STACK_FRONT_PORT": str(BASE + 80),
    "STACK_ADMIN_PORT": str(BASE + 82),
    "STACK_APP_PORTS": f"{BASE + 621} {BASE + 622}",
    "STACK_REDIS_PORT": str(BASE + 379),
    "STACK_PG_PORT": str(BASE + 432),
    "STACK_FILES_PORT": str(BASE + 90),
}
GZIP = {"Accept-Encoding": "gzip"}


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def latency(pct):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, latency(50), latency(99), int(errors.group(1)) if errors else 0


def fetch(url):
    request = urllib.request.Request(url, headers=GZIP)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk is needed: apt-get install wrk")
    directory = Path(tempfile.mkdtemp(prefix="meslek-bench-", dir="/tmp"))
    directory.chmod(0o755)
    env = {**os.environ, **PORTS, "STACK_DIR": str(directory), "PY": sys.executable,
           "STACK_ENV_FILE": str(directory / "stack.env")}  # fmt: skip
    stack = ["bash", "scripts/stack.sh"]
    try:
        subprocess.run([*stack, "start"], cwd=ROOT, env=env, check=True, capture_output=True)
        front = f"http://127.0.0.1:{PORTS['STACK_FRONT_PORT']}"
        app = f"http://127.0.0.1:{PORTS['STACK_APP_PORTS'].split()[0]}"
        manifest = json.loads((directory / "static" / "staticfiles.json").read_text())
        css = "/static/" + manifest["paths"]["css/site.css"]
        pages = [
            ("ceiling: static file (front)", front + css),
            ("article (front cache)", front + SEED),
            ("article (gunicorn page cache)", app + SEED),
            ("article (page-cache miss)", app + SEED + "?bench=1"),
            ("floor: /durum/ (gunicorn)", app + "/durum/"),
        ]
        sizes = {name: len(fetch(url)[2]) for name, url in pages}
        print(f"stack: Varnish front, 2 gunicorn app servers x 2 workers (wrk hits app A), "
              f"PostgreSQL, Redis; wrk {args.connections} connections, {args.rounds} x "
              f"{args.seconds} s per line (medians), {os.cpu_count()} cores, "
              f"Accept-Encoding: gzip")  # fmt: skip
        header = f"{'page':31} {'bytes':>6} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7}"
        print(f"{header} {'/ceiling':>9} {'/floor':>7}")
        runs = {name: [] for name, _url in pages}
        for _round in range(args.rounds):
            for name, url in pages:
                fetch(url)  # warm every cache
                output = subprocess.run(
                    [wrk, "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency",
                     "-H", "Accept-Encoding: gzip", url],
                    capture_output=True, text=True, check=True,
                ).stdout  # fmt: skip
                runs[name].append(parse_wrk(output))
        results = [
            (name, *(statistics.median(run[i] for run in runs[name]) for i in range(3)),
             sum(run[3] for run in runs[name]))
            for name, _url in pages
        ]  # fmt: skip
        ceiling, floor = results[0][1], results[-1][1]
        for name, rps, p50, p99, errors in results:
            note = f"  ({errors} errors)" if errors else ""
            print(f"{name:31} {sizes[name]:6} {rps:8.0f} {p50:7.2f} {p99:7.2f} "
                  f"{rps / ceiling:9.2f} {rps / floor:7.2f}{note}")  # fmt: skip
    finally:
        subprocess.run([*stack, "stop"], cwd=ROOT, env=env, capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
