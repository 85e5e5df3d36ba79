"""A mail server that accepts the connection and never answers (the issue's first fault)."""

import json
import sqlite3
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


def notice_jobs(site):
    """``[(status, worker ids)]`` of the moderator notices in the site's job table."""
    with sqlite3.connect(site.var / "db.sqlite3") as db:
        rows = db.execute(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult"
            " WHERE task_path = 'careers.comments.notify.held_comment_notice'"
        ).fetchall()
    return [(status, json.loads(workers)) for status, workers in rows]


def waiting_jobs(site):
    with sqlite3.connect(site.var / "db.sqlite3") as db:
        return db.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult"
            " WHERE status IN ('READY', 'RUNNING')"
        ).fetchone()[0]


def notices(smtp_sink):
    """The moderator notices the mail server received (the weekly review digest the worker
    sends on its first start goes to the same server)."""
    return [message for message in smtp_sink.messages() if "Message-ID: <held-comment-" in message]


def until(check, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_a_notice_survives_its_worker_killed_mid_send_and_goes_out_once(make_site, smtp_sink):
    """The issue's test: the notice queued, its worker killed (SIGKILL) while it waits for the
    mail server, the worker started again: the moderators get the mail, once."""
    site = make_site(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_sink.port),
        EMAIL_USE_TLS="0",
        EMAIL_TIMEOUT="30",
    )
    # the worker's first periodic jobs (purges of the demo load, the weekly digest) done
    assert until(lambda: waiting_jobs(site) == 0, 30)
    smtp_sink.hold()  # the server accepts the connection and says nothing yet
    token = site.comment_form()
    wait_for_form_age()
    answer = site.comment(token, name="Yeni Yorumcu", email="yeni@example.com",
                          comment="Bir yeni yorumcunun yorumu.", ip="198.51.100.77")  # fmt: skip
    assert answer.status == 302 and "?onay=" in answer.headers["location"]  # held
    assert until(lambda: notice_jobs(site) and notice_jobs(site)[0][0] == "RUNNING", 10)
    killed = site.worker.pid
    site.worker.kill()  # SIGKILL, mid-send
    site.worker.wait(timeout=10)
    print(f"\nworker {killed} killed (SIGKILL) mid-send: notice jobs {notice_jobs(site)}")
    assert [status for status, _ in notice_jobs(site)] == ["RUNNING"]  # orphaned
    smtp_sink.hold(False)
    time.sleep(1)
    assert notices(smtp_sink) == []  # nobody else sends it meanwhile
    restarted = site.start_worker().pid
    assert until(lambda: len(notices(smtp_sink)) == 1, 15), "the notice was never sent"
    time.sleep(3)  # a second copy would arrive now
    messages = notices(smtp_sink)
    jobs = notice_jobs(site)
    print(f"worker {restarted} started: {len(messages)} message(s) received; notice jobs {jobs}")
    assert len(messages) == 1
    assert MODERATOR_EMAIL in messages[0] and "Message-ID: <held-comment-" in messages[0]
    (status, workers), *others = jobs
    assert status == "SUCCESSFUL" and others == []
    assert len(workers) == 2 and workers[0] == workers[1]  # the same slot claimed it again
    assert "put back in the queue" in site.logs()
