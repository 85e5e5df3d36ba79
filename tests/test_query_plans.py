"""The hot queries read through indexes: every SELECT of the article, search, sector and
skill pages, the article's comments and the moderation queue is EXPLAINed (EXPLAIN QUERY PLAN
on SQLite, EXPLAIN on PostgreSQL with sequential scans discouraged, so that a plan falls back
to one only where no index serves) and must not scan the roles or comments tables.

Generated content: ``SCALE_ROLES`` / ``SCALE_COMMENTS`` (scripts/ci-scale.sh runs 2,000 and
50,000; the default suite a smaller set)."""

import os
import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from careers.articles.models import Role

pytestmark = pytest.mark.django_db
BIG_TABLES = ("articles_role", "comments_comment")


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker):
    """The demo plus generated content, made once for this module inside a transaction that
    is rolled back after it (the other tests never see it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddemo", verbosity=0)
        call_command(
            "makescale",
            roles=int(os.environ.get("SCALE_ROLES", "300")),
            comments=int(os.environ.get("SCALE_COMMENTS", "5000")),
            verbosity=0,
        )
        yield Role.objects.get(slug="musteri-hizmetleri-ekip-lideri")
        transaction.set_rollback(True)


def full_scans(sql, params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
            return [t for t in BIG_TABLES if re.search(rf"Seq Scan on {t}\b", plan)], plan
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = "\n".join(row[-1] for row in cursor.fetchall())
        return [t for t in BIG_TABLES if re.search(rf"\bSCAN {t}\b(?! USING)", plan)], plan


def assert_no_full_scan(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert selects, url
    for sql in selects:
        scanned, plan = full_scans(sql, None) if "%s" not in sql else ([], "")
        assert not scanned, f"{url}: full scan of {scanned}\n{sql}\n{plan}"


@pytest.mark.parametrize(
    "url",
    [
        "/meslekler/musteri-hizmetleri-ekip-lideri/",  # article, related roles, its comments
        "/ara/?q=musteri",
        "/ara/?q=veri+analiz",
        "/sektorler/musteri-hizmetleri/",
        "/sektorler/musteri-hizmetleri/?sayfa=2",
        "/beceriler/iletisim-becerisi/",
        "/maaslar/?sayfa=3",
        "/maaslar/?sirala=meslek&sektor=finans",
        "/meslekler/?harf=s&sayfa=2",
        "/",
        "/besleme/rss/",
        "/sitemap.xml",
        "/sitemap-roles.xml",
    ],
)
def test_public_pages_read_roles_and_comments_through_indexes(client, scale, url):
    assert_no_full_scan(client, url)


def test_moderation_queue_and_comment_list_use_indexes(admin_client, scale):
    assert_no_full_scan(admin_client, "/yonetim/comments/pendingcomment/")
    assert_no_full_scan(admin_client, "/yonetim/comments/comment/")
    assert_no_full_scan(admin_client, f"/yonetim/comments/comment/?role__id__exact={scale.pk}")
    assert_no_full_scan(admin_client, "/yonetim/comments/comment/?q=Ay%C5%9Fe+Y%C4%B1lmaz")


@pytest.mark.parametrize("words", ["te%C5%9Fekk%C3%BCr", "istanbul+maas", "yokboylebirkelime"])
def test_the_comment_list_finds_text_through_the_full_text_index(admin_client, scale, words):
    """A word of the text: the index gives the matching comments (FTS5 / GIN), never a read
    of every comment's text."""
    url = f"/yonetim/comments/comment/?q={words}"
    assert_no_full_scan(admin_client, url)
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(url)
    index = "comments_fts" if connection.vendor == "sqlite" else "body_vector"
    assert any(index in q["sql"] for q in queries.captured_queries)  # the text: by the index


def test_the_check_itself_catches_a_full_scan(scale):
    scanned, _plan = full_scans("SELECT COUNT(*) FROM comments_comment WHERE body LIKE 'x%%'", [])
    assert scanned == ["comments_comment"]


#: The role table's statistics at 10,000 roles (makescale, then ANALYZE; sqlite_stat1): what
#: SQLite plans by in production. A smaller generated set gives other numbers, and plans.
SCALE_STATISTICS = {
    "articles_role_reviewer_idx": "6488 1298 649 1",
    "articles_role_author_idx": "10015 2003 1 1 1",
    "articles_role_recent_idx": "10015 53 1",
    "articles_role_salary_upd_idx": "10015 2",
    "articles_role_sector_sort_idx": "10015 334 1 1 1",
    "articles_role_sitemap_idx": "10015 1 1 1",
    "articles_role_updated_idx": "10015 2",
    "articles_role_reads_idx": "10015 19",
    "articles_role_sector_read_idx": "10015 334 4",
}


@pytest.fixture
def planned_at_scale(scale):
    """SQLite plans as with 10,000 roles (their statistics loaded; restored afterwards)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor, transaction.atomic():
        for index, stat in SCALE_STATISTICS.items():
            cursor.execute("DELETE FROM sqlite_stat1 WHERE idx = %s", [index])
            cursor.execute(
                "INSERT INTO sqlite_stat1 VALUES ('articles_role', %s, %s)", [index, stat]
            )
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads them again
        yield
        transaction.set_rollback(True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sqlite_schema")


def plans(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return [full_scans(q["sql"], None)[1] for q in queries.captured_queries if "%s" not in q["sql"]]


@pytest.mark.parametrize("url", ["/", "/sitemap.xml"])
def test_lists_of_published_roles_do_not_walk_the_reviewer_index(client, planned_at_scale, url):
    """An index led by a column of few values (the reviewer: a handful of people) was chosen
    by SQLite at 10,000 roles for any "published" filter, skip-scanning it and sorting every
    public role, instead of the index the list is sorted by (the home page's query: 250 ms).
    It is partial now (reviewed articles only): an author's count still reads it."""
    found = plans(client, url)
    assert found
    assert not [plan for plan in found if "articles_role_reviewer_idx" in plan]
