"""End-to-end tests in a real headless Chromium (Debian's package, driven by Playwright).

One browser for the whole session (pytest-playwright's ``browser``), one pytest-django
``live_server`` (a thread of this process, so it shares the test database and the cache),
a fresh browser context per page a test opens (``open_page``), and fresh content per test
(``site``: the live server needs a transactional database, flushed after every test).

Every test in this folder is marked ``browser`` automatically: ``make test-fast`` deselects them.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio loop in the main thread; Django would then refuse the
# test's own ORM calls as "async unsafe". They are not: the loop only drives the browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).parent
PHONE = 375
DESKTOP = 1280


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium: `playwright install` cannot download browsers here."""
    if not os.access(CHROMIUM_PATH, os.X_OK):
        pytest.fail(
            f"Chromium bulunamadı: {CHROMIUM_PATH}. Tarayıcı testleri için kurun: "
            "sudo apt-get install chromium fonts-dejavu-core (ya da `make test`, root iken "
            "kendisi kurar; başka bir yoldaysa CHROMIUM_PATH=/yol/chromium). "
            "Tarayıcı testleri olmadan hızlı döngü: make test-fast",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "tr-TR", "timezone_id": "Europe/Istanbul"}


@dataclass
class Site:
    """The live site and the content the journeys rely on."""

    url: str
    seed: object  # the seed Role
    popular: object  # the role the seed's first "En Popüler" link points to
    sector: object  # the seed's sector
    extra: dict = field(default_factory=dict)

    def __call__(self, path):
        return self.url + path


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the demo content, the seed role and what it links to."""
    from careers.articles.models import Role

    from ..factories import link, make_band, make_role, make_sector, make_skill

    # Until fixtures/demo lands on main: the seed article's shape, built with factories.
    service = make_sector("Müşteri Hizmetleri", slug="musteri-hizmetleri")
    finance = make_sector("Finans ve Muhasebe", slug="finans-ve-muhasebe")
    skills = [make_skill("İletişim becerisi"), make_skill("Problem çözme")]
    seed = make_role(
        "Müşteri Hizmetleri Ekip Lideri",
        sector=service,
        lead="Bir müşteri hizmetleri ekip liderinin ne yaptığını öğrenin.",
        salary_intro="Maaşlar eğitim düzeyine ve deneyime bağlıdır.",
        outlook="declines",
        training="Çoğu müşteri hizmetleri ekip lideri iş başında eğitim alır.",
        trends_intro="İşte çalışma şeklini etkileyen eğilimler.",
        how_to_become="Müşteri hizmetleri temsilcisi olarak başlayın.",
        career_path="Sonraki adım müşteri hizmetleri müdürlüğüdür.",
    )
    from careers.articles.models import Responsibility, RoleSkill, Trend

    for i, text in enumerate(["Ekip toplantıları yapmak.", "Performansı değerlendirmek."]):
        Responsibility.objects.create(role=seed, text=text, order=i)
    for i, skill in enumerate(skills):
        RoleSkill.objects.create(role=seed, skill=skill, body="Çok önemlidir.", order=i)
    Trend.objects.create(role=seed, title="Müşteri Deneyimine Dikkat", body="Önemlidir.")
    make_band(
        seed,
        2023,
        "5000",
        "8000",
        hourly_average="25.20",
        hourly_top="38.70",
        source="Kariyer siteleri ve forumlar",
    )
    popular = make_role("Kredi Asistanı", sector=finance)
    make_band(popular, 2023, "4500", "7000", source="Kariyer siteleri ve forumlar")
    payroll = make_role("Bordro Vergi Uzmanı", sector=finance)
    representative = make_role("Müşteri Hizmetleri Temsilcisi", sector=service)
    link(seed, popular, 1, "after_training")
    link(seed, payroll, 2, "after_trends_intro")
    link(seed, representative, 3)
    seed = Role.objects.get(pk=seed.pk)
    return Site(url=live_server.url, seed=seed, popular=popular, sector=service)


@pytest.fixture
def open_page(new_context, site):
    """Open ``path`` in a fresh context ``width`` px wide (optionally with JavaScript off).

    Every response is watched: a test can assert that nothing the page asked for failed.
    """

    def _open(path, *, width=DESKTOP, height=900, javascript=True, reduced_motion=None):
        context = new_context(
            base_url=site.url,
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            reduced_motion=reduced_motion,
        )
        context.set_default_timeout(5_000)
        page = context.new_page()
        page.failed_requests = []
        page.on(
            "response",
            lambda r: r.status >= 400 and page.failed_requests.append(f"{r.status} {r.url}"),
        )
        page.goto(path)
        return page

    return _open
