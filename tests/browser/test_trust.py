"""A reader on a phone with JavaScript off compares the seed role with Kredi Asistanı, reads
the salary notes and the methodology, and finds the KVKK notice from the comment form."""

import re

import pytest
from playwright.sync_api import expect

from .checks import (
    assert_fits_width,
    assert_keyboard_reaches_everything,
    assert_no_axe_violations,
    heading,
)
from .conftest import DESKTOP, PHONE

PAIR = "/karsilastir/kredi-asistani/musteri-hizmetleri-ekip-lideri/"
TITLE = "Kredi Asistanı ve Müşteri Hizmetleri Ekip Lideri karşılaştırması"


@pytest.fixture
def site(shared_site, db):
    """These tests only read: the demo content is loaded once for the module."""
    return shared_site


def test_compare_from_the_article_on_a_phone_without_javascript(open_page, site):
    page = open_page(site.seed.get_absolute_url(), width=PHONE, javascript=False)
    salary = page.locator("#maas")
    expect(salary.get_by_role("note")).to_contain_text(
        "Bu rakamlar 2023 yılına ait ve güncel olmayabilir."
    )
    expect(salary).to_contain_text("net/brüt: belirtilmemiş")
    expect(salary).to_contain_text("Maaş bilgileri 5 Ocak 2026'da güncellendi")
    salary.get_by_role("link", name="Müşteri Hizmetleri Ekip Lideri mesleğini başka").click()

    # The picker: a text box, resolved on the server (no JavaScript, no list of every role).
    expect(heading(page, "Meslekleri karşılaştırın", 1)).to_be_visible()
    assert_fits_width(page)
    page.get_by_label("Karşılaştırılacak meslek").fill("kredi asistani")
    page.get_by_role("button", name="Karşılaştır").click()

    expect(page).to_have_url(site(PAIR))
    expect(heading(page, TITLE, 1)).to_be_visible()
    for section in ("Maaşlar", "Eğitim ve sertifikalar", "İstihdam görünümü", "Beceriler",
                    "Çalışma şartları"):  # fmt: skip
        expect(heading(page, section, 2)).to_be_visible()
    glance = page.get_by_role("table", name="Bir bakışta")
    expect(glance).to_contain_text("net asgari ücretin 1,4 katı")
    expect(page.get_by_role("img", name="Yıllara göre Kredi Asistanı maaşı")).to_be_visible()
    expect(page.locator("#beceriler")).to_contain_text("Ortak beceriler")
    assert_fits_width(page)  # the table scrolls inside its box, the page does not
    assert page.failed_requests == []

    # Back to the article through the comparison, then a related card's "Karşılaştır".
    page.get_by_role(
        "link", name="Müşteri Hizmetleri Ekip Lideri makalesinin tamamını okuyun"
    ).click()
    related = page.locator("#ilgili-meslekler")
    # Its name starts with what it shows (WCAG 2.5.3), then says which two roles.
    name = re.compile(r"^Karşılaştır ?: Müşteri Hizmetleri Ekip Lideri ile Kredi Asistanı$")
    related.get_by_role("link", name=name).click()
    expect(page).to_have_url(site(PAIR))


@pytest.mark.parametrize("path", [PAIR, "/karsilastir/?meslek=kredi-asistani&diger=uzman"])
def test_comparison_pages_are_accessible(open_page, site, path):
    page = open_page(path, width=PHONE, reduced_motion="reduce")
    assert_no_axe_violations(page)
    assert_keyboard_reaches_everything(page)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    assert_no_axe_violations(page)


def test_kvkk_notice_from_the_comment_form_and_the_footer(open_page, site):
    page = open_page(site.seed.get_absolute_url(), width=PHONE, javascript=False)
    form = page.locator("form.comment-form")
    expect(form).to_contain_text("e-posta adresiniz hiçbir zaman gösterilmez")
    form.get_by_role("link", name="KVKK aydınlatma metni").click()
    expect(heading(page, "KVKK Aydınlatma Metni", 1)).to_be_visible()
    expect(page.get_by_text("IP adresleri 30 gün")).to_be_visible()
    assert_fits_width(page)
    footer = page.get_by_role("navigation", name="Site hakkında")
    footer.get_by_role("link", name="İletişim ve künye").click()
    expect(heading(page, "İletişim ve Künye", 1)).to_be_visible()
    page.get_by_role("navigation", name="Site hakkında").get_by_role(
        "link", name="Maaş rakamları nasıl derleniyor?"
    ).click()
    expect(page.get_by_role("table", name="Türkiye'de aylık asgari ücret")).to_contain_text(
        "28.075,50 TL"
    )


@pytest.mark.parametrize(
    "path",
    ["/kvkk-aydinlatma-metni/", "/iletisim/", "/yayin-ilkeleri/", "/maaslar/nasil-derleniyor/"],
)
def test_site_pages_are_accessible(open_page, site, path):
    page = open_page(path, width=PHONE, reduced_motion="reduce")
    assert_no_axe_violations(page)
    assert_keyboard_reaches_everything(page)
