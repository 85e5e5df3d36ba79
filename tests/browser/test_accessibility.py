"""Accessibility in the browser: axe-core finds nothing, and the keyboard reaches everything."""

import pytest

from .checks import assert_keyboard_reaches_everything, assert_no_axe_violations
from .conftest import DESKTOP, PHONE


@pytest.fixture
def site(shared_site, db):
    """These tests only read: the demo content is loaded once for the module (each test runs
    in a transaction that is rolled back)."""
    return shared_site


PAGES = {
    "home": lambda site: "/",
    "a-z": lambda site: "/meslekler/",
    "sector": lambda site: site.sector.get_absolute_url(),
    "article": lambda site: site.seed.get_absolute_url(),
    "related-article": lambda site: site.popular.get_absolute_url(),
    "salaries": lambda site: "/maaslar/?sirala=ortalama",
    "net-gross": lambda site: "/maaslar/net-brut/?tutar=45.000&tur=net-sabit&yil=2026",
    "skill": lambda site: "/beceriler/iletisim-becerisi/",
    "search-results": lambda site: "/ara/?q=musteri",
    "search-no-results": lambda site: "/ara/?q=astronot",
    "not-found": lambda site: "/meslekler/boyle-bir-meslek-yok/",
}


@pytest.mark.parametrize("name", PAGES.keys())
def test_page_is_accessible(open_page, site, name):
    """axe at phone and desktop width; then Tab through the page on the phone."""
    page = open_page(PAGES[name](site), width=DESKTOP, reduced_motion="reduce")
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": PHONE, "height": 800})
    assert_no_axe_violations(page)
    assert_keyboard_reaches_everything(page)
