"""End-to-end tests in a real headless Chromium (Debian's package, driven by Playwright).

One browser for the whole session (pytest-playwright's ``browser``), one pytest-django
``live_server`` (a thread of this process, so it shares the test database and the cache),
a fresh browser context per page a test opens (``open_page``). Content: a test that changes
things gets the demo loaded afresh (``site``, a transactional database); a module whose tests
only read shares one load (``shared_site``) by overriding ``site``.

Every test in this folder is marked ``browser`` automatically: ``make test-fast`` deselects them.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command

from .chromium import CHROMIUM_ARGS, CHROMIUM_PATH

# Playwright's sync API runs an asyncio loop in the main thread; Django would then refuse the
# test's own ORM calls as "async unsafe". They are not: the loop only drives the browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


def load_site(url):
    from careers.articles.models import Role

    call_command("loaddemo", verbosity=0)
    seed = Role.objects.select_related("sector").get(slug="musteri-hizmetleri-ekip-lideri")
    popular = seed.related_links.filter(placement="after_training").first().to_role
    assert popular.slug == "kredi-asistani", "the seed's first 'En Popüler' link is Kredi Asistanı"
    return Site(url=url, seed=seed, popular=popular, sector=seed.sector)


@pytest.fixture(scope="session")
def server(django_db_setup, django_db_blocker):
    """One live server for the session: pytest-django's LiveServer (a thread of this process,
    sharing the test database and the cache), started once."""
    from pytest_django.live_server_helper import LiveServer

    live = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
    live._live_server_modified_settings.enable()  # its host in ALLOWED_HOSTS
    yield live
    live._live_server_modified_settings.disable()
    live.stop()


@pytest.fixture
def _restore_migrated_data(django_db_blocker):
    """After the flush that ends a transactional test, put back what the migrations made
    (content types, permissions, the editors' group, the minimum wage rows): the tests that
    run after the browser tests expect it. Set up before ``transactional_db``, so torn down
    after its flush."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def site(_restore_migrated_data, server, transactional_db, django_db_serialized_rollback):
    """The demo content (fixtures/demo), loaded afresh for a test that changes things.

    The server thread sees only committed data, hence a transactional database: flushed after
    the test, then restored to what the migrations made (``_restore_migrated_data``).
    """
    return load_site(server.url)


@pytest.fixture(scope="module")
def shared_site(server, django_db_blocker):
    """The demo content loaded once for a module whose tests only read.

    A module opts in by overriding ``site`` with it (and ``db``, so that each test still runs in
    a transaction that is rolled back). On leaving the module the content is deleted again (the
    database is left as the migrations made it).
    """
    from careers.articles.models import Role, Sector, Skill

    with django_db_blocker.unblock():
        try:
            yield load_site(server.url)
        finally:
            for model in (Role, Skill, Sector):  # everything else hangs off these (CASCADE)
                model.objects.all().delete()


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
