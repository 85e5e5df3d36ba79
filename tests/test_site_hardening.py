"""Headers (CSP, Permissions-Policy, HSTS), readiness, the 503 answer, logs and error reports
without personal data. The outages themselves are caused for real in tests/faults."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail

from careers.site import logs

from .factories import make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db


def production(code, **env):
    """Run ``code`` in a fresh process with production settings; its stdout and stderr."""
    environment = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "test-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "REDIS_URL": "redis://127.0.0.1:1/0",  # required; these snippets never connect
        "SITE_URL": "https://example.org",
        **env,
    }
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR, check=True,
    )  # fmt: skip
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "", result.stderr


def test_every_page_and_the_admin_carry_an_enforced_csp_without_unsafe_inline(client):
    role = make_role()
    pages = ["/", role.get_absolute_url(), role.get_absolute_url(), "/meslekler/", "/ara/?q=a",
             "/yok-boyle-sayfa/", "/yonetim/login/", "/durum/", "/sitemap.xml"]  # fmt: skip
    for path in pages:
        response = client.get(path)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, path
        assert "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "Content-Security-Policy-Report-Only" not in response
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
    assert client.get(role.get_absolute_url())["X-Page-Cache"] == "hit"  # cached pages too


def test_templates_have_no_inline_script_or_style():
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        html = path.read_text()
        assert " style=" not in html and "<style" not in html, path
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or "application/ld+json" in opening, path


def test_hsts_preload_only_when_configured():
    assert (
        production("from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD)")[0]
        == "False"
    )
    preload, _ = production(
        "from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD)",
        DJANGO_HSTS_PRELOAD="1",
    )
    assert preload == "True"


def test_readiness_checks_the_database_and_the_cache(client):
    response = client.get("/durum/hazir/")
    assert response.status_code == 200
    assert response.content.decode() == "database: ok\ncache: ok\n"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_readiness_says_how_far_behind_the_job_workers_are(client, settings):
    import time_machine
    from django.utils import timezone

    from careers.site.pagecache.purge import purge

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert (
        client.get("/durum/hazir/")
        .content.decode()
        .endswith("jobs: 0 due, the oldest waiting 0.0 s\n")
    )
    with time_machine.travel(timezone.now(), tick=False) as clock:
        purge.enqueue(["role-1"])
        purge.enqueue(["role-2"])
        clock.shift(42)
        response = client.get("/durum/hazir/")
    assert response.status_code == 200  # a worker behind never makes the app server unready
    assert response.content.decode() == (
        "database: ok\ncache: ok\njobs: 2 due, the oldest waiting 42.0 s\n"
    )


def test_a_database_outage_in_a_view_is_a_turkish_503_with_retry_after(client, settings):
    client.raise_request_exception = False
    settings.ROOT_URLCONF = "tests.broken_urls"
    response = client.get("/veritabani-yok/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = text_of(response)
    assert "Geçici olarak kullanılamıyor" in text and "Hiçbir şey kaybolmadı" in text
    assert client.get("/kirik/").status_code == 500  # other errors stay 500s


def test_production_logs_are_one_json_object_per_line():
    _, stderr = production(
        "import logging; logging.getLogger('careers.test').warning('Merhaba %s', 'dünya')"
    )
    [line] = [line for line in stderr.splitlines() if "Merhaba" in line]
    record = json.loads(line)
    assert record["level"] == "WARNING" and record["logger"] == "careers.test"
    assert record["message"] == "Merhaba dünya" and record["time"]


def test_error_mail_to_admins_carries_no_personal_data(client, settings):
    client.raise_request_exception = False
    settings.ROOT_URLCONF = "tests.broken_urls"
    settings.ADMINS = [("Yönetici", "admin@example.org")]
    settings.DEBUG = False
    client.cookies["sessionid"] = "gizli-oturum"
    response = client.post(
        "/kirik/",
        {"name": "Ayşe Yılmaz", "email": "ayse@example.com", "comment": "Özel bir yorum"},
        REMOTE_ADDR="198.51.100.77",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert response.status_code == 500
    [report] = mail.outbox
    everything = report.body + "".join(str(a[0]) + str(a[1]) for a in report.alternatives)
    assert "RuntimeError" in everything and "/kirik/" in everything
    for private in ("Ayşe", "ayse@example.com", "Özel bir yorum", "198.51.100.77",
                    "203.0.113.5", "gizli-oturum"):  # fmt: skip
        assert private not in everything, private


def test_sentry_events_are_scrubbed_and_sentry_is_set_up_without_personal_data():
    event = {
        "request": {
            "url": "https://example.org/yorumlar/x/gonder/",
            "cookies": {"sessionid": "s"},
            "data": {"email": "ayse@example.com"},
            "env": {"REMOTE_ADDR": "198.51.100.1"},
            "headers": {"Cookie": "s", "X-Forwarded-For": "1.2.3.4", "User-Agent": "UA"},
        },
        "user": {"ip_address": "198.51.100.1"},
    }
    scrubbed = json.dumps(logs.scrub_event(event))
    for private in ("ayse@example.com", "198.51.100.1", "1.2.3.4", "sessionid"):
        assert private not in scrubbed
    assert "User-Agent" in scrubbed and "/yorumlar/x/gonder/" in scrubbed
    options, _ = production(
        "import sentry_sdk; o = sentry_sdk.get_client().options;"
        "print(o['send_default_pii'], o['max_request_body_size'], o['before_send'].__name__)",
        SENTRY_DSN="https://public@127.0.0.1:21999/1",
    )
    assert options == "False never scrub_event"
