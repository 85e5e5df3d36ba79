"""The net/gross calculator in a real browser: with JavaScript off at 375 px (a plain GET form,
axe finds nothing, nothing scrolls sideways, each column's heading leads to its rule), and
with JavaScript on, updating as the reader types under the enforced CSP.

axe-core is JavaScript: it runs on the same address opened with JavaScript on, before anything
is typed (the page's script only acts on input, so the document is the one a reader without
JavaScript gets)."""

import re

import pytest
from playwright.sync_api import expect

from .checks import assert_fits_width, assert_no_axe_violations, heading
from .conftest import PHONE

URL = "/maaslar/net-brut/"


@pytest.fixture
def site(shared_site, db):
    """These tests only read: the demo content is loaded once for the module."""
    return shared_site


def axe_at(open_page, url):
    """axe on ``url`` at 375 px (see the module's note), in the light and the dark scheme."""
    for scheme in ("light", "dark"):
        page = open_page(url, width=PHONE, reduced_motion="reduce", color_scheme=scheme)
        assert_no_axe_violations(page)


def test_with_javascript_off_a_phone_gets_the_months_and_the_rules(open_page, site):
    page = open_page(URL, width=PHONE, javascript=False, reduced_motion="reduce")
    expect(heading(page, "Net brüt maaş hesaplama", 1)).to_be_visible()
    axe_at(open_page, URL)  # the empty form, with the current year's rules
    page.get_by_label("Aylık tutar (TL)").fill("45.000")
    page.get_by_label("Net, yılın aylık ortalaması (sitedeki rakamlar gibi)").check()
    page.get_by_label("Yıl", exact=True).select_option("2026")
    page.get_by_role("button", name="Hesapla").click()
    expect(page).to_have_url(re.compile(r"\?tutar=45\.000&tur=net&yil=2026$"))
    expect(page.locator("#net-brut-ozet")).to_contain_text(
        re.compile(r"2026 yılında aylık ortalama 45\.000,00 TL net için, .* her ay [\d.]+,\d\d TL")
    )
    table = page.get_by_role("table", name=re.compile("2026 yılında her ayın bordrosu"))
    expect(table.get_by_role("row")).to_have_count(1 + 12 + 2)  # heading, months, totals
    expect(page.get_by_label("Aylık tutar (TL)")).to_have_value("45.000")  # kept as typed
    assert_fits_width(page)  # the table scrolls inside its box, not the page
    axe_at(open_page, page.url)
    table.get_by_role("link", name="Damga vergisi", exact=True).click()
    expect(page).to_have_url(re.compile("#kural-damga-vergisi$"))
    expect(heading(page, "Damga vergisi", 3)).to_be_in_viewport()
    assert page.failed_requests == []


def test_a_bad_amount_is_answered_in_turkish_beside_the_box(open_page, site):
    page = open_page(URL + "?tutar=6.75&tur=brut&yil=2026", width=PHONE, javascript=False)
    box = page.get_by_label("Aylık tutar (TL)")
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_accessible_description(re.compile("“6.75” belirsiz"))
    axe_at(open_page, page.url)


def test_with_javascript_it_updates_as_the_reader_types(open_page, site):
    page = open_page(URL, width=PHONE)
    blocked = []
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    page.get_by_label("Aylık tutar (TL)").press_sequentially("30.000", delay=30)
    summary = page.locator("#net-brut-ozet")
    expect(summary).to_contain_text("30.000,00 TL brüt")  # no button pressed
    expect(page.locator(".payslip-table tbody tr")).to_have_count(12)
    expect(page).to_have_url(re.compile(r"tutar=30\.000"))  # an address to share
    page.get_by_label("Net, her ay aynı (net ücret anlaşması)").check()
    expect(summary).to_contain_text("her ayı 30.000,00 TL net için")
    page.get_by_label("Aylık tutar (TL)").fill("6.75")
    box = page.get_by_label("Aylık tutar (TL)")
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#tutar-hata")).to_contain_text("belirsiz")
    page.get_by_label("Aylık tutar (TL)").fill("31.000")
    expect(box).not_to_have_attribute("aria-invalid", "true")
    expect(summary).to_contain_text("31.000,00 TL net")
    assert_no_axe_violations(page)
    assert blocked == [] and page.failed_requests == []


def test_a_figure_on_an_article_leads_to_its_calculation(open_page, site):
    page = open_page(site.popular.get_absolute_url(), width=PHONE, javascript=False)
    link = page.locator("#maas a.converted").first
    expect(link).to_have_text(re.compile(r"^≈ [\d.]+ TL brüt, 2026 kurallarıyla$"))
    shown = int(re.search(r"≈ ([\d.]+) TL", link.inner_text())[1].replace(".", ""))
    link.click()
    summary = page.locator("#net-brut-ozet")
    expect(summary).to_contain_text("2026 kurallarıyla her ay")
    exact = re.search(r"her ay ([\d.]+,\d\d) TL brüt", summary.inner_text())[1]
    assert abs(float(exact.replace(".", "").replace(",", ".")) - shown) <= 0.5  # the same gross
