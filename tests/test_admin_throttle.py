"""Admin sign-in throttling (django-axes): an account and an address are locked after
AXES_FAILURE_LIMIT wrong passwords, with a Turkish page, and the public site is unaffected."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import User
from django.utils import timezone

from .factories import make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db

LOGIN = "/yonetim/login/?next=/yonetim/"
LOCKED = "Çok fazla başarısız giriş denemesi"


def attempt(client, username, password, ip="198.51.100.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


class CountingHasher(MD5PasswordHasher):
    """MD5 (the tests' hasher) noting each password it is asked to hash or check."""

    calls = []

    def verify(self, password, encoded):
        self.calls.append(password)
        return super().verify(password, encoded)

    def encode(self, password, salt):
        self.calls.append(password)
        return super().encode(password, salt)


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor", "e@example.org", "doğru-parola-2026", is_staff=True)


def test_wrong_passwords_lock_the_account_and_the_address_with_a_turkish_page(client, staff):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "editor", "yanlış")
        assert response.status_code == 200  # the login form again, with Django's message
    response = attempt(client, "editor", "yanlış")
    assert response.status_code == 429
    # the right password no longer helps from this address
    response = attempt(client, "editor", "doğru-parola-2026")
    assert response.status_code == 429
    assert LOCKED in text_of(response)
    assert "15 dakika sonra yeniden deneyin" in text_of(response)
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session
    # the address is locked for other accounts too
    User.objects.create_user("other", "o@example.org", "başka-parola-2026", is_staff=True)
    assert attempt(client, "other", "başka-parola-2026").status_code == 429
    assert attempt(client, "other", "başka-parola-2026", ip="192.0.2.50").status_code == 302
    # the public pages are served to the locked address as to anyone
    role = make_role()
    assert client.get(role.get_absolute_url(), REMOTE_ADDR="198.51.100.7").status_code == 200


def test_strangers_guessing_an_editors_name_never_lock_the_editor_out(client, staff):
    """The lock is on the address, and on the (address, user name) pair: never on the user
    name alone, or anyone who knows an editor's name could keep them out of the admin."""
    strangers = ["203.0.113.9", "198.18.0.4", "192.0.2.77"]
    for ip in strangers:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attempt(client, "editor", "yanlış", ip=ip)
        assert attempt(client, "editor", "doğru-parola-2026", ip=ip).status_code == 429
    # the editor, from their own address, with the right password: in
    response = attempt(client, "editor", "doğru-parola-2026", ip="198.51.100.7")
    assert response.status_code == 302 and response["Location"] == "/yonetim/"
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_the_lock_lifts_after_the_cool_off_time(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attempt(client, "editor", "yanlış")
        assert attempt(client, "editor", "doğru-parola-2026").status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert attempt(client, "editor", "doğru-parola-2026").status_code == 302


def test_a_success_resets_the_count(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "editor", "yanlış")
    assert attempt(client, "editor", "doğru-parola-2026").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "editor", "yanlış")
    assert attempt(client, "editor", "doğru-parola-2026").status_code == 302


def test_the_admin_path_is_configurable():
    env = {**os.environ, "DJANGO_ADMIN_PATH": "/ekip-7f3a/"}
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip().splitlines()[-1] == "/ekip-7f3a/"


def test_a_locked_out_attempt_costs_two_reads_and_no_password_hash(
    client, staff, django_assert_num_queries, settings
):
    """What keeps a flood of guesses from starving the public pages (bench/login_flood.py):
    refused before the login view, so no password is hashed and nothing is written."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "editor", "yanlış")
    hashed = []
    settings.PASSWORD_HASHERS = ["tests.test_admin_throttle.CountingHasher"]
    CountingHasher.calls = hashed
    with django_assert_num_queries(2):  # the attempts, by address and by account
        response = attempt(client, "editor", "doğru-parola-2026")
    assert response.status_code == 429 and hashed == []


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/yonetim/", "//evil.example/", "https:/evil.example", ""]
)
def test_a_sign_in_with_a_foreign_or_missing_next_ends_on_the_admin_index(client, staff, next_url):
    """A ``next`` pointing elsewhere is never followed, and the fallback is the admin's index
    (Django's default, /accounts/profile/, is no page here)."""
    response = client.post(
        "/yonetim/login/",
        {"username": "editor", "password": "doğru-parola-2026", "next": next_url},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302
    assert response["Location"] == "/yonetim/"
    assert client.get(response["Location"]).status_code == 200  # signed in, on the admin


def test_a_sign_in_follows_a_next_on_the_site(client, staff):
    response = client.post(
        "/yonetim/login/",
        {"username": "editor", "password": "doğru-parola-2026", "next": "/yonetim/auth/"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302 and response["Location"] == "/yonetim/auth/"
