"""Screenshots for the README: the seed article (docs/screenshots/article-{375,1280}.png), its
salary block on a phone (salary-block-375.png), the comparison of the seed role with Kredi
Asistanı on a phone with JavaScript off (compare-375.png), the net/gross calculator with an
amount in it on a phone with JavaScript off (net-brut-375.png), the readers' salary reports
block on a phone with JavaScript off (reader-reports-375.png: the throwaway database gets 80
sample reports for the seed, drawn as ``makescale`` draws them, and the batch is run); then, with
a newsroom set up on the demo (an author, a reviewer, a correction, changes waiting, reads), the
seed article's byline (byline-375.png) and a reviewer's "awaiting my review" dashboard
(review-dashboard-375.png).

Runs the site on a throwaway SQLite database with the demo content (`manage.py runserver` on a
free loopback port) and photographs the whole page in Debian's headless Chromium.

    make screenshots            # or: .venv/bin/python scripts/screenshots.py
    .venv/bin/python scripts/screenshots.py reader-reports-375.png   # only the files named
"""

import io
import os
import secrets
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
CALCULATOR = "/maaslar/net-brut/?tutar=45.000&tur=net&yil=2026"
#: (file, path, width, element to photograph or None for the whole page, JavaScript on)
EXTRA_SHOTS = (
    ("salary-block-375.png", SEED, 375, "#maas", True),
    ("compare-375.png", COMPARE, 375, None, False),
    ("net-brut-375.png", CALCULATOR, 375, None, False),
    ("reader-reports-375.png", SEED, 375, "section.reader-reports", False),
)
NEWSROOM_SHOTS = ("byline-375.png", "review-dashboard-375.png")
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


#: The newsroom on the demo: example people (the names say so), a reviewed seed article with a
#: correction, changes waiting for review, and reads of the last 30 days.
NEWSROOM = """
import datetime as dt, os
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from careers.articles.models import Author, Correction, Revision, Role
from careers.salaries.models import SalaryBand
ayse = User.objects.create_user("ayse", password=os.environ["SHOT_PASSWORD"], is_staff=True,
    first_name="Ayşe", last_name="Yılmaz (örnek)")
ayse.groups.add(Group.objects.get(name="Editörler"))
mehmet = User.objects.create_user("mehmet", password=os.environ["SHOT_PASSWORD"], is_staff=True,
    first_name="Mehmet", last_name="Demir (örnek)")
mehmet.groups.add(Group.objects.get(name="Yayın kurulu"))
writer = Author.objects.create(user=ayse, name="Ayşe Yılmaz (örnek)", slug="ayse-yilmaz",
    expertise="Müşteri hizmetleri ve ücretler")
checker = Author.objects.create(user=mehmet, name="Mehmet Demir (örnek)", slug="mehmet-demir")
seed = Role.objects.get(slug="musteri-hizmetleri-ekip-lideri")
now = timezone.now()
Role.objects.filter(pk=seed.pk).update(author=writer, reviewed_by=checker, last_reviewed_at=now)
Correction.objects.create(role=seed, created_at=now,
    text="2023 ortalaması kaynaktaki aylık rakamla düzeltildi.")
for n, role in enumerate(Role.objects.exclude(pk=seed.pk).order_by("pk")):
    Role.objects.filter(pk=role.pk).update(recent_reads=1200 - 90 * n)
band = SalaryBand.objects.filter(role__slug="kredi-asistani").order_by("-year").first()
Revision.objects.create(role=band.role, content_type=ContentType.objects.get_for_model(band),
    object_id=band.pk, object_label=str(band), summary="Ortalama", created_by=ayse,
    changes={"object": {"average": [str(band.average), str(band.average + 500)]}})
Revision.objects.create(role=seed, content_type=ContentType.objects.get_for_model(seed),
    object_id=seed.pk, object_label=seed.title, summary="Giriş; Sorumluluklar (1 değişti)",
    changes={"object": {"intro": [seed.intro, seed.intro + " Güncellendi."]}}, created_by=ayse)
"""


def photograph_newsroom(base_url, password):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 375, "height": 800},
            locale="tr-TR",
            timezone_id="Europe/Istanbul",
            reduced_motion="reduce",
        )
        page = context.new_page()
        page.goto(base_url + SEED)
        shrink(page.locator(".article-header").screenshot(), OUT / "byline-375.png")
        page.goto(base_url + "/yonetim/login/?next=/yonetim/articles/revision/")
        page.get_by_label("Kullanıcı adı").fill("mehmet")
        page.get_by_label("Parola").fill(password)
        page.get_by_role("button", name="Oturum aç").click()
        page.wait_for_url("**/yonetim/articles/revision/")
        shrink(page.screenshot(full_page=True), OUT / "review-dashboard-375.png")
        browser.close()
    for name in NEWSROOM_SHOTS:
        print(f"{(OUT / name).relative_to(ROOT)}")


def serve(env, port):
    return subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


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
        only = set(sys.argv[1:])
        port = int(os.environ.get("SCREENSHOTS_PORT") or 0) or free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = serve(env, port)
        try:
            wait_until_up(base_url + SEED, server)
            photograph(base_url, only)
        finally:
            server.terminate()
            server.wait(timeout=10)
        if only and not only & set(NEWSROOM_SHOTS):
            return
        # The newsroom, set up with the server stopped (its page cache is in its memory).
        password = secrets.token_urlsafe(16)
        manage({**env, "SHOT_PASSWORD": password}, "shell", "--no-imports", "-c", NEWSROOM)
        server = serve({**env, "EDITORIAL_REVIEW": "1"}, port)  # as production runs
        try:
            wait_until_up(base_url + SEED, server)
            photograph_newsroom(base_url, password)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
