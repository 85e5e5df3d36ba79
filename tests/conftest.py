"""What every test shares: the session's set-up and the common fixtures.

The session runs with ``DJANGO_ENV=test`` (careers/settings.py's test branch: DEBUG off, a
fast password hasher). It is set here, when pytest loads this file and before anything reads
the settings: pytest-django would read them earlier if pyproject.toml's pytest options named
DJANGO_SETTINGS_MODULE, so this file names it instead.
"""

import os
import subprocess
import sys
from pathlib import Path

os.environ["DJANGO_ENV"] = "test"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")

import pytest  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# The compiled catalogues (.mo) are build output, not in git: build any that is missing or
# older than its .po before Django looks for them, so that a pytest run by hand sees the
# Turkish site as `make test` does.
subprocess.run([sys.executable, str(ROOT / "scripts" / "compile_messages.py")], check=True)  # noqa: S603


def pytest_configure(config):
    """TEST_CLOCK=2026-12-03T23:30:00Z moves the whole session's clock there (ticking on):
    `make test-midnight` runs the suite where UTC and Istanbul disagree about the date."""
    if os.environ.get("TEST_CLOCK"):
        from datetime import datetime

        import time_machine

        instant = datetime.fromisoformat(os.environ["TEST_CLOCK"])  # with its offset (Z: UTC)
        config.test_clock = time_machine.travel(instant, tick=True)
        config.test_clock.start()
    from django.conf import settings

    if settings.ENVIRONMENT != "test":  # DJANGO_SETTINGS_MODULE exported: read before this file
        raise pytest.UsageError(
            "The tests need DJANGO_ENV=test before the settings are read: unset "
            "DJANGO_SETTINGS_MODULE (tests/conftest.py sets both) or export DJANGO_ENV=test."
        )


def pytest_unconfigure(config):
    if getattr(config, "test_clock", None) is not None:
        config.test_clock.stop()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty page cache (local memory is per process)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cold_content_types():
    """Query counts start from an empty ContentType cache, whatever ran before (tests that pin
    the admin's queries use it)."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    names = set(getattr(item, "fixturenames", ()))
    transaction = marker is not None and marker.kwargs.get("transaction", False)
    return transaction or bool({"transactional_db", "live_server"} & names)


def _reads_demo(item):
    return item is not None and "demo" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests that read the demo content run together, at the end of the tests on a
    rolled-back database (pytest-django puts those first, then the transactional ones, then
    those without a database), so that they share one load of it (``demo``)."""
    for item in items:
        if _reads_demo(item) and _transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid}: a test on a transactional database cannot share the session's "
                "demo content; let it run `call_command('loaddemo')` itself."
            )

    def rank(item):
        if _reads_demo(item):
            return 1
        uses_db = "db" in getattr(item, "fixturenames", ()) or item.get_closest_marker("django_db")
        return 0 if uses_db and not _transactional(item) else 2

    items.sort(key=rank)  # stable: pytest-django's order is kept within each part


class SharedDemo:
    """The demo content in a transaction left open across the tests that read it: each test
    runs in savepoints of it that pytest-django rolls back after the test, so none sees
    another's changes. The load's on-commit work (the search index, as `make run` gets it)
    runs at once. Rolled back after the last of them, before any test that needs a
    transactional database, or an empty one, runs."""

    def __init__(self):
        self.blocker = None  # pytest-django's, once the test database exists
        self.atomic = None

    def open(self):
        from django.db import transaction
        from django.test import TestCase

        if self.atomic is not None:
            return
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                with TestCase.captureOnCommitCallbacks(execute=True):
                    call_command("loaddemo", verbosity=0)
            except BaseException:
                self.close()
                raise

    def close(self):
        from django.db import transaction

        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


shared_demo = SharedDemo()


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    """Loads the demo content before the first test that reads it (a session fixture: set up
    before the test's own transaction)."""
    shared_demo.blocker = django_db_blocker
    shared_demo.open()
    yield shared_demo
    shared_demo.close()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Only if an option such as --failed-first split the tests that read the demo content:
    # load it again (before the test's own transaction begins).
    if _reads_demo(item) and shared_demo.blocker is not None:
        shared_demo.open()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:  # after the test's own rollback
        if _reads_demo(item) and not _reads_demo(nextitem):
            shared_demo.close()


@pytest.fixture
def demo(_demo_database, db):
    """The demo content (fixtures/demo), loaded as `make run` loads it, once for all the tests
    that read it (``SharedDemo``)."""


@pytest.fixture
def seed_role(demo):
    from careers.articles.models import Role

    return Role.objects.get(slug="musteri-hizmetleri-ekip-lideri")


@pytest.fixture
def editor_user(db):
    """A staff account in the "Editörler" group, as `manage.py createeditor` makes it."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(
        "editor", "editor@example.org", "a-long-test-pass", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editörler"))
    return user


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


@pytest.fixture
def in_late_2026():
    """The clock at 26 November 2026, 12:00 in Istanbul (ticking): for tests whose figures
    (2025 current, 2023 stale) are true of that date, so they hold in 2027 too."""
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC), tick=True):
        yield
