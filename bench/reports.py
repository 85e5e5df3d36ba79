"""The readers' report batch at production size: a throwaway database filled by ``makescale``
(10,000 roles, 1,000,000 reports from known distributions with planted outliers), then the
batch run twice: the first publishes every cohort (every role changes), the second finds
nothing new (what a quiet night costs). Prints wall and CPU time of each run.

    make bench-reports                                           # SQLite
    scripts/with-postgres.sh .venv/bin/python bench/reports.py   # PostgreSQL (DATABASE_URL)
    .venv/bin/python bench/reports.py --roles 2000 --reports 200000
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_SECONDS = 60  # issue 18: the batch that recomputes every cohort, at 1,000,000 reports


def run(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def timed(env, label):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", "recompute_reports"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{label:34} wall {wall:6.1f} s   cpu {cpu:6.1f} s   {result.stdout.strip()}")
    return wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--keep", help="Keep the SQLite database in this directory (reused).")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ENV"}
    env["DJANGO_DEBUG"] = "0"
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="meslek-reports-"))
    env["DJANGO_VAR_DIR"] = str(tmp)
    vendor = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    try:
        fresh = not (tmp / "db.sqlite3").exists() or env.get("DATABASE_URL")
        run(env, "migrate", "-v0")
        if fresh:
            started = time.monotonic()
            run(env, "makescale", "--roles", str(args.roles), "--comments", "0",
                "--reports", str(args.reports), "-v0")  # fmt: skip
            print(f"{vendor}: makescale took {time.monotonic() - started:.0f} s")
        run(env, "shell", "--no-imports", "-c", RESET)
        print(f"{vendor}: {args.reports:,} reports over {args.roles:,} roles".replace(",", "."))
        first = timed(env, "every cohort published (cold)")
        timed(env, "nothing new (a quiet night)")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    verdict = "within" if first < LIMIT_SECONDS else "OVER"
    print(f"{verdict} the {LIMIT_SECONDS} s limit")


#: Start from nothing published and nothing held, so the first run does all the work.
RESET = """
from careers.salaries.reports.models import Report, ReportCohort, ReportSummary
ReportCohort.objects.all().delete()
ReportSummary.objects.all().delete()
Report.objects.filter(status="held").update(status="accepted", reason="")
"""

if __name__ == "__main__":
    main()
