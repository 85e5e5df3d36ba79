"""PostgreSQL stopped while the site serves, then started again (the issue's third fault)."""

import time
from concurrent.futures import ThreadPoolExecutor

import psycopg

from .conftest import SEED, wait_for_form_age


def in_parallel(site, paths):
    """Requests at once, so that every gunicorn thread (and its connection) serves some."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(site.get, paths))


TYPED = "PostgreSQL dururken yazdığım yorum."


def test_postgres_down_gives_503_keeps_cached_pages_and_recovers_without_a_500(make_site, postgres):
    # one worker with four threads: its page cache (local memory) is shared by every thread
    site = make_site(workers=1, threads=4, DATABASE_URL=postgres.url)
    token = site.comment_form()
    wait_for_form_age()
    assert site.comment(token, name="Önce", email="once@example.com",
                        comment="Durmadan önce.", ip="198.51.100.1").status == 302  # fmt: skip
    for path in ("/", "/meslekler/"):
        site.get(path)  # cached
    assert site.get("/durum/hazir/").status == 200
    # every thread holds a persistent connection (CONN_MAX_AGE), soon to be stale. (An article
    # asked with a parameter it does not declare skips the page cache and reads the role from
    # the database; lists like /beceriler/ can be served from cached fragments alone.)
    warm = in_parallel(site, [f"{SEED}?isinma={n}" for n in range(16)])
    assert {answer.status for answer in warm} == {200}

    postgres.stop()
    try:
        for path in ("/", "/meslekler/"):  # cached pages keep being served
            answer = site.get(path)
            assert answer.status == 200 and answer.headers["x-page-cache"] == "hit"
        uncached = site.get(f"{SEED}?durdu=1")
        assert uncached.status == 503
        assert uncached.headers["retry-after"] == "30"
        assert "Geçici olarak kullanılamıyor" in uncached.text
        assert uncached.seconds < 4
        print(f"\nPostgreSQL stopped: page {uncached.status} in {uncached.seconds:.3f} s")
        post = site.comment(token, name="Sırada", email="sirada@example.com", comment=TYPED,
                            ip="198.51.100.2")  # fmt: skip
        assert post.status == 503 and post.seconds < 4
        print(f"PostgreSQL stopped: comment post 503 in {post.seconds:.3f} s")
        assert f"{TYPED}</textarea>" in post.body and 'value="Sırada"' in post.body
        # liveness stays "ok" (restarting app servers would not help); readiness says why
        assert site.get("/durum/").status == 200
        ready = site.get("/durum/hazir/")
        assert ready.status == 503 and "database: down" in ready.body
        assert "cache: ok" in ready.body
    finally:
        postgres.start()

    # back: no request pays for the stale persistent connections (CONN_HEALTH_CHECKS)
    answers = in_parallel(site, [f"{SEED}?tur={n}" for n in range(16)])
    assert [a.status for a in answers] == [200] * 16
    assert site.get("/durum/hazir/").status == 200
    time.sleep(0.1)
    again = site.comment(token, name="Sırada", email="sirada@example.com", comment=TYPED,
                         ip="198.51.100.2")  # fmt: skip
    assert again.status == 302, again.body[:300]
    assert site.stored_comments("name") == str(["Önce", "Sırada"])
    assert "Internal Server Error" not in site.logs()


def test_a_held_postgres_lock_gives_503_within_the_lock_timeout(make_site, postgres):
    """Another session holding a lock on the comments (a long migration, a manual fix): the
    post waits ``lock_timeout`` (3 s), then the Turkish 503 with the typed form."""
    site = make_site(workers=1, threads=4, DATABASE_URL=postgres.url)
    token = site.comment_form()
    wait_for_form_age()
    with psycopg.connect(postgres.url.replace("postgres://", "postgresql://")) as other:
        other.execute("LOCK TABLE comments_comment IN ACCESS EXCLUSIVE MODE")
        post = site.comment(token, name="Kilitli", email="kilit@example.com", comment=TYPED,
                            ip="198.51.100.9")  # fmt: skip
        assert post.status == 503 and 2.5 < post.seconds < 6
        print(f"\nPostgreSQL lock held: comment post 503 in {post.seconds:.3f} s")
        assert f"{TYPED}</textarea>" in post.body
        other.rollback()
    again = site.comment(token, name="Kilitli", email="kilit@example.com", comment=TYPED,
                         ip="198.51.100.9")  # fmt: skip
    assert again.status == 302
    assert site.stored_comments("name") == str(["Kilitli"])
