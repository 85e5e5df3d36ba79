"""A reader searches for an occupation the way they would spell it, and gets there."""

import pytest
from playwright.sync_api import expect

from .checks import article_title, assert_fits_width, assert_no_axe_violations, heading
from .conftest import PHONE


@pytest.fixture
def site(shared_site, db):
    """These tests only read: the demo content is loaded once for the module (each test runs
    in a transaction that is rolled back)."""
    return shared_site


def test_a_search_finds_a_role(open_page, site):
    popular = site.popular  # Kredi Asistanı
    page = open_page("/", width=PHONE)
    search = page.get_by_role("search").first
    # Lower case with Turkish letters typed as a phone keyboard offers them.
    search.get_by_label("Meslek ara").fill("kredi asistanı")
    search.get_by_role("button", name="Ara").click()

    expect(heading(page, "“kredi asistanı” için arama sonuçları", 1)).to_be_visible()
    assert_fits_width(page)
    assert_no_axe_violations(page)
    page.get_by_role("link", name=popular.title, exact=True).first.click()
    expect(heading(page, article_title(popular), 1)).to_be_visible()


def test_search_without_turkish_letters_capitals_or_javascript(open_page, site):
    """Readers type on phones without Turkish letters, sometimes in capitals; the form is a
    plain GET, so it works with JavaScript off."""
    page = open_page("/meslekler/", width=PHONE, javascript=False)
    search = page.get_by_role("search").first
    search.get_by_label("Meslek ara").fill("MUSTERI HIZMETLERI")
    search.get_by_label("Meslek ara").press("Enter")
    expect(heading(page, "“MUSTERI HIZMETLERI” için arama sonuçları", 1)).to_be_visible()
    results = page.locator(".search-result h2 a")
    titles = results.all_inner_texts()[:2]
    assert sorted(titles) == ["Müşteri Hizmetleri Ekip Lideri", "Müşteri Hizmetleri Temsilcisi"]
    expect(page.locator(".search-result mark").first).to_be_visible()
    results.filter(has_text="Ekip Lideri").click()
    expect(heading(page, article_title(site.seed), 1)).to_be_visible()


def test_no_results_page_helps_the_reader_on(open_page, site):
    page = open_page("/ara/?q=astronot", width=PHONE)
    expect(page.get_by_text("astronot", exact=False).first).to_be_visible()
    page.get_by_role("link", name=site.sector.name).first.click()
    expect(page).to_have_url(site.url + site.sector.get_absolute_url())


def test_query_syntax_gives_a_normal_page_and_keeps_the_text(open_page, site):
    page = open_page("/ara/?q=m%C3%BC%C5%9Fteri*%22)%20--", width=PHONE)  # müşteri*") --
    expect(page.get_by_label("Meslek ara").first).to_have_value('müşteri*") --')
    expect(page.get_by_text("meslek bulundu").first).to_be_visible()
    page = open_page("/ara/?q=%22NEAR(", width=PHONE)
    expect(page.get_by_text("ile eşleşen meslek bulunamadı").first).to_be_visible()
    page = open_page("/ara/?q=%22(*)", width=PHONE)
    expect(page.get_by_label("Meslek ara").first).to_have_value('"(*)')
    expect(page.get_by_text("Aramanızda aranacak harf ya da rakam yok.")).to_be_visible()
