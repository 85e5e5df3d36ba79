"""The page cache: precise invalidation by surrogate keys, headers for the front cache,
conditional GET and compression. (The front cache itself: tests/stack.)"""

import gzip
import time

import pytest
from django.db import transaction
from django.urls import reverse

from careers.articles.models import RoleSkill
from careers.site.pagecache import markers

from .factories import link, make_band, make_comment, make_role, make_sector, make_skill
from .fronts import RecordingFront

pytestmark = pytest.mark.django_db


def state(client, url, **headers):
    return client.get(url, **headers)["X-Page-Cache"]


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert state(client, url) == "hit"


@pytest.fixture
def roles():
    """A and B share a sector and a skill, B links A; C shares nothing with either."""
    sector, other_sector = make_sector(), make_sector()
    skill, other_skill = make_skill(), make_skill()
    a, b = make_role("Alfa", sector=sector), make_role("Beta", sector=sector)
    c = make_role("Gama", sector=other_sector)
    for role, s in ((a, skill), (b, skill), (c, other_skill)):
        RoleSkill.objects.create(role=role, skill=s, order=0)
        make_band(role)
    link(b, a)
    return a, b, c


def test_editing_a_salary_invalidates_its_article_and_those_linking_it_not_others(client, roles):
    a, b, c = roles
    pages = [a, b, c]
    sector_c = c.sector.get_absolute_url()
    warm(client, *(r.get_absolute_url() for r in pages), sector_c, reverse("articles:role_list"))
    band = a.salary_bands.get()
    band.average = 31000
    band.save()
    assert state(client, a.get_absolute_url()) == "miss"
    assert state(client, b.get_absolute_url()) == "miss"  # links A, with A's salary
    assert state(client, c.get_absolute_url()) == "hit"
    assert state(client, sector_c) == "hit"
    assert state(client, reverse("articles:role_list")) == "miss"  # every role's card


def test_editing_a_role_text_leaves_unrelated_articles_cached(client, roles):
    a, b, c = roles
    warm(client, a.get_absolute_url(), c.get_absolute_url(), a.sector.get_absolute_url())
    a.intro = "Yeni giriş."
    a.save()
    assert state(client, a.get_absolute_url()) == "miss"
    assert state(client, c.get_absolute_url()) == "hit"
    assert state(client, a.sector.get_absolute_url()) == "miss"  # shows A's card


def test_publishing_a_role_refreshes_its_sector_and_skill_neighbours(client, roles):
    a, b, c = roles
    warm(client, a.get_absolute_url(), c.get_absolute_url())
    newcomer = make_role("Delta", sector=a.sector, published=False)
    assert state(client, a.get_absolute_url()) == "hit"  # a draft shows nowhere
    newcomer.status = "published"
    newcomer.save()
    assert state(client, a.get_absolute_url()) == "miss"  # may now list Delta as related
    assert state(client, c.get_absolute_url()) == "hit"


def test_an_approved_comment_invalidates_its_article_only(client, roles):
    a, b, c = roles
    home = reverse("articles:home")
    warm(client, a.get_absolute_url(), b.get_absolute_url(), home)
    make_comment(a, status="pending")
    assert state(client, a.get_absolute_url()) == "hit"  # held: nothing public changed
    make_comment(a)
    assert state(client, a.get_absolute_url()) == "miss"
    assert state(client, b.get_absolute_url()) == "hit"
    assert state(client, home) == "hit"


def test_a_page_declares_what_it_shows_to_the_front_cache(client, roles):
    a, b, c = roles
    response = client.get(b.get_absolute_url())
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=600"
    shown = set(response["xkey"].split())
    assert shown == {
        "all", f"role-{b.pk}", f"role-{a.pk}", f"sector-{b.sector_id}", "minwage",
        f"skill-{b.role_skills.get().skill_id}", f"comments-{b.pk}", "payroll",
        f"reports-{b.pk}",  # its readers' salary figures (the report batch purges it)
    }  # fmt: skip
    # the cards' salary notice compares with today's minimum wage; their net figures come with
    # their gross, computed with the payroll rules
    assert set(client.get(reverse("articles:role_list"))["xkey"].split()) == {
        "all",
        "roles",
        "minwage",
        "payroll",
    }


def test_personal_pages_are_never_marked_shared(client, roles, admin_user):
    a = roles[0]
    comment = make_comment(a, status="pending")
    from careers.comments import tokens

    held = client.get(a.get_absolute_url(), {"onay": tokens.sign_held(comment.pk)})
    assert held["Cache-Control"] == "private" and "xkey" not in held
    client.force_login(admin_user)
    staff = client.get(a.get_absolute_url())
    assert "private" in staff["Cache-Control"] and "xkey" not in staff
    assert "public" not in staff["Cache-Control"]


def test_conditional_get_answers_304_from_the_cache(client, roles):
    url = roles[2].get_absolute_url()
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    make_comment(roles[2])  # the page changes: its ETag with it
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_pages_go_out_compressed_once_and_identical(client, roles):
    url = roles[2].get_absolute_url()
    plain = client.get(url)
    for _ in range(2):  # the miss, then the hit
        packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
        assert len(packed.content) < len(plain.content) / 3
    assert "Accept-Encoding" in packed["Vary"]
    assert "Accept-Language" not in packed["Vary"]  # one language: no needless variants


def test_a_render_begun_before_a_change_is_not_served_after_it():
    started = markers.now_us()
    time.sleep(0.001)
    markers.write_markers(["role-99"])
    assert not markers.is_fresh(started, ["all", "role-99"])
    time.sleep(markers.CLOCK_ALLOWANCE + 0.01)
    assert markers.is_fresh(markers.now_us(), ["all", "role-99"])


@pytest.fixture
def front(settings):
    """A real HTTP server as the one front cache (FRONT_CACHE_URLS)."""
    server = RecordingFront()
    settings.FRONT_CACHE_URLS = [server.url]
    yield server
    server.close()


@pytest.mark.django_db(transaction=True)  # real commits and rollbacks
def test_one_transaction_purges_the_front_once_with_exactly_the_changed_things(roles, front):
    a = roles[0]
    front.purges.clear()  # (the fixture's own saves, committed one by one)
    with transaction.atomic():
        make_comment(a)
        band = a.salary_bands.get()
        band.top = 50000
        band.save()
        assert front.purges == []  # nothing before the commit
    assert front.purges == [{f"comments-{a.pk}", f"role-{a.pk}", "roles"}]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_purges_nothing(roles, front):
    a, c = roles[0], roles[2]
    front.purges.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_comment(a)
        raise RuntimeError("the editor's save failed")
    with transaction.atomic():
        make_comment(c)  # a later transaction gathers its own keys only
    assert front.purges == [{f"comments-{c.pk}"}]


def test_a_comparison_is_refreshed_by_a_change_to_any_of_its_roles_only(client, roles):
    a, b, c = roles
    pair = reverse("compare:pair", kwargs={"a": a.slug, "b": b.slug})
    warm(client, pair, c.get_absolute_url())
    band = c.salary_bands.get()
    band.average = 32000
    band.save()
    assert state(client, pair) == "hit"  # C is not in the comparison
    band = b.salary_bands.get()
    band.average = 33000
    band.save()
    assert state(client, pair) == "miss"
    assert "33.000 TL" in client.get(pair).content.decode()


def test_editing_a_site_page_refreshes_that_page_and_no_article(client, roles):
    from careers.pages.models import PageKind, SimplePage

    a = roles[0]
    contact, kvkk = reverse("pages:contact"), reverse("pages:privacy")
    warm(client, contact, kvkk, a.get_absolute_url())
    page = SimplePage.objects.get(kind=PageKind.CONTACT)
    page.body = "Yeni künye metni."
    page.save()
    assert state(client, contact) == "miss"
    assert state(client, kvkk) == "hit"
    assert state(client, a.get_absolute_url()) == "hit"
