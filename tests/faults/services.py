"""The real services the fault tests start, and stop by PID: Redis, a throwaway PostgreSQL 15
cluster (as scripts/with-postgres.sh makes), a mail server that never answers, one that keeps
what it is sent (smtp_sink.py); and ports from FAULTS_PORT_BASE (21000) upwards."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

PORT_BASE = int(os.environ.get("FAULTS_PORT_BASE", "21000"))
PGBIN = Path("/usr/lib/postgresql/15/bin")


def free_port(offset):
    """A free port at PORT_BASE + offset (or the next free ones)."""
    for port in range(PORT_BASE + offset, PORT_BASE + offset + 50):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port near {PORT_BASE + offset}")


def require(path, package):
    if not shutil.which(str(path)) and not Path(path).exists():
        pytest.fail(
            f"{path} bulunamadı: fault testleri gerçek servisleri başlatır. Kurun: "
            f"sudo apt-get install {package} (ya da scripts/ci-faults.sh, root iken kurar).",
            pytrace=False,
        )


def stop(process, sig=signal.SIGTERM, timeout=20):
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


class Redis:
    def __init__(self, port, workdir):
        require("redis-server", "redis-server")
        self.port, self.workdir, self.process = port, workdir, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        stop(self.process)
        self.process = None


class Postgres:
    """A throwaway PostgreSQL 15 cluster (as scripts/with-postgres.sh makes), stopped and
    started by the test."""

    def __init__(self, port):
        require(PGBIN / "initdb", "postgresql-15")
        self.port = port
        self.data = Path(tempfile.mkdtemp(prefix="meslek-faults-pg-"))
        self.runas = []
        if os.getuid() == 0:
            shutil.chown(self.data, "postgres")
            self.runas = ["runuser", "-u", "postgres", "--"]
        self._run(PGBIN / "initdb", "-D", self.data, "-U", "meslek", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")  # fmt: skip

    @property
    def url(self):
        return f"postgres://meslek@127.0.0.1:{self.port}/meslek"

    def _run(self, *args):
        subprocess.run([*self.runas, *map(str, args)], check=True, capture_output=True)

    def start(self):
        self._run(PGBIN / "pg_ctl", "-D", self.data, "-o",
                  f"-h 127.0.0.1 -p {self.port} -k {self.data}", "-l", self.data / "log",
                  "-w", "start")  # fmt: skip
        return self

    def create_database(self):
        self._run(PGBIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "meslek", "meslek")

    def stop(self):
        subprocess.run([*self.runas, str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                        "-w", "stop"], capture_output=True)  # fmt: skip

    def destroy(self):
        self.stop()
        shutil.rmtree(self.data, ignore_errors=True)


class SilentSMTP:
    """A mail server that accepts connections and never says a word (not even the greeting)."""

    def __init__(self, port):
        self.port = port
        self.connections = []
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(16)
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)  # held open, never answered

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


class SMTPSink:
    """A real SMTP server in a process of its own (smtp_sink.py) keeping every message."""

    def __init__(self, port, folder):
        self.port, self.folder = port, Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = None

    def hold(self, held=True):
        """Accept connections but greet nobody (True), or answer again (False)."""
        if held:
            (self.folder / "hold").touch()
        else:
            (self.folder / "hold").unlink(missing_ok=True)

    def messages(self):
        return [path.read_text(errors="replace") for path in sorted(self.folder.glob("*.eml"))]

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("smtp_sink.py")), str(self.port),
             str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise RuntimeError("the SMTP sink did not start")

    def stop(self):
        stop(self.process)
        self.process = None
