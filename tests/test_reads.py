"""Read counts: the article's beacon counts in the cache (page-cache hits too), written in
batches."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.articles import reads
from careers.articles.models import Role

from .factories import make_role

pytestmark = pytest.mark.django_db


def pending_reads():
    """``{slug: count}`` of reads counted in the cache, not yet written."""
    slugs = Role.objects.values_list("slug", flat=True)
    counts = cache.get_many([reads.counter_key(slug) for slug in slugs])
    return {key.removeprefix(reads.PREFIX): n for key, n in counts.items() if n}


def view_count(role):
    return Role.objects.get(pk=role.pk).view_count


BEACON = re.compile(r'<img src="(/okundu/[^"]+/)" alt="" width="1" height="1" hidden>')


def beacon(page):
    """The hidden image's address on an article page (a browser loads it with the page)."""
    return BEACON.search(page.content.decode()).group(1)


def read(client, role, **headers):
    """What a browser does: the article (from the page cache after the first time), then its
    beacon image."""
    page = client.get(role.get_absolute_url(), **headers)
    return client.get(beacon(page), **headers)


def test_reads_are_counted_without_database_writes_even_from_the_page_cache(
    client, django_assert_num_queries
):
    role = make_role("Kredi Asistanı")
    read(client, role)  # renders and fills the page cache
    with django_assert_num_queries(0):
        for _ in range(4):
            page = client.get(role.get_absolute_url())
            assert page["X-Page-Cache"] == "hit"
            pixel = client.get(beacon(page))
    assert (pixel.status_code, pixel["Content-Type"]) == (200, "image/gif")
    assert "no-store" in pixel["Cache-Control"]  # no cache in between may answer for it
    assert pending_reads() == {"kredi-asistani": 5}
    assert view_count(role) == 0


def test_a_made_up_beacon_counts_nothing(client):
    role = make_role("Kredi Asistanı")
    real = beacon(client.get(role.get_absolute_url()))
    assert client.get(real.replace("kredi-asistani", "baska-bir-sey")).status_code == 404
    assert client.get("/okundu/kredi-asistani/").status_code == 404
    assert pending_reads() == {}


def test_flush_writes_one_update_per_read_role_and_keeps_later_reads(client):
    first, second, unread = make_role("Birinci"), make_role("İkinci"), make_role("Okunmamış")
    for _ in range(3):
        read(client, first)
    read(client, second)
    with CaptureQueriesContext(connection) as captured:
        assert reads.flush() == 4
    statements = [q["sql"].split()[0] for q in captured.captured_queries]
    statements = [s for s in statements if s in {"SELECT", "UPDATE", "INSERT", "DELETE"}]
    # role slugs; per read role one UPDATE of the role and its day's row (added the first
    # time that day)
    assert statements == ["SELECT", *(["UPDATE", "UPDATE", "INSERT"] * 2)]
    assert (view_count(first), view_count(second), view_count(unread)) == (3, 1, 0)
    assert pending_reads() == {}
    read(client, first)
    with CaptureQueriesContext(connection) as captured:
        assert reads.flush() == 1
    statements = [q["sql"].split()[0] for q in captured.captured_queries]
    assert [s for s in statements if s in {"UPDATE", "INSERT"}] == ["UPDATE", "UPDATE"]
    assert view_count(first) == 4
    assert reads.flush() == 0


def test_flush_does_not_touch_updated_at_or_the_page_cache(client):
    role = make_role()
    read(client, role)
    before = Role.objects.get(pk=role.pk).updated_at
    reads.flush()
    assert Role.objects.get(pk=role.pk).updated_at == before
    assert client.get(role.get_absolute_url())["X-Page-Cache"] == "hit"


def test_management_command_flushes(client):
    role = make_role()
    read(client, role)
    call_command("flush_reads", verbosity=0)
    assert view_count(role) == 1


def test_flush_happens_by_itself_after_enough_reads(
    client, settings, django_capture_on_commit_callbacks
):
    settings.READS_FLUSH_EVERY = 5
    role = make_role()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(4):
            read(client, role)
        assert view_count(role) == 0
        read(client, role)  # queues the flush job (the test settings run it at once)
    assert view_count(role) == 5


def test_the_periodic_job_flushes_once_per_period_whichever_worker_asks(client, settings):
    from careers.site.jobs.worker import enqueue_due

    settings.PERIODIC_JOBS = {"flush-reads": ("careers.articles.reads.flush_job", 300)}
    role = make_role()
    read(client, role)
    read(client, role)
    assert view_count(role) == 0
    first, second = {}, {}  # two workers, each with its own memory of what it enqueued
    assert enqueue_due(first, now=3000.0) == ["flush-reads"]  # the period 3000-3300 began
    assert view_count(role) == 2 and pending_reads() == {}
    read(client, role)
    assert enqueue_due(second, now=3299.0) == []  # same period: the first worker ran it
    assert view_count(role) == 2
    assert enqueue_due(second, now=3300.0) == ["flush-reads"]
    assert enqueue_due(first, now=3301.0) == []
    assert view_count(role) == 3


def test_a_running_flush_is_not_repeated():
    cache.add(reads.LOCK_KEY, 1)
    reads.record_read("x")
    assert reads.flush() == 0


def test_staff_bots_head_requests_and_missing_pages_are_not_counted(client):
    role = make_role()
    draft = make_role(published=False)
    pixel = beacon(client.get(role.get_absolute_url()))
    client.get(pixel, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.head(pixel)
    assert client.get("/meslekler/yok-boyle/").status_code == 404  # no beacon on a 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    staff = User.objects.create_user(
        "editor", password="x-long-test-password", is_staff=True, is_superuser=True
    )
    client.force_login(staff)
    client.get(pixel)
    preview = client.get(draft.get_absolute_url())
    assert preview.status_code == 200 and not BEACON.search(preview.content.decode())
    assert pending_reads() == {}
