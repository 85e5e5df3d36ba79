"""Redis stopped while the site serves: slower, never broken (the cache's designed answer)."""

import logging
import time

import pytest
import redis

from careers.site.redis import DegradingRedisCache

from .conftest import SEED, wait_for_form_age

RECOVERED = []


def record_recovery():
    RECOVERED.append(True)


def test_redis_down_pages_come_from_the_database_and_comments_are_still_flood_checked(
    make_site, redis_server
):
    site = make_site(workers=2, REDIS_URL=redis_server.url)
    token = site.comment_form()
    site.get(SEED)
    assert site.get(SEED).headers["x-page-cache"] == "hit"
    wait_for_form_age()

    redis_server.stop()
    try:
        for _ in range(6):  # both workers, several times: rendered from the database
            page = site.get(SEED)
            assert page.status == 200 and page.headers["x-page-cache"] == "miss"
            assert "Müşteri Hizmetleri Ekip Lideri" in page.text
            assert page.seconds < 2
            print(f"\nRedis stopped: article {page.status} in {page.seconds:.3f} s")
        first = site.comment(token, name="Önbellek Yok", email="onbellek@example.com",
                             comment="Redis yokken ilk yorum.", ip="198.51.100.30")  # fmt: skip
        assert first.status == 302 and "?onay=" in first.headers["location"]
        # flood control falls back to the database: the same address at once again is 429
        flood = site.comment(token, name="Önbellek Yok", email="baska@example.com",
                             comment="Redis yokken ikinci yorum.", ip="198.51.100.30")  # fmt: skip
        assert flood.status == 429
        assert "Redis yokken ikinci yorum.</textarea>" in flood.body
        for size in (7, 8):  # the API's limit (a sliding window in Redis) lets requests through
            assert site.get(f"/api/v1/sectors?page_size={size}").status == 200
        ready = site.get("/durum/hazir/")
        assert ready.status == 503 and "cache: down" in ready.body
        assert "database: ok" in ready.body
        assert site.get("/durum/").status == 200
    finally:
        redis_server.start()

    assert site.get("/durum/hazir/").status == 200
    # each worker asks Redis again at most DOWN_SECONDS (5 s) after its last failure, and on
    # its first answer outdates every page (it may have missed a change's markers): pages are
    # cached again from CLOCK_ALLOWANCE (0.25 s) after the later of the two
    time.sleep(5.5)
    deadline = time.monotonic() + 10
    while site.log.read_text().count("Redis cache is back") < 2 and time.monotonic() < deadline:
        site.get(SEED)
    time.sleep(0.3)
    site.get(SEED)
    assert [site.get(SEED).headers["x-page-cache"] for _ in range(4)] == ["hit"] * 4
    logs = site.logs()
    assert "Redis cache unavailable" in logs
    assert "Internal Server Error" not in logs and "Traceback" not in logs


@pytest.fixture
def degrading(redis_server):
    return DegradingRedisCache(
        redis_server.url,
        {
            "OPTIONS": {
                "DOWN_SECONDS": 0,
                "ON_RECOVERY": "tests.faults.test_redis.record_recovery",
            }
        },
    )


def test_the_backend_answers_not_cached_while_down_and_recovers(degrading, redis_server, caplog):
    RECOVERED.clear()
    degrading.set("a", "1")
    assert degrading.get("a") == "1"
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="careers.site.redis"):
        assert degrading.get("a", "yok") == "yok"
        assert degrading.add("flood", 1, 15) is True  # flood control: the database decides
        assert degrading.incr("counter") == 1
        assert degrading.get_many(["a", "b"]) == {}
        degrading.set("a", "2")  # dropped
        with pytest.raises(redis.exceptions.ConnectionError):
            degrading.ping()
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1  # once per outage, not once per call
    redis_server.start()
    assert degrading.get("a") is None  # the restarted Redis is empty (no persistence here)
    assert RECOVERED == [True]  # a write was dropped: the page cache's version is bumped
    assert degrading.ping() is True
