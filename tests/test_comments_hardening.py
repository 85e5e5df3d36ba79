"""Hostile comments: invisible-only names and texts, invisible characters used to dodge the
duplicate check, and the "awaiting moderation" link (held only, links inert, 10 minutes)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from careers.comments.models import BlockedWord, Comment

from .factories import make_comment, make_role
from .helpers import text_of
from .test_comments_views import post

pytestmark = pytest.mark.django_db

INVISIBLE = "\u200b\u200c\u2060\ufeff\u3164\u2800"
REFUSED = "Yalnızca görünmeyen karakterler içeriyor"


@pytest.mark.parametrize("field", ["name", "comment"])
def test_a_name_or_comment_of_invisible_characters_only_is_refused_with_a_clear_message(
    client, field
):
    role = make_role()
    response = post(client, role, **{field: f" {INVISIBLE} \u200b "})
    assert response.status_code == 400
    assert REFUSED in text_of(response)
    assert not Comment.objects.exists()


def test_invisible_characters_inside_real_text_are_kept_and_accepted(client):
    role = make_role()
    response = post(client, role, name="Ayşe\u200b", comment="Emoji 👩\u200d💻 ile yorum.")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Emoji 👩\u200d💻 ile yorum."


def test_the_duplicate_check_ignores_invisible_characters(client):
    role = make_role()
    assert post(client, role, comment="Çok faydalı bir yazı.").status_code == 302
    again = post(client, role, ip="192.0.2.99", comment="Çok\u200b faydalı\u2060 bir yazı.\ufeff")
    assert again.status_code == 409
    assert Comment.objects.count() == 1


def _held_page(client, role, **fields):
    response = post(client, role, **fields)
    assert response.status_code == 302 and "?onay=" in response["Location"]
    return response["Location"]


def test_the_held_notice_shows_a_held_comment_with_its_links_inert(client):
    role = make_role()
    body = "Bakın https://a.example https://b.example https://c.example"  # 3 links: held
    location = _held_page(client, role, comment=body, url="https://site.example")
    html = client.get(location).content.decode()
    assert "Yorumunuz onay bekliyor." in text_of(client.get(location))
    assert "https://a.example" in html
    assert not re.search(r'href="https://(a|b|c|site)\.example', html)


def test_the_held_notice_never_shows_a_comment_stored_as_spam(client):
    BlockedWord.objects.create(word="kumar", action="spam")
    role = make_role()
    location = _held_page(client, role, comment="Kumar sitesi https://phish.example")
    assert Comment.objects.get().status == "spam"
    html = client.get(location).content.decode()
    assert "phish.example" not in html and "Kumar sitesi" not in html


def test_the_held_notice_lasts_ten_minutes():
    from django.test import Client

    client = Client()
    role = make_role()
    start = timezone.now()
    with time_machine.travel(start - timedelta(seconds=30), tick=False):
        location = _held_page(client, role)
    with time_machine.travel(start + timedelta(minutes=9), tick=False):
        assert "Yorumunuz onay bekliyor." in text_of(client.get(location))
    with time_machine.travel(start + timedelta(minutes=10, seconds=1), tick=False):
        text = text_of(client.get(location))
        assert "Yorumunuz onay bekliyor." not in text
        assert "Çok faydalı bir yazı" not in text


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_a_notice_to_a_dead_mail_server_is_retried_then_given_up_and_logged(settings, caplog):
    """Nothing listens on the port: each attempt fails at once, is logged, and is retried as
    a job of its own, later (the database backend, run by the worker's loop)."""
    import socket

    from django.contrib.auth.models import User
    from django_tasks_db.models import DBTaskResult

    from careers.comments import notify
    from careers.site.jobs.worker import Worker

    with socket.socket() as probe:  # a free port: nobody listens on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 1
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    User.objects.create_superuser("moderator", "moderator@example.com", None)
    comment = make_comment(make_role(), status="pending")
    notify.held_comment(comment)
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test:1",
        excluded_queue_names=[],
        periodic=False,
    )
    start = timezone.now()
    with caplog.at_level("WARNING", logger="careers.comments.notify"):
        for minutes in (0, 1, 3):  # the retries are due 10 s, then 60 s after a failure
            with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
                worker.run()  # every job due now, then back
    lines = [record.getMessage() for record in caplog.records]
    assert [line for line in lines if "(attempt" in line] == [
        f"Moderator e-mail for comment {comment.pk} failed (attempt {n} of 3): "
        "ConnectionRefusedError"
        for n in (1, 2, 3)
    ]
    assert f"Could not e-mail moderators about comment {comment.pk}" in lines
    assert not DBTaskResult.objects.filter(status="READY").exists()  # given up: no more
