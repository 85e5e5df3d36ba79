"""Soft and hard changes in the page cache (careers/site/pagecache): after an edit the page as
it was is served while ONE request renders it again, so no reader waits; after a takedown it is
never served again. On local memory and, for the Lua lookup and the render claim shared by
every process, on a real redis-server. (Through Varnish, under load: tests/stack/test_purges.py.)
"""

import threading

import pytest
from django.db import OperationalError, transaction
from django.test import RequestFactory

from careers.site.pagecache import invalidate, middleware, store

from .factories import make_band, make_comment, make_role
from .fronts import RecordingFront
from .test_api_redis import redis_url  # noqa: F401 (a fixture: a throwaway redis-server)

pytestmark = pytest.mark.django_db


def key_of(url):
    return middleware.page_key(RequestFactory().get(url))


@pytest.fixture
def role():
    role = make_role("Alfa")
    make_band(role, average="30000", top="45000")
    return role


def shows(response, text):
    return text in response.content.decode()


def edit_salary(role, average):
    band = role.salary_bands.get()
    band.average = average
    band.save()


def cached(client, url):
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_after_an_edit_readers_get_the_page_as_it_was_while_one_request_renders_it(client, role):
    url = role.get_absolute_url()
    cached(client, url)
    edit_salary(role, 31000)
    assert store.lookup(key_of(url))[0] == store.RENDER  # another request is rendering it
    stale = client.get(url)
    assert stale["X-Page-Cache"] == "stale" and shows(stale, "30.000 TL")
    # a shared cache may keep it only to serve while it fetches the page again
    assert stale["Cache-Control"] == "public, max-age=0, s-maxage=0" and "Age" not in stale
    assert store.lookup(key_of(url))[0] == store.STALE  # the claim is still the other's
    store.release(key_of(url))  # (that request went away without storing anything)
    fresh = client.get(url)  # this reader renders it
    assert fresh["X-Page-Cache"] == "miss" and shows(fresh, "31.000 TL")
    assert fresh["Cache-Control"] == "public, max-age=0, s-maxage=600"


def test_the_render_stores_the_new_page_and_gives_the_claim_back(client, role):
    url = role.get_absolute_url()
    cached(client, url)
    edit_salary(role, 32000)
    assert client.get(url)["X-Page-Cache"] == "miss"  # the claimant (nobody else is reading)
    answer = client.get(url)
    # Within the clock allowance after the change a render counts as outdated: the next
    # reader renders again (one at a time) rather than be served it as current.
    assert answer["X-Page-Cache"] in ("hit", "miss") and shows(answer, "32.000 TL")
    assert store.lookup(key_of(url))[0] in (store.HIT, store.RENDER)


def test_after_a_takedown_the_page_as_it_was_is_never_served(client, role):
    comment = make_comment(role, body="Bu numarayı arayın: 0555 000 00 00.")
    url = role.get_absolute_url()
    cached(client, url)
    comment.status = "spam"
    comment.save()
    assert store.lookup(key_of(url)) == (store.MISS, None)  # not even to one reader
    answer = client.get(url)
    assert answer["X-Page-Cache"] == "miss" and not shows(answer, "0555 000 00 00")


def test_a_render_the_database_cannot_answer_serves_the_page_as_it_was(client, role, monkeypatch):
    url = role.get_absolute_url()
    cached(client, url)
    edit_salary(role, 33000)

    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("careers.articles.views.fragments.article_fragments", database_down)
    answer = client.get(url)  # the claimant: its render fails
    assert answer.status_code == 200 and answer["X-Page-Cache"] == "stale"
    assert shows(answer, "30.000 TL")
    assert store.lookup(key_of(url))[0] == store.RENDER  # the claim was given back


def test_a_page_that_is_no_more_is_not_served_from_its_previous_render(client, role):
    url = role.get_absolute_url()
    cached(client, url)
    invalidate(f"role-{role.pk}")  # a soft change, then the page goes (no signal: update())
    type(role).objects.filter(pk=role.pk).update(slug="baska-adres")
    assert client.get(url).status_code == 404  # the claimant
    assert client.get(url).status_code == 404  # and everyone after it
    assert store.lookup(key_of(url)) == (store.MISS, None)


@pytest.fixture
def front(settings):
    server = RecordingFront()
    settings.FRONT_CACHE_URLS = [server.url]
    yield server
    server.close()


def purges(front):
    """``[(keys, "soft"|"hard"), ...]`` as the front received them."""
    return [
        (keys, "hard" if keys and keys == hard else "soft")
        for keys, hard in zip(front.purges, front.hard, strict=True)
    ]


@pytest.mark.django_db(transaction=True)
def test_edits_purge_the_front_softly_and_takedowns_for_good(role, front):
    from careers.pages.models import PageKind, SimplePage

    front.purges.clear(), front.hard.clear()
    edit_salary(role, 34000)
    comment = make_comment(role)
    assert purges(front) == [
        ({f"role-{role.pk}", "roles"}, "soft"),
        ({f"comments-{role.pk}"}, "soft"),  # an approved comment
    ]
    front.purges.clear(), front.hard.clear()
    comment.status = "removed"
    comment.save()
    role.status = "draft"
    role.save()
    SimplePage.objects.get(kind=PageKind.CONTACT).delete()
    taken_down = [keys for keys, kind in purges(front) if kind == "hard"]
    # each sent by the committing process at once, and by its job
    assert taken_down.count({f"comments-{role.pk}"}) == 2
    assert sum(1 for keys in taken_down if f"role-{role.pk}" in keys) == 2
    assert taken_down.count({"page-iletisim"}) == 2
    softly = set().union(*(keys for keys, kind in purges(front) if kind == "soft"))
    assert softly <= {"search"}  # (the search index's own, after the article's hard one)


@pytest.mark.django_db(transaction=True)
def test_an_author_edited_is_purged_softly_and_a_deleted_one_for_good(front):
    from careers.articles.models import Author

    author = Author.objects.create(name="Deniz Aksoy", slug="deniz-aksoy")
    front.purges.clear(), front.hard.clear()
    author.name = "Deniz Aksoy Işık"
    author.save()
    assert purges(front) == [({f"author-{author.pk}"}, "soft")]
    front.purges.clear(), front.hard.clear()
    pk = author.pk
    author.delete()
    taken_down = [keys for keys, kind in purges(front) if kind == "hard"]
    assert taken_down.count({f"author-{pk}"}) == 2  # by the committing process, and its job


@pytest.mark.django_db(transaction=True)
def test_the_committing_process_purges_a_takedown_itself_before_any_job_runs(role, settings, front):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # no worker
    front.purges.clear(), front.hard.clear()
    with transaction.atomic():
        role.status = "draft"
        role.save()
        edit_salary(role, 35000)  # soft, but its key is gone for good in the same commit
        assert front.purges == []  # nothing before the commit
    assert len(front.hard) == 1 and f"role-{role.pk}" in front.hard[0]
    jobs = [row.args_kwargs for row in DBTaskResult.objects.filter(status="READY")]
    assert [job["kwargs"] for job in jobs] == [{"hard": True}]  # the worker's, with retries


def test_on_redis_one_request_renders_while_every_other_is_served_the_page_as_it_was(
    client,
    role,
    redis_url,  # noqa: F811 (the fixture)
):
    url = role.get_absolute_url()
    cached(client, url)
    edit_salary(role, 36000)
    key, states, start = key_of(url), [], threading.Barrier(12)

    def reader():
        start.wait()
        states.append(store.lookup(key)[0])

    threads = [threading.Thread(target=reader) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(states) == [store.RENDER] + [store.STALE] * 11
    stale = client.get(url)
    assert stale["X-Page-Cache"] == "stale" and shows(stale, "30.000 TL")
    store.release(key)
    assert shows(client.get(url), "36.000 TL")


def test_on_redis_a_takedown_is_never_served(client, role, redis_url):  # noqa: F811
    comment = make_comment(role, body="Kaldırılacak yorum.")
    url = role.get_absolute_url()
    cached(client, url)
    comment.status = "removed"
    comment.save()
    assert store.lookup(key_of(url)) == (store.MISS, None)
    assert not shows(client.get(url), "Kaldırılacak yorum.")
