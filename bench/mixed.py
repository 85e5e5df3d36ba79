"""The site as it is used, on a stack of its own: readers, commenters and editors at once.

    make bench-mixed                        # or: .venv/bin/python bench/mixed.py --minutes 5

Starts scripts/stack.sh (PostgreSQL, Redis, two gunicorn app servers, nginx, Varnish, a job
worker; ports from BENCH_PORT_BASE as bench/run.py; production settings, so review before
publish is on) with the demo content, an editor and a reviewer ("Yayın kurulu") account,
fills the front cache once (every page of the plan), then runs Locust headless
(bench/locustfile.py: 95 % readers, 4 % commenters, 1 % editors, each visitor from an address
of its own) for ``--minutes``, and again with the editors left out. Prints, side by side, per
class: requests, failures, p50/p95/p99; the commenters' 429s from flood control (designed,
not failures); the front cache's hit ratio (varnishstat, every cacheable request) and for the
articles alone (the X-Cache the readers got: HIT, or STALE from grace while a background
fetch renders, against MISS). The issue's targets are printed with the table.
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import PORTS, ROOT  # noqa: E402

CLASSES = ("reader", "commenter", "editor")
PLAN_CODE = """
import json, re
from careers import turkish
from careers.articles.models import Role, Sector, Skill
from careers.articles.listing import letters
from careers.salaries.models import SalaryBand
from django.contrib.auth.models import Group, User
roles = list(Role.objects.published().values_list("slug", flat=True))
words = sorted({w for t in Role.objects.published().values_list("title", flat=True)
                for w in re.findall(r"\\w+", turkish.lower(t)) if len(w) > 3})
user = User.objects.create_user("bench-editor", password=PASSWORD, is_staff=True)
user.groups.add(Group.objects.get(name="Editörler"))
board = User.objects.create_user("bench-kurul", password=PASSWORD, is_staff=True,
                                 first_name="Deniz", last_name="Kurul")
board.groups.add(Group.objects.get(name="Yayın kurulu"))
print(json.dumps({
    "roles": roles, "words": words,
    "letters": [letter for letter, _n in letters()],
    "sectors": list(Sector.objects.filter(roles__slug__in=roles).distinct()
                    .values_list("slug", flat=True)),
    "skills": list(Skill.objects.filter(role_skills__role__slug__in=roles).distinct()
                   .values_list("slug", flat=True)),
    "bands": list(SalaryBand.objects.filter(role__slug__in=roles).values_list("pk", flat=True)),
    "editor": "bench-editor", "reviewer": "bench-kurul", "password": PASSWORD,
}))
"""


def stack_env(directory):
    """The stack trusts two proxies: Varnish, and in front of it the load generator standing
    for the visitors' side (a TLS terminator or load balancer in production), whose
    X-Forwarded-For names each visitor: flood control and the search budget then see every
    visitor's own address, as in production, not all of them as 127.0.0.1."""
    return {**os.environ, **PORTS, "STACK_DIR": str(directory), "PY": sys.executable,
            "STACK_ENV_FILE": str(directory / "stack.env"),
            "STACK_TRUSTED_PROXIES": "2"}  # fmt: skip


def app_env(directory):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    for line in (directory / "stack.env").read_text().splitlines():
        name, _, value = line.partition("=")
        env[name] = value
    return env


def make_plan(directory):
    password = secrets.token_urlsafe(16)
    code = f"PASSWORD = {password!r}\n{PLAN_CODE}"
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT, env=app_env(directory), capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    plan = json.loads(out.strip().splitlines()[-1])
    path = directory / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path, plan


def warm(front, plan):
    """Every page a reader asks for, once through the front (both runs start with it full)."""
    paths = [f"/meslekler/{slug}/" for slug in plan["roles"]]
    paths += ["/", "/meslekler/", "/maaslar/", "/beceriler/"]
    paths += [f"/meslekler/?harf={letter}" for letter in plan["letters"]]
    paths += [f"/sektorler/{slug}/" for slug in plan["sectors"]]
    paths += [f"/beceriler/{slug}/" for slug in plan["skills"]]
    paths += [f"/ara/?q={word}" for word in plan["words"]]
    for n, path in enumerate(paths):
        url = front + urllib.parse.quote(path, safe="/?=&")
        request = urllib.request.Request(url, headers={
            "Accept-Encoding": "gzip", "X-Forwarded-For": f"192.0.2.{n % 250 + 1}"})  # fmt: skip
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()


def varnish_counters(directory):
    out = subprocess.run(
        ["varnishstat", "-n", str(directory / "varnish"), "-1", "-j"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    data = json.loads(out)
    counters = data.get("counters", data)
    names = ("cache_hit", "cache_hit_grace", "cache_miss", "cache_hitmiss")
    return {name: counters[f"MAIN.{name}"]["value"] for name in names}


def run_locust(front, plan_path, directory, classes, users, minutes, label):
    out = directory / f"{label}.json"
    env = {**os.environ, "MIXED_PLAN": str(plan_path), "MIXED_OUT": str(out)}
    before = varnish_counters(directory)
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", "bench/locustfile.py", "--headless",
         "--host", front, "-u", str(users), "-r", str(max(1, users // 10)),
         "-t", f"{int(minutes * 60)}s", "--only-summary", "--loglevel", "WARNING",
         "--exit-code-on-error", "0", *classes],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    after = varnish_counters(directory)
    results = json.loads(out.read_text(encoding="utf-8"))
    results["varnish"] = {name: after[name] - before[name] for name in after}
    return results


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(results):
    rows = {}
    for kind in CLASSES:
        times = results["times"].get(kind, [])
        rows[kind] = (len(times), results["failures"].get(kind, 0),
                      *(percentile(times, p) for p in (50, 95, 99)))  # fmt: skip
    v = results["varnish"]
    looked_up = v["cache_hit"] + v["cache_miss"]
    front = results["front"]
    served = front.get("HIT", 0) + front.get("STALE", 0)
    articles = sum(front.values())
    return rows, {
        "front": v["cache_hit"] / looked_up if looked_up else 0,
        "grace": v["cache_hit_grace"],
        "articles": served / articles if articles else 0,
        "stale": front.get("STALE", 0),
        "flood": results["flood"],
    }


def print_table(runs, minutes, users):
    print(f"bench-mixed: {users} visitors for {minutes:g} min per run through the front "
          f"(Varnish; 2 gunicorn x 2 workers, PostgreSQL, Redis, a job worker), demo content, "
          f"{os.cpu_count()} cores shared with the load generator")  # fmt: skip
    labels = list(runs)
    print(f"{'class':10}" + "".join(f" | {label:^44}" for label in labels))
    print(f"{'':10}" + " | requests failures  p50 ms  p95 ms  p99 ms   " * len(labels))
    summaries = {label: summary(runs[label]) for label in labels}
    for kind in CLASSES:
        line = f"{kind:10}"
        for label in labels:
            n, failed, p50, p95, p99 = summaries[label][0][kind]
            line += f" | {n:8} {failed:8} {p50:7.0f} {p95:7.0f} {p99:7.0f}   "
        print(line)
    for name, text in (("front", "front hit ratio (varnishstat)"),
                       ("articles", "articles served from the front (HIT+STALE)")):  # fmt: skip
        print(f"{text:44}" + "".join(f" {summaries[l][1][name]:8.1%}" for l in labels))  # noqa: E741
    for name, text in (("stale", "of which STALE (grace, while re-rendered)"),
                       ("grace", "grace hits (varnishstat)"),
                       ("flood", "commenters' 429 from flood control")):  # fmt: skip
        print(f"{text:44}" + "".join(f" {summaries[l][1][name]:8}" for l in labels))  # noqa: E741
    on, off = (summaries[label] for label in labels)
    failures = sum(row[1] for s in (on, off) for row in s[0].values())
    ratio = on[0]["reader"][4] / off[0]["reader"][4] if off[0]["reader"][4] else 0
    for label in labels:
        for error, count in runs[label].get("errors", {}).items():
            print(f"  {label}: {count} x {error}")
    print(
        f"targets: no failure ({failures}); readers' p99 editors on / off <= 1.5 "
        f"({ratio:.2f}); article hit ratio > 95 % ({on[1]['articles']:.1%})"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--users", type=int, default=100)
    args = parser.parse_args()
    if not shutil.which("varnishstat"):
        raise SystemExit("varnish is needed: scripts/system-packages.sh stack")
    directory = Path(tempfile.mkdtemp(prefix="meslek-mixed-", dir="/tmp"))
    directory.chmod(0o755)
    env = stack_env(directory)
    stack = ["bash", "scripts/stack.sh"]
    try:
        subprocess.run([*stack, "start"], cwd=ROOT, env=env, check=True, capture_output=True)
        front = f"http://127.0.0.1:{PORTS['STACK_FRONT_PORT']}"
        plan_path, plan = make_plan(directory)
        runs = {}
        # Without editors first: the run with them then leaves no purges behind in the other.
        for label, classes in (("editors off", ["Reader", "Commenter"]),
                               ("editors on", ["Reader", "Commenter", "Editor"])):  # fmt: skip
            warm(front, plan)
            time.sleep(3)  # the warm-up's renders stored; nothing is purged meanwhile
            runs[label] = run_locust(
                front, plan_path, directory, classes, args.users, args.minutes, label.split()[1]
            )
        print_table({label: runs[label] for label in ("editors on", "editors off")},
                    args.minutes, args.users)  # fmt: skip
    finally:
        subprocess.run([*stack, "stop"], cwd=ROOT, env=env, capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
