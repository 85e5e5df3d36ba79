"""Demo size against scale, in one run: two throwaway databases (the demo content; the demo
plus ``manage.py makescale``), every public and admin page measured in-process on each
(bench/measure.py), printed side by side with the ratio, query count and response size.

    make bench-scale                               # SQLite, 10,000 roles / 1,000,000 comments
    .venv/bin/python bench/scale.py --roles 2000 --comments 50000 --repeat 5
    scripts/with-postgres.sh .venv/bin/python bench/scale.py   # PostgreSQL (DATABASE_URL)

Limits printed with the table are the issues': a public page may take 1.2x its demo time or
20 ms, whichever is larger, and weigh at most 150 KB; with the whole cache empty (", cache
empty") at most 20 ms; search under 50 ms; admin under 300 ms. Verdicts are on the wall time;
"cpu ms" (the measuring process's CPU time at scale) tells what the load on a shared machine
added to it.

Building 10,000 roles and 1,000,000 comments takes minutes: ``--keep DIR`` keeps the scale
database (SQLite: DIR/db.sqlite3; PostgreSQL: the database meslek_bench_scale, left in place)
and reuses it, migrated, on the next run.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_FLOOR_MS, PUBLIC_MAX_KB, SEARCH_MS, ADMIN_MS, RATIO = 20, 150, 50, 300, 1.2


def database_env(base_env, var, name, keep=False):
    """A throwaway database: a SQLite file under ``var``, or a new database beside the one
    DATABASE_URL names (PostgreSQL); ``keep``: one left by an earlier run is reused. The
    environment, and whether the database was there already."""
    env = {**base_env, "DJANGO_VAR_DIR": str(var), "DJANGO_DEBUG": "0"}
    url = base_env.get("DATABASE_URL")
    if not url:
        return env, keep and (var / "db.sqlite3").exists()
    server, _, _ = url.rpartition("/")
    found = subprocess.run(
        [sys.executable, "-c", _CREATE_DB, url, name, "keep" if keep else "new"],
        check=True, cwd=ROOT, env=env, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    env["DATABASE_URL"] = f"{server}/{name}"
    return env, found == "kept"


_CREATE_DB = """
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    there = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [sys.argv[2]]).fetchone()
    if there and sys.argv[3] == "keep":
        print("kept")
    else:
        c.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}"')
        c.execute(f'CREATE DATABASE "{sys.argv[2]}"')
"""


def build(env, scale_args):
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "loaddemo", "-v0"], cwd=ROOT, env=env, check=True)
    if scale_args:
        subprocess.run([*manage, "makescale", *scale_args], cwd=ROOT, env=env, check=True)


def measure(env, repeat, only):
    result = subprocess.run(
        [sys.executable, "bench/measure.py", "--repeat", str(repeat), "--only", only],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def verdict(name, demo, big):
    limit = SEARCH_MS if "/ara/" in name else None
    if name.startswith("admin"):
        return "ok" if big["ms"] < ADMIN_MS else f"SLOW (> {ADMIN_MS} ms)"
    cold = name.endswith(", cache empty")
    allowed = PUBLIC_FLOOR_MS if cold else max(RATIO * demo["ms"], PUBLIC_FLOOR_MS)
    problems = []
    if big["ms"] > allowed:
        problems.append(f"> {allowed:.0f} ms")
    if limit and big["ms"] > limit:
        problems.append(f"> {limit} ms")
    if big["bytes"] > PUBLIC_MAX_KB * 1024:
        problems.append(f"> {PUBLIC_MAX_KB} KB")
    if big["status"] != 200:
        problems.append(f"status {big['status']}")
    return "ok" if not problems else "FAIL " + ", ".join(problems)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", default="", help="Only the pages whose name has this.")
    parser.add_argument("--keep", help="Keep the scale database in this directory (reused).")
    args = parser.parse_args()
    base_env = {k: v for k, v in os.environ.items() if k != "DJANGO_ENV"}
    tmp = Path(tempfile.mkdtemp(prefix="meslek-scale-"))
    try:
        demo_env, _ = database_env(base_env, tmp / "demo", "meslek_bench_demo")
        build(demo_env, None)
        scale_var = Path(args.keep) if args.keep else tmp / "scale"
        scale_var.mkdir(parents=True, exist_ok=True)
        scale_env, kept = database_env(base_env, scale_var, "meslek_bench_scale", bool(args.keep))
        if kept:  # reuse it, migrated
            subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT,
                           env=scale_env, check=True)  # fmt: skip
        else:
            build(scale_env, ["--roles", str(args.roles), "--comments", str(args.comments)])
        demo = measure(demo_env, args.repeat, args.only)
        big = measure(scale_env, args.repeat, args.only)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    vendor = "PostgreSQL" if base_env.get("DATABASE_URL") else "SQLite"
    print(f"{vendor}: demo size against {args.roles:,} roles / {args.comments:,} comments, "
          f"median of {args.repeat}, in-process, page cache bypassed")  # fmt: skip
    header = f"{'page':38} {'demo ms':>8} {'scale ms':>9} {'cpu ms':>7} {'ratio':>6} {'queries':>9}"
    header += f" {'KB':>7}"
    print(header + "  verdict")
    failures = 0
    for name, result in big.items():
        small = demo.get(name, result)
        ratio = result["ms"] / small["ms"] if small["ms"] else 0
        queries = f"{small['queries']}/{result['queries']}"
        mark = verdict(name, small, result)
        failures += mark != "ok"
        print(f"{name:38} {small['ms']:8.1f} {result['ms']:9.1f} {result.get('cpu', 0):7.1f} "
              f"{ratio:6.2f} {queries:>9} {result['bytes'] / 1024:7.1f}  {mark}")  # fmt: skip
    print(f"{failures} page(s) over their limit" if failures else "every page within its limit")


if __name__ == "__main__":
    main()
