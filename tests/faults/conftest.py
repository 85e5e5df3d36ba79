"""Fault tests: the real site (gunicorn and its job worker, production settings) against real
services that are then made to fail: PostgreSQL stopped and restarted, a SQLite write lock held
by another connection, Redis stopped, a mail server that accepts and never answers, the job
worker killed mid-job.

Everything a test starts is stopped by PID in a ``finally`` (fixture teardown), also when the
test fails. Ports come from FAULTS_PORT_BASE (21000 by default) upwards. Every test in this
folder is marked ``faults`` and runs only when asked for (``pytest -m faults``):
``scripts/ci-faults.sh`` (``make test-faults``) installs what they need and runs them.
"""

import contextlib
import http.client
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .services import Postgres, Redis, SilentSMTP, SMTPSink, free_port, stop

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
SEED = "/meslekler/musteri-hizmetleri-ekip-lideri/"
MODERATOR_EMAIL = "moderator@example.org"


def pytest_collection_modifyitems(config, items):
    """Mark this folder's tests ``faults``; leave them out unless asked for (``-m faults``,
    as scripts/ci-faults.sh runs them), like the stack tests."""
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.faults)
    if "faults" in (config.option.markexpr or ""):
        return
    chosen = [item for item in items if not item.get_closest_marker("faults")]
    if len(chosen) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i.get_closest_marker("faults")])
        items[:] = chosen


# --- HTTP ------------------------------------------------------------------------------------
@dataclass
class Answer:
    status: int
    headers: dict
    body: str
    seconds: float

    @property
    def text(self):
        """The page as a reader sees it: tags removed, whitespace collapsed."""
        html = re.sub(r"<(script|style)\b.*?</\1>", " ", self.body, flags=re.S)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def request(port, method, path, data=None, headers=None, timeout=30, raw_body=None):
    """One HTTP request, no redirects followed; its answer and how long it took."""
    headers = dict(headers or {})
    body = raw_body
    if data is not None:
        body = urllib.parse.urlencode(data).encode()
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        # the server may answer (and close) before reading a body it refuses
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        answer_headers = {k.lower(): v for k, v in response.getheaders()}
        return Answer(response.status, answer_headers, content, time.monotonic() - started)
    finally:
        connection.close()


# --- the site under gunicorn -------------------------------------------------------------------
@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic once for every server of the session (production serves the manifest)."""
    root = tmp_path_factory.mktemp("static")
    # (settings need a REDIS_URL in production; collectstatic never connects to it)
    env = {
        **base_env(root.parent),
        "DJANGO_STATIC_ROOT": str(root),
        "REDIS_URL": "redis://127.0.0.1:1/0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return root


def base_env(var):
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "faults-" + secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_VAR_DIR": str(var),
        "DJANGO_LOG_LEVEL": "INFO",
        "DJANGO_LOG_FORMAT": "json",
        # one proxy in front: each test visitor gets its own address through X-Forwarded-For
        "TRUSTED_PROXIES": "1",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "SENTRY_DSN"):
        env.pop(name, None)
    return env


@dataclass
class Site:
    """A gunicorn serving the demo content with production settings."""

    port: int
    env: dict
    var: Path
    log: Path
    process: subprocess.Popen = None
    worker: subprocess.Popen = None
    extra: dict = field(default_factory=dict)

    def get(self, path, **kwargs):
        return request(self.port, "GET", path, **kwargs)

    def post(self, path, data, ip="192.0.2.10", **kwargs):
        headers = {"X-Forwarded-For": ip, **kwargs.pop("headers", {})}
        return request(self.port, "POST", path, data=data, headers=headers, **kwargs)

    def run_manage(self, *args, check=False):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=check,
            capture_output=True,
            text=True,
        )

    def manage(self, *args):
        result = self.run_manage(*args)
        if result.returncode:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result

    def stored_comments(self, field):
        """``field`` of every comment in the site's database, in order of posting."""
        out = self.manage(
            "shell", "-c",
            "from careers.comments.models import Comment;"
            f"print(list(Comment.objects.order_by('id').values_list('{field}', flat=True)))",
        )  # fmt: skip
        return out.stdout.strip().splitlines()[-1]

    def logs(self):
        """What gunicorn and the job worker logged."""
        worker = self.var / "worker.log"
        return self.log.read_text(errors="replace") + (
            worker.read_text(errors="replace") if worker.exists() else ""
        )

    def start_worker(self):
        """The job worker (``manage.py jobs``, slot 1), as systemd runs it."""
        with (self.var / "worker.log").open("ab") as log:
            self.worker = subprocess.Popen(
                [sys.executable, "manage.py", "jobs", "--slot", "1"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        return self.worker

    def start(self, workers=2, threads=1):
        self.log_file = self.log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "careers.wsgi", "-b", f"127.0.0.1:{self.port}",
             "-w", str(workers), "--threads", str(threads), "--timeout", "30",
             "--graceful-timeout", "2", "--log-level", "warning"],
            cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.logs()}")
            try:
                if self.get("/durum/", timeout=2).status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer:\n{self.logs()}")

    def stop(self):
        stop(self.worker)
        stop(self.process)
        if getattr(self, "log_file", None):
            self.log_file.close()

    def comment_form(self, path=SEED):
        """The article's form token, aged past the minimum fill time."""
        page = self.get(path)
        assert page.status == 200, page.status
        token = re.search(r'name="zaman" value="([^"]+)"', page.body).group(1)
        return token

    def comment(self, token, slug="musteri-hizmetleri-ekip-lideri", **fields):
        data = {
            "name": "Ayşe Yılmaz",
            "email": "ayse@example.com",
            "url": "",
            "comment": "Çok faydalı bir yazı, teşekkürler.",
            "parent": "",
            "zaman": token,
            "kontrol": "",
        }
        data.update(fields)
        ip = data.pop("ip", "192.0.2.10")
        return self.post(f"/yorumlar/{slug}/gonder/", data, ip=ip)


@pytest.fixture
def make_site(static_root, tmp_path):
    """Build (migrate, demo content, a moderator) and start sites; all stopped at the end.
    Production needs Redis: each site gets one of its own unless REDIS_URL is given."""
    sites, services = [], []

    def build(*, workers=2, threads=1, start=True, **env):
        var = Path(tempfile.mkdtemp(prefix="meslek-faults-", dir=tmp_path))
        if "REDIS_URL" not in env:
            redis = Redis(free_port(250 + len(services)), var)
            services.append(redis)
            env["REDIS_URL"] = redis.start().url
        site = Site(
            port=free_port(100 + len(sites)),
            env={**base_env(var), "DJANGO_STATIC_ROOT": str(static_root), **env},
            var=var,
            log=var / "server.log",
        )
        sites.append(site)
        site.manage("migrate", "-v0")
        site.manage("loaddemo", "-v0")
        site.manage(
            "shell",
            "-c",
            "from django.contrib.auth.models import User;"
            f"User.objects.create_superuser('moderator', '{MODERATOR_EMAIL}', None)",
        )
        if start:
            site.start(workers=workers, threads=threads)
            site.start_worker()
        return site

    try:
        yield build
    finally:
        for site in sites:
            site.stop()
        for service in services:
            service.stop()


def wait_for_form_age():
    """The comment form refuses posts sooner than COMMENTS_MIN_FILL_SECONDS (3 s)."""
    time.sleep(3.2)


# --- services ----------------------------------------------------------------------------------
@pytest.fixture
def redis_server(tmp_path):
    server = Redis(free_port(200), tmp_path)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def postgres():
    server = Postgres(free_port(300))
    try:
        server.start()
        server.create_database()
        yield server
    finally:
        server.destroy()


@pytest.fixture
def smtp_sink(tmp_path):
    server = SMTPSink(free_port(450), tmp_path / "mail")
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def silent_smtp():
    server = SilentSMTP(free_port(400))
    try:
        yield server
    finally:
        server.close()
