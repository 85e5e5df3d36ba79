"""Print, dark colour scheme, share and copy link, in a real Chromium."""

import shutil
import subprocess

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .checks import (
    article_title,
    assert_fits_width,
    assert_keyboard_reaches_everything,
    assert_no_axe_violations,
)
from .conftest import DESKTOP, PHONE
from .test_csp import watch_csp


@pytest.fixture
def site(shared_site, db):
    return shared_site


def pdf_text(pdf_bytes, tmp_path):
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail(
            "pdftotext bulunamadı: apt-get install poppler-utils (CI kurar).", pytrace=False
        )
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run(
        [pdftotext, "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout


def test_printed_article_has_the_article_figures_sources_and_address_only(
    open_page, site, tmp_path
):
    page = open_page(site.seed.get_absolute_url())
    text = pdf_text(page.pdf(format="A4", print_background=False), tmp_path)
    flat = " ".join(text.split())
    assert article_title(site.seed) in flat
    assert "2023 Yılı Ortalama Maaş: 5.000 TL" in flat  # the salary figures
    assert "Kaynak:" in flat  # and their source
    assert "Müşteri Hizmetleri Ekip Lideri Sorumlulukları ve Görevleri" in flat
    assert f"Bu makale: {settings.SITE_URL}{site.seed.get_absolute_url()}" in flat  # canonical
    for absent in (
        "İçeriğe geç",  # skip link
        "Meslekler A–Z",  # main menu
        "Meslek ara",  # search box
        "Ana sayfa",  # breadcrumbs
        "İçindekiler",  # table of contents
        "Bu makaleyi paylaşın",  # share links
        "Kopyalanacak bağlantı",
        "İlgili meslekler",  # related articles
        "En Popüler",
        "Bir cevap yazın",  # the comment form
        "Yorum",
        "Başa dön",  # footer
    ):
        assert absent not in flat, f"{absent!r} printed"


DARK_PAGES = {
    "article": lambda site: site.seed.get_absolute_url(),
    "home": lambda site: "/",
    "salaries": lambda site: "/maaslar/",
    "search": lambda site: "/ara/?q=musteri",
    "open-data": lambda site: "/api/",
    "methodology": lambda site: "/maaslar/nasil-derleniyor/",
    "compare": lambda site: f"/karsilastir/{site.seed.slug}/{site.popular.slug}/",
    "not-found": lambda site: "/yok-boyle/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", DARK_PAGES)
def test_both_colour_schemes_pass_axe(open_page, site, name, scheme):
    page = open_page(DARK_PAGES[name](site), width=PHONE, color_scheme=scheme)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(16, 22, 29)" if scheme == "dark" else "rgb(255, 255, 255)")
    assert_no_axe_violations(page)
    assert_fits_width(page)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    assert_no_axe_violations(page)


def test_open_data_page_keyboard(open_page, site):
    page = open_page("/api/", width=PHONE, reduced_motion="reduce")
    assert_keyboard_reaches_everything(page)


def test_copy_link_field_works_without_javascript(open_page, site):
    page = open_page(site.seed.get_absolute_url(), javascript=False)
    field = page.get_by_label("Kopyalanacak bağlantı")
    address = f"{settings.SITE_URL}{site.seed.get_absolute_url()}"  # the canonical address
    expect(field).to_have_value(address)
    expect(field).not_to_be_editable()
    field.click()
    page.keyboard.press("Control+A")
    selected = page.evaluate(
        "() => { const f = document.activeElement;"
        " return f.value.slice(f.selectionStart, f.selectionEnd); }"
    )
    assert selected == address  # selectable, ready to copy
    assert page.get_by_role("button", name="Kopyala").count() == 0
    for name in ("WhatsApp", "LinkedIn", "X", "E-posta"):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()


def test_copy_button_copies_the_address(open_page, site):
    page = watch_csp(
        open_page(site.seed.get_absolute_url(), permissions=["clipboard-read", "clipboard-write"])
    )
    page.reload()  # watched from the first byte: share.js runs under the enforced policy
    page.get_by_role("button", name="Kopyala").click()
    expect(page.get_by_role("status").filter(has_text="Bağlantı kopyalandı.")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(site.seed.get_absolute_url())
    assert page.failed_requests == [] and page.csp_violations == []


def test_open_data_page_and_manifest_under_the_policy(open_page, site):
    page = watch_csp(open_page("/api/"))
    page.reload()
    manifest = page.evaluate("fetch('/manifest.webmanifest').then(r => r.json())")
    assert manifest["name"] == "Meslek Rehberi"
    assert page.failed_requests == [] and page.csp_violations == []
