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
    from django.conf import settings

    if settings.ENVIRONMENT != "test":  # DJANGO_SETTINGS_MODULE exported: read before this file
        raise pytest.UsageError(
            "The tests need DJANGO_ENV=test before the settings are read: unset "
            "DJANGO_SETTINGS_MODULE (tests/conftest.py sets both) or export DJANGO_ENV=test."
        )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty page cache (local memory is per process), including
    the page store's short per-process copies."""
    from careers.site.pagestore import forget_local

    cache.clear()
    forget_local()
    yield
    cache.clear()
    forget_local()


@pytest.fixture
def cold_content_types():
    """Query counts start from an empty ContentType cache, whatever ran before (tests that pin
    the admin's queries use it)."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture
def demo(db):
    """The demo content (fixtures/demo), loaded as `make run` loads it."""
    call_command("loaddemo", verbosity=0)


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
