"""A mail server that accepts the connection and never answers (the issue's first fault)."""

import json
import time

from .conftest import MODERATOR_EMAIL, SEED, wait_for_form_age


def test_a_silent_mail_server_neither_delays_nor_fails_a_post(make_site, silent_smtp):
    site = make_site(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(silent_smtp.port),
        EMAIL_USE_TLS="0",
        EMAIL_TIMEOUT="2",
    )
    token = site.comment_form()
    site.get(SEED)  # the article is in the page cache
    wait_for_form_age()
    posts = [
        site.comment(token, name=f"Yeni Yorumcu {n}", email=f"yeni{n}@example.com",
                     comment=f"Yeni bir yorumcunun {n}. yorumu.", ip=f"198.51.100.{n}")
        for n in range(1, 4)
    ]  # fmt: skip
    for answer in posts:
        # held for moderation (a moderator is e-mailed): the notice page, not a 500
        assert answer.status == 302, answer.body[:500]
        assert "?onay=" in answer.headers["location"]
        assert answer.seconds < 1.5
        print(f"\nsilent SMTP: comment post {answer.status} in {answer.seconds:.3f} s")
    # meanwhile the cached article is served at once
    cached = site.get(SEED)
    assert cached.status == 200 and cached.headers["x-page-cache"] == "hit"
    assert cached.seconds < 1
    # the visitor's own notice page
    notice = site.get(posts[0].headers["location"].split("#")[0].replace("http://127.0.0.1", ""))
    assert notice.status == 200 and "Yorumunuz onay bekliyor." in notice.text
    # every comment is stored, held
    assert site.stored_comments("status") == str(["pending"] * 3)
    # the mail server connection was tried, timed out after EMAIL_TIMEOUT, and was logged
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "Moderator e-mail" not in site.logs():
        time.sleep(0.2)
    failures = [json.loads(line) for line in site.logs().splitlines()
                if line.startswith("{") and "Moderator e-mail" in line]  # fmt: skip
    assert failures and failures[0]["level"] == "WARNING"
    assert "attempt 1 of 3" in failures[0]["message"]
    assert MODERATOR_EMAIL not in site.logs() and "ayse@example.com" not in site.logs()
    assert silent_smtp.connections  # the site really tried the silent server
