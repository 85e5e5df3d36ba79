"""Social cards, og:image/twitter:image, share links, the web app manifest and touch icons."""

import io
import json
import re

import pytest
from django.core.management import call_command
from PIL import Image

from careers.site import cards

from .factories import make_band, make_role, make_sector

pytestmark = pytest.mark.django_db


def meta_content(html, attribute, name):
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert found, name
    return found.group(1)


def card_path(client, role):
    html = client.get(role.get_absolute_url()).content.decode()
    return meta_content(html, "property", "og:image").removeprefix("http://127.0.0.1:8000")


def png(response):
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


def test_seed_article_og_image_is_its_card(client, seed_role):
    html = client.get(seed_role.get_absolute_url()).content.decode()
    image = meta_content(html, "property", "og:image")
    assert re.fullmatch(
        r"http://127\.0\.0\.1:8000/meslekler/musteri-hizmetleri-ekip-lideri/kart-[0-9a-f]{12}\.png",
        image,
    )
    assert meta_content(html, "name", "twitter:image") == image
    assert meta_content(html, "name", "twitter:card") == "summary_large_image"
    assert meta_content(html, "property", "og:image:width") == "1200"
    assert meta_content(html, "property", "og:image:height") == "630"
    assert meta_content(html, "property", "og:image:alt") == (
        "Müşteri Hizmetleri Ekip Lideri · Müşteri Hizmetleri · 2023 ortalama maaş: 5.000 TL"
    )
    response = client.get(image.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert png(response).size == (1200, 630)
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_card_changes_name_and_picture_when_the_role_changes(client):
    role = make_role("Kredi Asistanı", sector=make_sector("Finans"))
    make_band(role, year=2025, average="30000", top="40000")
    old_path = card_path(client, role)
    old = client.get(old_path).content
    make_band(role, year=2026, average="41000", top="50000")  # the latest figures change
    new_path = card_path(client, role)
    assert new_path != old_path
    new = client.get(new_path)
    assert new.status_code == 200 and new.content != old
    # An old name (a link shared before the change) leads to the current card.
    redirect = client.get(old_path)
    assert redirect.status_code == 302 and redirect["Location"] == new_path
    role.summary = "Başka bir özet."  # what the card does not show: same name
    role.save()
    assert card_path(client, role) == new_path


def test_card_of_a_draft_or_unknown_article_is_not_found(client):
    draft = make_role("Gizli Taslak", published=False)
    assert client.get(f"/meslekler/{draft.slug}/kart-0123456789ab.png").status_code == 404
    assert client.get("/meslekler/yok/kart-0123456789ab.png").status_code == 404


def test_card_renders_turkish_letters_with_a_real_font():
    assert cards.font_path("regular") and cards.font_path("bold")
    assert "DejaVu" in cards.font_path("bold")
    turkish_card = cards.render(title="Işık Ğ Ş İ ı ğ ş ç ö ü", site_name="Meslek Rehberi")
    ascii_card = cards.render(title="Isik G S I i g s c o u", site_name="Meslek Rehberi")
    assert turkish_card != ascii_card  # the diacritics are drawn, not dropped
    # A glyph the font does not have would be drawn as the same empty box for each letter:
    # the dotted and dotless i differ.
    dotted = cards.render(title="İİİİ", site_name="x")
    dotless = cards.render(title="IIII", site_name="x")
    assert dotted != dotless


def test_long_titles_wrap_and_stay_on_the_card():
    image = Image.open(
        io.BytesIO(
            cards.render(
                title="Bilgi İşlem ve Güvenlik Operasyonları Merkezi Kıdemli Uzman Yardımcısı "
                "ve Ekip Koordinatörü Vekili Sorumlusu",
                kicker="Bilişim",
                figure="2026 ortalama maaş: 1.250.000 TL",
                site_name="Meslek Rehberi",
            )
        )
    )
    assert image.size == (1200, 630)
    # Nothing drawn in the right margin (the text wrapped instead of running off).
    margin = image.crop((1140, 20, 1200, 520)).convert("L")
    assert margin.getextrema() == (255, 255)


def test_other_pages_get_the_default_card(client):
    make_role("Uzman")
    for path in ("/", "/maaslar/", "/api/", "/meslekler/"):
        html = client.get(path).content.decode()
        image = meta_content(html, "property", "og:image")
        assert image == f"http://127.0.0.1:8000/kart-{cards.DESIGN}.png", path
    response = client.get(f"/kart-{cards.DESIGN}.png")
    assert png(response).size == (1200, 630)
    assert "immutable" in response["Cache-Control"]


def test_socialcard_command_writes_the_served_card(client, seed_role, tmp_path):
    output = tmp_path / "card.png"
    call_command("socialcard", seed_role.slug, str(output), stdout=io.StringIO())
    served = client.get(card_path(client, seed_role)).content
    assert output.read_bytes() == served


# --- Share links ----------------------------------------------------------------------------


def test_article_has_plain_share_links_and_a_copy_field(client, seed_role):
    html = client.get(seed_role.get_absolute_url()).content.decode()
    url = "http%3A%2F%2F127.0.0.1%3A8000%2Fmeslekler%2Fmusteri-hizmetleri-ekip-lideri%2F"
    assert f'href="https://www.linkedin.com/sharing/share-offsite/?url={url}"' in html
    assert 'href="https://wa.me/?text=M%C3%BC%C5%9Fteri%20Hizmetleri' in html
    assert f"&amp;url={url}" in html  # X
    assert 'href="mailto:?subject=' in html
    assert re.search(
        r'<input id="paylas-adres" type="url" value="http://127.0.0.1:8000/meslekler/'
        r'musteri-hizmetleri-ekip-lideri/" readonly',
        html,
    )
    assert '<label for="paylas-adres">Kopyalanacak bağlantı</label>' in html
    # No third-party script, tracker or inline script: only the site's own static file.
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == [
        *['<script type="application/ld+json">'] * (len(scripts) - 1),
        '<script src="/static/js/share.js" defer>',
    ]
    assert " style=" not in html


# --- App shell ------------------------------------------------------------------------------


def test_manifest_icons_and_theme_colour(client):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png">' in html
    assert '<meta name="theme-color" content="#0b5cad" media="(prefers-color-scheme: light)">' in (
        html
    )
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == "Meslek Rehberi" and manifest["lang"] == "tr"
    assert manifest["start_url"] == "/"
    sizes = {}
    for entry in manifest["icons"]:
        if entry["type"] == "image/png":
            icon = client.get(entry["src"])
            assert icon.status_code == 200, entry
            sizes[entry["sizes"]] = Image.open(io.BytesIO(b"".join(icon.streaming_content))).size
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}
    assert any(entry.get("purpose") == "maskable" for entry in manifest["icons"])


@pytest.mark.parametrize("size", [3, 30])
def test_card_manifest_and_docs_query_counts(client, django_assert_num_queries, size):
    sector = make_sector("Finans")
    roles = [make_role(f"Uzman {i}", sector=sector) for i in range(size)]
    for role in roles:
        make_band(role)
    path = card_path(client, roles[0])
    for _ in range(2):  # the drawing is kept; the article is checked on every request
        with django_assert_num_queries(1):  # the role with its sector (and latest figures)
            assert client.get(path).status_code == 200
    for url in (f"/kart-{cards.DESIGN}.png", "/manifest.webmanifest", "/api/"):
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200, url


def test_a_drawn_card_is_kept_under_its_name(client, settings):
    role = make_role("Kredi Asistanı", sector=make_sector("Finans"))
    path = card_path(client, role)
    first = client.get(path).content
    settings.SITE_URL = "https://baska.example"  # would draw another footer, were it redrawn
    assert client.get(path).content == first


@pytest.fixture
def no_fonts(monkeypatch):
    """A machine without DejaVu: none in the usual folders, no fontconfig."""
    monkeypatch.setattr(cards, "FONT_DIRS", ())
    monkeypatch.setenv("PATH", "/nonexistent")
    cards.font_path.cache_clear()
    yield
    cards.font_path.cache_clear()


def test_without_a_font_the_check_says_what_to_install_and_cards_still_draw(no_fonts):
    (warning,) = cards.check_card_fonts()
    assert warning.id == "site.W001" and "fonts-dejavu-core" in warning.hint
    image = Image.open(io.BytesIO(cards.render(title="Işık Uzmanı", site_name="Meslek Rehberi")))
    assert image.size == (1200, 630)
