"""End-to-end tests against a real stack: PostgreSQL, Redis, two gunicorn app servers, nginx
and Varnish, started by scripts/stack.sh in a directory and on ports of their own (so a
`make stack` for development keeps running), stopped at the end of the session whatever
happened. Run with ``make test-stack`` (``pytest -m stack tests/stack``); any other run
deselects them.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from .http import Browser

ROOT = Path(__file__).resolve().parents[2]
# STACK_TEST_PORT_BASE (20100 by default) moves every port, so two checkouts can run their
# stack tests at once.
BASE = int(os.environ.get("STACK_TEST_PORT_BASE", "20100"))
PORTS = {
    "STACK_FRONT_PORT": str(BASE + 80),
    "STACK_ADMIN_PORT": str(BASE + 82),
    "STACK_APP_PORTS": f"{BASE + 711} {BASE + 712}",
    "STACK_REDIS_PORT": str(BASE + 379),
    "STACK_PG_PORT": str(BASE + 432),
    "STACK_FILES_PORT": str(BASE + 90),
}


def pytest_collection_modifyitems(config, items):
    if "stack" in (config.option.markexpr or ""):
        return
    chosen = [item for item in items if not item.get_closest_marker("stack")]
    if len(chosen) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i.get_closest_marker("stack")])
        items[:] = chosen


class Stack:
    """A stack in ``directory`` on ``ports`` (``STACK_*_PORT`` values; the fault tests bring
    their own); ``env``: settings its servers run with beside production's (stack.env)."""

    def __init__(self, directory, ports=None, env=None):
        ports = ports or PORTS
        self.dir = directory
        self.ports = ports
        self.env_file = directory / "stack.env"
        self.script_env = {
            **os.environ,
            **ports,
            **(env or {}),
            "STACK_DIR": str(directory),
            "STACK_ENV_FILE": str(self.env_file),
            "PY": sys.executable,
        }
        self.front = f"http://127.0.0.1:{ports['STACK_FRONT_PORT']}"
        self.apps = [f"http://127.0.0.1:{port}" for port in ports["STACK_APP_PORTS"].split()]

    def script(self, *args, check=True):
        return subprocess.run(
            ["bash", "scripts/stack.sh", *args], cwd=ROOT, env=self.script_env,
            capture_output=True, text=True, timeout=300, check=check,
        )  # fmt: skip

    def app_env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
        for line in self.env_file.read_text().splitlines():
            name, _, value = line.partition("=")
            env[name] = value
        return env

    def manage(self, *args):
        """A management command against the stack (as an operator runs one)."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.app_env(),
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    def shell(self, code):
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def pid(self, name):
        return int((self.dir / "run" / f"{name}.pid").read_text())

    def pids(self):
        """Every server process the stack started (PostgreSQL's postmaster too)."""
        files = [*(self.dir / "run").glob("*.pid"), self.dir / "pg" / "postmaster.pid"]
        found = []
        for path in files:
            with contextlib.suppress(OSError, ValueError, IndexError):
                found.append(int(path.read_text().split()[0]))
        return found

    def log(self, name):
        return (self.dir / "logs" / f"{name}.log").read_text()

    def sql(self, query):
        """One query against the stack's PostgreSQL (psql: quick enough to poll)."""
        return subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", self.ports["STACK_PG_PORT"], "-U", "meslek",
             "-d", "meslek", "-tAc", query],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip

    def wait_for_jobs(self, seconds=30):
        """Until the job worker has run every job queued so far, deferred ones included
        (the demo load's purges and their settle purges, 1 s later)."""
        deadline = time.monotonic() + seconds
        pending = (
            "SELECT count(*) FROM django_tasks_database_dbtaskresult"
            " WHERE status IN ('READY', 'RUNNING')"
        )
        while self.sql(pending) != "0":
            assert time.monotonic() < deadline, "the job worker left jobs in the queue"
            time.sleep(0.1)

    def log_tails(self, lines=15):
        """The end of every server's log (for a failed start: the directory goes afterwards)."""
        tails = []
        for path in sorted((self.dir / "logs").glob("*.log")):
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            tails.append(f"\n--- {path.name}\n" + "\n".join(tail))
        return "".join(tails)


@contextlib.contextmanager
def running_stack(ports=None, prefix="meslek-stack-test-", env=None):
    """A stack started in a directory of its own, stopped and removed afterwards whatever
    happened (every process it started is killed if the script could not stop it)."""
    directory = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    directory.chmod(0o755)  # PostgreSQL runs as its own user below it
    running = Stack(directory, ports, env)
    started_pids = []
    try:
        started = running.script("start", check=False)
        running.start_output = started.stdout + started.stderr  # what `make stack` printed
        started_pids = running.pids()
        assert started.returncode == 0, started.stdout + started.stderr + running.log_tails()
        assert f"front: {running.front}/" in started.stdout
        for app in running.apps:
            assert f"app: {app}/" in started.stdout
        running.wait_for_jobs()  # no purge of the demo load lands in the middle of a test
        running.start_logs = running.log_tails(lines=100_000)  # as they were before any test
        running.start_jobs = running.sql(
            "SELECT task_path, status, count(*) FROM django_tasks_database_dbtaskresult"
            " GROUP BY task_path, status"
        )
        yield running
    finally:
        running.script("stop", check=False)
        for pid in {*started_pids, *running.pids()}:  # whatever the script could not stop
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def stack():
    with running_stack() as running:
        yield running


def staff_account(stack, username, group, first_name="", last_name=""):
    """A staff account in ``group`` (with its author profile when it has a name); returns its
    password (random, living only in this session)."""
    password = os.urandom(12).hex()
    stack.shell(
        "from django.contrib.auth.models import Group, User;"
        "from careers.articles.models import Author;"
        f"u = User.objects.create_user('{username}', password='{password}', is_staff=True,"
        f" first_name='{first_name}', last_name='{last_name}');"
        f"u.groups.add(Group.objects.get(name='{group}'));"
        f"'{first_name}' and Author.objects.create(user=u, name=u.get_full_name(),"
        f" slug='{username}')"
    )
    return password


@pytest.fixture(scope="session")
def editor(stack):
    """An editor ("Editörler" group: articles, salaries, moderation) logged in on app A."""
    password = staff_account(stack, "e2e-editor", "Editörler")
    browser = Browser(stack.apps[0])
    browser.login("e2e-editor", password)
    return browser


@pytest.fixture(scope="session")
def reviewer(stack):
    """A member of "Yayın kurulu" (approves others' changes: the stack runs production
    settings, where the editorial review is on) logged in on app B."""
    password = staff_account(stack, "e2e-kurul", "Yayın kurulu", "Deniz", "Aksoy")
    browser = Browser(stack.apps[1])
    browser.login("e2e-kurul", password)
    return browser
