"""The pages the law and trust ask for: KVKK notice, contact/imprint, editorial policy and the
salary methodology; written by editors in the admin, linked from every page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from careers.comments import conf as comments_conf
from careers.pages.models import PageKind, SimplePage

from .adminforms import changeform_data
from .factories import make_role

pytestmark = pytest.mark.django_db

PAGES = [
    ("pages:privacy", "KVKK Aydınlatma Metni", 1),
    ("pages:contact", "İletişim ve Künye", 1),
    ("pages:editorial", "Hakkımızda ve Yayın İlkeleri", 1),
    ("pages:methodology", "Maaş rakamları nasıl derleniyor?", 2),
]


@pytest.mark.parametrize(("name", "title", "queries"), PAGES)
def test_every_page_exists_from_the_first_migrate_and_is_cached(
    client, django_assert_num_queries, name, title, queries
):
    with django_assert_num_queries(queries):
        response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200 and f"<h1>{title}</h1>" in html
    assert response["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(reverse(name))["X-Page-Cache"] == "hit"


def test_footer_links_every_page_from_every_page(client):
    html = client.get(reverse("articles:home")).content.decode()
    for name, _title, _queries in PAGES:
        assert f'href="{reverse(name)}"' in html


def test_kvkk_notice_says_what_why_how_long_and_the_readers_rights(client):
    text = client.get(reverse("pages:privacy")).content.decode()
    for words in ("E-posta adresiniz", "IP adresiniz", "hiçbir zaman yayımlanmaz", "11. maddesi"):
        assert words in text
    # The retention it promises is the one the site applies (clear_comment_ips).
    assert comments_conf.get("COMMENTS_IP_RETENTION_DAYS") == 30
    assert "IP adresleri 30 gün" in text
    # The rights are used through what the admin really offers: a copy, or erasure.
    assert "bir kopyasını" in text and "silinmesini" in text


def test_contact_page_marks_what_the_editor_must_fill_in_rather_than_inventing_it(client):
    text = client.get(reverse("pages:contact")).content.decode()
    assert "İçerik sağlayıcı" in text and "Yer sağlayıcı" in text
    assert text.count("[DOLDURULACAK:") >= 5


def test_methodology_shows_the_minimum_wage_table_net_and_gross(client):
    text = client.get(reverse("pages:methodology")).content.decode()
    assert "28.075,50 TL" in text and "33.030,00 TL" in text
    assert "1 Ocak 2026" in text and "1 Temmuz 2023" in text
    assert "belirtilmemiş" in text and "225 çalışma saatine" in text


def test_comment_form_links_the_kvkk_notice(client):
    role = make_role("Kredi Asistanı")
    html = client.get(role.get_absolute_url()).content.decode()
    form = html[html.index('class="comment-form"') :]
    assert f'<a href="{reverse("pages:privacy")}">KVKK aydınlatma metni</a>' in form


def test_editor_changes_a_page_and_readers_see_it_at_once(editor_client):
    reader = Client()
    page = SimplePage.objects.get(kind=PageKind.CONTACT)
    reader.get(reverse("pages:contact"))
    url = reverse("admin:pages_simplepage_change", args=[page.pk])
    data = changeform_data(editor_client.get(url))
    data["body"] = "## Künye\n\nYayıncı: **Örnek Yayıncılık**\n\n<script>alert(1)</script>"
    assert editor_client.post(url, data).status_code == 302
    html = reader.get(reverse("pages:contact")).content.decode()
    assert "<strong>Örnek Yayıncılık</strong>" in html
    assert "<script>alert(1)</script>" not in html  # through the sanitizing renderer
    history = editor_client.get(reverse("admin:pages_simplepage_history", args=[page.pk]))
    assert history.status_code == 200 and "editor" in history.content.decode()


def test_editors_edit_the_pages_but_cannot_add_or_delete_them(editor_client):
    page = SimplePage.objects.get(kind=PageKind.PRIVACY)
    assert editor_client.get(reverse("admin:pages_simplepage_add")).status_code == 403
    assert (
        editor_client.get(reverse("admin:pages_simplepage_delete", args=[page.pk])).status_code
        == 403
    )
    changelist = editor_client.get(reverse("admin:pages_simplepage_changelist")).content.decode()
    assert changelist.count("Sitede gör<") == 4


def test_reply_links_are_named_by_their_visible_text_first(client):
    """WCAG 2.5.3 (label in name): a voice user saying "Yanıtla" must hit the link; the
    accessible name is "Yanıtla: <name>", visible text first, no aria-label overriding it."""
    from .factories import make_comment

    role = make_role("Kredi Asistanı")
    make_comment(role, name="Ayşe Yılmaz")
    html = client.get(role.get_absolute_url()).content.decode()
    link = re.search(r'<p class="reply"><a ([^>]*)>(.*?)</a></p>', html)
    assert link is not None and "aria-label" not in link.group(1)
    name = re.sub(r"<[^>]+>", "", link.group(2))
    assert name == "Yanıtla: Ayşe Yılmaz"
    assert link.group(2).startswith("Yanıtla<span")
