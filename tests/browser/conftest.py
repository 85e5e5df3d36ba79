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
def site(live_server, seed_role):
    """The live server with the demo content (fixtures/demo), reloaded for every test.

    ``seed_role`` (tests/conftest.py) loads the demo with ``loaddemo``; the live server needs a
    transactional database, so each test starts from the same demo content.
    """
    popular = seed_role.related_links.filter(placement="after_training").first().to_role
    assert popular.slug == "kredi-asistani", "the seed's first 'En Popüler' link is Kredi Asistanı"
    return Site(url=live_server.url, seed=seed_role, popular=popular, sector=seed_role.sector)


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
