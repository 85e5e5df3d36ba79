"""The article is rendered once per version of its content; comments re-render only their
section; the comment section pages threads in the database."""

from decimal import Decimal
from html.parser import HTMLParser

import pytest

from .factories import make_band, make_comment, make_role

pytestmark = pytest.mark.django_db


def test_a_new_comment_re_renders_only_the_comment_section(client, django_assert_num_queries):
    role = make_role("Kredi Asistanı")
    make_band(role, year=2025, average="30000", top="45000")
    assert "2025" in client.get(role.get_absolute_url()).content.decode()
    make_comment(role, body="Çok faydalı bir yazı.")  # a new page version, same article
    with django_assert_num_queries(2):  # the role; its comment page (the article is cached)
        response = client.get(role.get_absolute_url())
    assert "Çok faydalı bir yazı." in response.content.decode()
    with django_assert_num_queries(1):  # past the page cache (a query string), nothing new:
        again = client.get(role.get_absolute_url() + "?kaynak=bulten")  # only the role
    assert "Çok faydalı bir yazı." in again.content.decode()
    band = role.salary_bands.get()
    band.average = Decimal("31000")
    band.save()  # article content: rendered afresh
    assert "31.000 TL" in response_text(client, role)


def response_text(client, role):
    return client.get(role.get_absolute_url()).content.decode()


def test_drafts_shown_to_editors_are_never_cached(editor_client):
    role = make_role("Taslak Meslek", published=False)
    assert "Taslak Meslek" in editor_client.get(role.get_absolute_url()).content.decode()
    role.lead = "Yeni giriş paragrafı."
    type(role).objects.filter(pk=role.pk).update(lead=role.lead)  # no signal: no new version
    assert "Yeni giriş paragrafı." in editor_client.get(role.get_absolute_url()).content.decode()


def test_comment_pages_are_threads_paged_in_the_database(
    client, settings, django_assert_num_queries
):
    settings.COMMENTS_PER_PAGE = 3
    role = make_role("Muhasebeci")
    roots = [make_comment(role, body=f"Kök yorum {i}.") for i in range(7)]
    make_comment(role, parent=roots[0], body="İlk yoruma yanıt.")
    make_comment(role, parent=roots[6], body="Son yoruma yanıt.")
    held = make_comment(role, status="pending", body="Bekleyen yorum.")
    orphan = make_comment(role, parent=held, body="Bekleyenin yanıtı.")  # shown at the top level
    url = role.get_absolute_url()
    first = client.get(url).content.decode()
    assert "Kök yorum 0." in first and "İlk yoruma yanıt." in first and "Kök yorum 3." not in first
    assert "10 yorum" in first  # every approved comment counted
    assert "Sayfa 1 / 3" in first
    with django_assert_num_queries(2):  # the role (article cached); the page of threads
        last = client.get(url + "?yorum-sayfa=3").content.decode()
    assert "Kök yorum 6." in last and "Son yoruma yanıt." in last and orphan.body in last
    assert "Bekleyen yorum." not in last
    assert "Kök yorum 6." in client.get(url + "?yorum-sayfa=99").content.decode()
    assert "Kök yorum 0." in client.get(url + "?yorum-sayfa=x").content.decode()


class _Balance(HTMLParser):
    """The tags a piece of HTML leaves open, or closes without having opened them."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.open, self.stray = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.stray.append(tag)


def test_every_cached_fragment_of_the_article_is_balanced_html(seed_role):
    """No fragment opens a tag another one closes (the page's structure is role_detail.html's)."""
    from django.test import RequestFactory

    from careers.articles.fragments import article_fragments

    request = RequestFactory().get(seed_role.get_absolute_url())
    fragments = article_fragments(request, seed_role, preview=False)
    for name in ("head", "body"):
        parser = _Balance()
        parser.feed(fragments[name])
        parser.close()
        assert (name, parser.open, parser.stray) == (name, [], [])
    assert "<h1>" in fragments["head"] and 'id="ilgili-meslekler"' in fragments["body"]
