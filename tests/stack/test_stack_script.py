"""`make stack` on a fresh clone (issue 21, item 1): it installs psycopg before it starts the
site, and scripts/stack.sh after a failed start stops whatever it started, so nothing is left
running (on a fresh clone a missing psycopg once made the site's set-up fail and left
PostgreSQL and Redis behind)."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .conftest import BASE, ROOT

pytestmark = pytest.mark.stack

# Ports of its own, beside the session's stack (tests/stack/conftest.py) and never on another
# checkout's: each port here ends in other digits than any stack port of a base 100 away.
PORTS = {
    "STACK_FRONT_PORT": str(BASE + 85),
    "STACK_ADMIN_PORT": str(BASE + 86),
    "STACK_APP_PORTS": f"{BASE + 715} {BASE + 716}",
    "STACK_REDIS_PORT": str(BASE + 385),
    "STACK_PG_PORT": str(BASE + 435),
    "STACK_FILES_PORT": str(BASE + 87),
}


def listening(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
        return True
    return False


def test_make_stack_on_a_fresh_clone_installs_psycopg_before_it_starts_the_site(tmp_path):
    """What `make stack` runs on a clone with no virtualenv yet (``make -n``: printed, not
    run): the postgres lock, which holds psycopg, is installed before scripts/stack.sh starts
    the site (it once installed the base dependencies alone: ImproperlyConfigured)."""
    result = subprocess.run(
        ["make", "-n", "stack", f"VENV={tmp_path / 'fresh-venv'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    postgres = [i for i, line in enumerate(lines) if "-r requirements/postgres.txt" in line]
    start = [i for i, line in enumerate(lines) if line.endswith("scripts/stack.sh start")]
    assert postgres and start and postgres[0] < start[0], result.stdout
    locked = (ROOT / "requirements" / "postgres.txt").read_text()
    assert "\npsycopg==" in locked


def test_a_failed_start_stops_what_it_started_and_leaves_nothing_running():
    directory = Path(tempfile.mkdtemp(prefix="meslek-stack-fail-", dir="/tmp"))
    directory.chmod(0o755)  # PostgreSQL runs as its own user below it
    # A Python that runs anything but manage.py: the site's set-up (migrate) fails once
    # PostgreSQL and Redis are up, as it did on a fresh clone without psycopg.
    python = directory / "python"
    python.write_text(
        '#!/bin/sh\n[ "$1" = manage.py ] && { echo "manage.py: failing on purpose" >&2; exit 3; }\n'
        f'exec "{sys.executable}" "$@"\n'
    )
    python.chmod(0o755)
    env = {
        **os.environ,
        **PORTS,
        "STACK_DIR": str(directory / "stack"),
        "PY": str(python),
        "STACK_ENV_FILE": str(directory / "stack.env"),
    }
    run = directory / "stack" / "run"
    try:
        result = subprocess.run(
            ["bash", "scripts/stack.sh", "start"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        logs = "".join(
            f"\n--- {path.name}\n{path.read_text(errors='replace')[-2000:]}"
            for path in sorted(directory.glob("stack/**/*log"))
            if path.is_file()
        )
        assert result.returncode != 0, result.stdout
        assert "manage.py: failing on purpose" in result.stderr, result.stderr + logs
        assert "stopping what it started: postgres redis" in result.stderr, result.stderr
        assert not listening(int(PORTS["STACK_PG_PORT"]))
        assert not listening(int(PORTS["STACK_REDIS_PORT"]))
        assert not (directory / "stack" / "pg" / "postmaster.pid").exists()
        assert not list(run.glob("*.pid"))
    finally:
        subprocess.run(["bash", "scripts/stack.sh", "stop"], cwd=ROOT, env=env, capture_output=True)
        for pid_file in [*run.glob("*.pid"), directory / "stack" / "pg" / "postmaster.pid"]:
            with contextlib.suppress(OSError, ValueError, IndexError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
        shutil.rmtree(directory, ignore_errors=True)
