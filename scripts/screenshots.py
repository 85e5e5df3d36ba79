"""Screenshots for the README: the seed article (docs/screenshots/article-{375,1280}.png), its
salary block on a phone (salary-block-375.png), the comparison of the seed role with Kredi
Asistanı on a phone with JavaScript off (compare-375.png), and the readers' salary reports
block on a phone with JavaScript off (reader-reports-375.png: the throwaway database gets 80
sample reports for the seed, drawn as ``makescale`` draws them, and the batch is run).

Runs the site on a throwaway SQLite database with the demo content (`manage.py runserver` on a
free loopback port) and photographs the whole page in Debian's headless Chromium.

    make screenshots            # or: .venv/bin/python scripts/screenshots.py
    .venv/bin/python scripts/screenshots.py reader-reports-375.png   # only the files named
"""

import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.chromium import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SEED = "/meslekler/musteri-hizmetleri-ekip-lideri/"
WIDTHS = (375, 1280)
COMPARE = "/karsilastir/kredi-asistani/musteri-hizmetleri-ekip-lideri/"
#: (file, path, width, element to photograph or None for the whole page, JavaScript on)
EXTRA_SHOTS = (
    ("salary-block-375.png", SEED, 375, "#maas", True),
    ("compare-375.png", COMPARE, 375, None, False),
    ("reader-reports-375.png", SEED, 375, "section.reader-reports", False),
)
#: Sample readers' reports for the seed (only in the throwaway database), then the batch.
SAMPLE_REPORTS = """
import random
from careers.articles.models import Role
from careers.salaries.reports import batch
from careers.scale.generate import Made
from careers.scale.reports import make_reports
seed = Role.objects.get(slug="musteri-hizmetleri-ekip-lideri")
make_reports(random.Random(18), 80, [seed.pk], Made())
batch.run("screenshots")
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, **kwargs):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def wait_until_up(url, server, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The server stopped (exit code {server.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"The server did not answer at {url} within {seconds} s.")


def shrink(png, target):
    """Save as a 256-colour PNG: text stays sharp, the file is a third of the size."""
    image = Image.open(io.BytesIO(png))
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(target, optimize=True)


def photograph(base_url, only=()):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            if only and f"article-{width}.png" not in only:
                continue
            context = browser.new_context(
                viewport={"width": width, "height": 800},
                locale="tr-TR",
                timezone_id="Europe/Istanbul",
                reduced_motion="reduce",
            )
            page = context.new_page()
            page.goto(base_url + SEED)
            target = OUT / f"article-{width}.png"
            shrink(page.screenshot(full_page=True), target)
            context.close()
            print(f"{target.relative_to(ROOT)}")
        for name, path, width, selector, javascript in EXTRA_SHOTS:
            if only and name not in only:
                continue
            context = browser.new_context(
                viewport={"width": width, "height": 800},
                locale="tr-TR",
                timezone_id="Europe/Istanbul",
                reduced_motion="reduce",
                java_script_enabled=javascript,
            )
            page = context.new_page()
            page.goto(base_url + path)
            shot = page.locator(selector) if selector else page
            options = {} if selector else {"full_page": True}
            shrink(shot.screenshot(**options), OUT / name)
            context.close()
            print(f"{(OUT / name).relative_to(ROOT)}")
        browser.close()


def main():
    if not os.access(CHROMIUM_PATH, os.X_OK):
        sys.exit(
            f"Chromium bulunamadı ({CHROMIUM_PATH}). Kurmak için: sudo apt-get install chromium"
        )
    with tempfile.TemporaryDirectory(prefix="meslek-screenshots-") as var_dir:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL"}
        }
        env.update({"DJANGO_VAR_DIR": var_dir, "DJANGO_ENV": "development"})
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "loaddemo", "-v0")
        manage(env, "shell", "--no-imports", "-c", SAMPLE_REPORTS)
        port = int(os.environ.get("SCREENSHOTS_PORT") or 0) or free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "runserver",
                "--noreload",
                f"127.0.0.1:{port}",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(base_url + SEED, server)
            photograph(base_url, only=set(sys.argv[1:]))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
