"""What readers see of the newsroom: who wrote and who checked an article (byline, schema.org),
authors' pages, corrections at the article's foot and on /duzeltmeler/ with their feeds, and
the editorial policy that explains them."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from careers import turkish
from careers.articles.models import Author, Correction, Role
from careers.pages.models import SimplePage

from .factories import make_band, make_role, make_sector
from .helpers import text_of
from .test_seo import jsonld

pytestmark = pytest.mark.django_db

REVIEWED = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)  # 12:30 in Istanbul


@pytest.fixture
def clock():
    with time_machine.travel(dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC), tick=True):
        yield


def make_author(name="Ayşe Yılmaz", **fields):
    return Author.objects.create(name=name, slug=turkish.slugify(name), **fields)


def reviewed_role(title="Kredi Asistanı", **fields):
    author, reviewer = make_author(expertise="Bankacılık"), make_author("Mehmet Demir")
    role = make_role(title, author=author, **fields)
    Role.objects.filter(pk=role.pk).update(reviewed_by=reviewer, last_reviewed_at=REVIEWED)
    return Role.objects.get(pk=role.pk)


# --- The byline and schema.org ----------------------------------------------------------------


def test_the_byline_names_the_author_the_reviewer_and_the_last_review(client, clock):
    role = reviewed_role()
    response = client.get(role.get_absolute_url())
    text = text_of(response, "<h1>", 'class="lead"')
    assert "Yazan: Ayşe Yılmaz · Kontrol eden: Mehmet Demir · Son kontrol: 3 Aralık 2026" in text
    html = response.content.decode()
    assert '<a href="/yazarlar/ayse-yilmaz/" rel="author">Ayşe Yılmaz</a>' in html
    assert '<time datetime="2026-12-03">3 Aralık 2026</time>' in html
    article = next(block for block in jsonld(html) if block["@type"] == "Article")
    assert article["author"] == {
        "@type": "Person",
        "name": "Ayşe Yılmaz",
        "url": f"{settings.SITE_URL}/yazarlar/ayse-yilmaz/",
        "knowsAbout": "Bankacılık",
    }
    page = article["mainEntityOfPage"]
    assert page["reviewedBy"]["name"] == "Mehmet Demir"
    assert page["lastReviewed"] == "2026-12-03"


def test_an_article_without_an_author_or_review_says_nothing_made_up(client):
    role = make_role()
    html = client.get(role.get_absolute_url()).content.decode()
    assert 'class="byline"' not in html
    article = next(block for block in jsonld(html) if block["@type"] == "Article")
    assert article["author"]["@type"] == "Organization"
    assert "reviewedBy" not in article["mainEntityOfPage"]


def test_a_new_name_on_a_profile_reaches_the_cached_article(client):
    role = reviewed_role()
    assert "Ayşe Yılmaz" in text_of(client.get(role.get_absolute_url()))
    author = role.author
    author.name = "Ayşe Yılmaz Kaya"
    author.save()
    assert "Yazan: Ayşe Yılmaz Kaya" in text_of(client.get(role.get_absolute_url()))


def test_a_reviewed_article_costs_one_query_more_for_its_corrections(
    client, django_assert_num_queries
):
    role = reviewed_role()
    Correction.objects.create(role=role, text="Ortalama yanlıştı.", created_at=REVIEWED)
    # role with sector, author and reviewer; responsibilities, skills, trends, explicit
    # links, computed related, bands (none: no minimum wage or history), corrections, comments
    with django_assert_num_queries(9):
        response = client.get(role.get_absolute_url())
    assert "Düzeltme, 3 Aralık 2026: Ortalama yanlıştı." in text_of(response)


# --- Authors' pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 30])
def test_an_authors_page_lists_their_published_articles_paginated(
    client, count, django_assert_num_queries
):
    author = make_author(bio="On yıldır ücret araştırmaları yapıyor.", expertise="Ücretler")
    sector = make_sector()
    for i in range(count):
        make_band(make_role(f"Meslek {i:02d}", sector=sector, author=author), year=2025)
    make_role("Taslak Meslek", sector=sector, author=author, published=False)
    # the author, their articles (count, page), the articles they reviewed, the minimum wage
    # table for the cards' notice, the payroll rules for their net figures' gross (once)
    with django_assert_num_queries(6):
        response = client.get(author.get_absolute_url())
    assert response.status_code == 200
    titles = [role.title for role in response.context["page"]]
    assert titles == [f"Meslek {i:02d}" for i in range(min(count, 20))]
    text = text_of(response)
    assert "On yıldır ücret araştırmaları yapıyor." in text and "Taslak Meslek" not in text
    profile = next(b for b in jsonld(response.content.decode()) if b["@type"] == "ProfilePage")
    assert profile["mainEntity"]["name"] == "Ayşe Yılmaz"
    if count > 20:
        second = client.get(author.get_absolute_url() + "?sayfa=2")
        assert [role.title for role in second.context["page"]] == [
            f"Meslek {i:02d}" for i in range(20, count)
        ]
        assert '<link rel="canonical" href="' in second.content.decode()
        assert "?sayfa=2" in second.context["meta"]["canonical"]


def test_a_profile_with_nothing_published_is_not_a_public_page(client):
    author = make_author()
    make_role(author=author, published=False)
    assert client.get(author.get_absolute_url()).status_code == 404
    assert client.get("/yazarlar/olmayan-yazar/").status_code == 404


def test_a_reviewers_page_counts_what_they_checked(client):
    role = reviewed_role()
    page = client.get(role.reviewed_by.get_absolute_url())
    assert page.status_code == 200
    assert "Yayımlanan 1 makaleyi kontrol etti." in text_of(page)


# --- Corrections ----------------------------------------------------------------------------------


def corrections(count, role=None):
    role = role or reviewed_role()
    for i in range(count):
        Correction.objects.create(
            role=role, text=f"Düzeltme metni {i}.", created_at=REVIEWED + dt.timedelta(hours=i)
        )
    return role


@pytest.mark.parametrize("count", [3, 30])
def test_the_corrections_page_lists_the_newest_first_paginated(
    client, count, django_assert_num_queries
):
    role = corrections(count)
    hidden = corrections(1, make_role("Taslak", published=False))
    # the corrections (count, page with their articles)
    with django_assert_num_queries(2):
        response = client.get("/duzeltmeler/")
    items = list(response.context["page"])
    assert [c.text for c in items] == [f"Düzeltme metni {i}." for i in range(count - 1, -1, -1)][
        :20
    ]
    assert all(c.role == role for c in items) and hidden.title not in text_of(response)
    newest = items[0]
    date = turkish.format_date(newest.created_at)  # in Istanbul
    listed = text_of(response, '<ul class="corrections-log">', "</ul>")
    assert listed.startswith(f"Düzeltme, {date}: {role.title} : Düzeltme metni {count - 1}.")


def test_the_corrections_feeds_write_istanbul_time(client):
    role = corrections(2)
    rss = ET.fromstring(client.get("/duzeltmeler/rss/").content)  # noqa: S314 (our own)
    items = rss.find("channel").findall("item")
    assert [item.find("title").text for item in items] == [f"Düzeltme: {role.title}"] * 2
    assert items[0].find("pubDate").text == "Thu, 03 Dec 2026 13:30:00 +0300"
    assert items[0].find("description").text == "Düzeltme metni 1."
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom = ET.fromstring(client.get("/duzeltmeler/atom/").content)  # noqa: S314 (our own)
    entry = atom.findall("a:entry", ns)[0]
    assert entry.find("a:updated", ns).text == "2026-12-03T13:30:00+03:00"
    assert entry.find("a:link", ns).get("href").endswith(role.get_absolute_url() + "#duzeltmeler")


def test_a_new_correction_reaches_the_cached_pages(client):
    role = corrections(1)
    assert "Düzeltme metni 0." in text_of(client.get("/duzeltmeler/"))
    Correction.objects.create(role=role, text="Yeni düzeltme.", created_at=timezone.now())
    assert "Yeni düzeltme." in text_of(client.get("/duzeltmeler/"))
    assert "Yeni düzeltme." in text_of(client.get(role.get_absolute_url()))
    assert "Yeni düzeltme." in client.get("/duzeltmeler/rss/").content.decode()


def test_every_page_links_the_corrections(client):
    assert '<a href="/duzeltmeler/">Düzeltmeler</a>' in client.get("/").content.decode()


# --- The editorial policy ---------------------------------------------------------------------


def test_the_editorial_policy_explains_review_and_corrections(client):
    text = text_of(client.get("/yayin-ilkeleri/"))
    assert "yayın kurulundan ikinci bir editörün kontrolünden geçer" in text
    assert "kimse kendi değişikliğini onaylayamaz" in text
    assert (
        "Düzeltme, 3 Aralık 2026: …" in text
        and "/duzeltmeler/" in client.get("/yayin-ilkeleri/").content.decode()
    )


def test_the_policy_migration_keeps_an_editors_words():
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "careers.pages.migrations.0003_editorial_policy_review_and_corrections"
    )
    page = SimplePage.objects.get(kind="yayin-ilkeleri")
    default_before = page.body.replace(migration.NEW_SECTIONS, migration.OLD_SECTION)
    page.body = default_before
    page.save()
    migration.explain_review_and_corrections(apps, None)
    page.refresh_from_db()
    assert migration.OLD_SECTION not in page.body and migration.NEW_SECTIONS in page.body
    page.body = "Editörün kendi metni."
    page.save()
    migration.explain_review_and_corrections(apps, None)
    page.refresh_from_db()
    assert page.body.startswith("Editörün kendi metni.\n\n## Yazarlar ve kontrol")
    assert "/duzeltmeler/" in page.body_html
    again = page.body
    migration.explain_review_and_corrections(apps, None)  # once only
    page.refresh_from_db()
    assert page.body == again


def test_nobody_is_a_reviewer_by_being_staff(db):
    from careers.articles.review.workflow import can_review

    assert not can_review(User.objects.create_user("x", password="a-long-pass-1", is_staff=True))
