"""Nothing is lost under concurrent posting, on the default (file-backed, WAL) SQLite database
or PostgreSQL: 50 visitors post at once from their own addresses; all 50 comments are stored."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from careers.comments import tokens
from careers.comments.models import Comment

from .factories import make_role


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_posts_are_all_stored():
    role = make_role()
    url = f"/yorumlar/{role.slug}/gonder/"
    token = tokens.issue(role.pk, time.time() - 10)
    if connection.vendor == "sqlite":
        assert connection.settings_dict["NAME"] != ":memory:"
        assert "mode=memory" not in str(connection.settings_dict["NAME"])

    def post(i):
        try:
            response = Client().post(
                url,
                {"name": f"Okur {i}", "email": f"okur{i}@example.com", "url": "",
                 "comment": f"Eşzamanlı yorum {i}.", "zaman": token, "parent": "",
                 "kontrol": ""},
                REMOTE_ADDR=f"198.51.100.{i + 1}",  # one address each: flood control applies
            )  # fmt: skip
            return response.status_code
        finally:
            connection.close()  # each thread's own connection

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(post, range(50)))
    elapsed = time.perf_counter() - started
    assert statuses == [302] * 50, statuses
    assert Comment.objects.filter(role=role).count() == 50
    assert sorted(Comment.objects.values_list("body", flat=True)) == sorted(
        f"Eşzamanlı yorum {i}." for i in range(50)
    )
    print(f"50 parallel comment posts: {elapsed:.2f} s")
