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
