"""Settings come from the environment; production refuses to guess."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from .helpers import require

ROOT = Path(__file__).resolve().parent.parent


def run_settings(env, code="import django; django.setup(); print('ok')"):
    own = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SITE_URL", "FRONT_CACHE_URLS")
    base = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    base.update({"DJANGO_SETTINGS_MODULE": "careers.settings", **env})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_settings({"DJANGO_ENV": "production", "DJANGO_ALLOWED_HOSTS": "example.org",
                           "DJANGO_VAR_DIR": str(tmp_path)})  # fmt: skip
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = run_settings({"DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "k" * 60,
                           "DJANGO_VAR_DIR": str(tmp_path)})  # fmt: skip
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "k" * 60,
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SITE_URL": "https://meslekrehberi.example",
}


def test_production_runs_with_everything_set_and_debug_off(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DEBUG, s.CACHES['default']['BACKEND'], s.SITE_URL)"
    )
    result = run_settings({**PRODUCTION, "DJANGO_VAR_DIR": str(tmp_path)}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        # Django's RedisCache, degrading (logged, never an error page) when Redis is down
        "careers.site.redis.DegradingRedisCache",
        "https://meslekrehberi.example",
    ]


@pytest.mark.parametrize("missing", ["REDIS_URL", "SITE_URL"])
def test_production_refuses_to_start_without_shared_state_or_site_url(tmp_path, missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_settings({**env, "DJANGO_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert f"{missing} must be set when DJANGO_ENV=production" in result.stderr


def test_redis_support_is_installed_with_its_c_parser():
    import redis.utils

    assert redis.utils.HIREDIS_AVAILABLE


def test_embedded_default_needs_no_environment(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.DEBUG)"
    )
    result = run_settings({"DJANGO_VAR_DIR": str(tmp_path)}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "True",
    ]
    # The development key is created outside the repository, private to its owner.
    key_file = tmp_path / "secret_key"
    assert key_file.stat().st_mode & 0o077 == 0
    assert len(key_file.read_text()) >= 50


def test_database_url_selects_postgresql(tmp_path):
    psycopg = importlib.util.find_spec("psycopg")
    require(psycopg, "psycopg (the postgres extra)", "pip install -r requirements/test.txt")
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])"
    )
    result = run_settings(
        {"DATABASE_URL": "postgres://u@127.0.0.1:5432/meslek", "DJANGO_VAR_DIR": str(tmp_path)},
        code,
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "meslek"]


def test_the_tests_run_with_the_test_settings():
    """tests/conftest.py sets DJANGO_ENV=test: DEBUG off as in production, a fast hasher."""
    assert settings.ENVIRONMENT == "test" and settings.DEBUG is False
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "tr"
    assert settings.TIME_ZONE == "Europe/Istanbul"
    assert settings.USE_TZ


@pytest.mark.django_db
def test_database_is_configured_for_a_web_server():
    if connection.vendor == "postgresql":  # the CI run with DATABASE_URL
        assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
        assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
        assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] <= 5
        return
    assert connection.vendor == "sqlite"
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        # long enough for any of this site's writes to finish, short enough that a lock held
        # by a backup or an import answers 503 within seconds (tests/faults)
        assert 2000 <= cursor.fetchone()[0] <= 5000
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1
    assert "journal_mode=WAL" in options["init_command"]


def test_the_settings_docstring_names_every_variable_they_read():
    import ast
    import re

    import careers.settings

    source = Path(careers.settings.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r"\benv(?:_bool|_list)?\(\s*\"([A-Z_]+)\"", source))
    read |= set(re.findall(r"os\.environ\.get\(\s*\"([A-Z_]+)\"", source))
    docstring = ast.get_docstring(ast.parse(source))
    assert {name for name in read if not re.search(rf"\b{name}\b", docstring)} == set()
