"""A reader's journey through the site, as they see it, on a phone, a desktop and without JS."""

import re

import pytest
from playwright.sync_api import expect

from .checks import TURKISH_AVERAGE_SALARY, article_title, assert_fits_width, heading
from .conftest import DESKTOP, PHONE


@pytest.fixture
def site(shared_site, db):
    """These tests only read: the demo content is loaded once for the module (each test runs
    in a transaction that is rolled back)."""
    return shared_site


JOURNEYS = {
    "phone-via-sector": {"width": PHONE, "javascript": True, "via": "sector"},
    "desktop-via-a-z": {"width": DESKTOP, "javascript": True, "via": "a-z"},
    "phone-no-javascript": {"width": PHONE, "javascript": False, "via": "sector"},
}


@pytest.mark.parametrize("journey", JOURNEYS.values(), ids=JOURNEYS.keys())
def test_reader_journey(open_page, site, journey):
    seed, popular = site.seed, site.popular
    page = open_page("/", width=journey["width"], javascript=journey["javascript"])

    # Home: the site's name, its sectors and the A–Z list.
    expect(heading(page, "Meslek Rehberi", 1)).to_be_visible()
    expect(heading(page, "Sektörler", 2)).to_be_visible()
    assert_fits_width(page)

    # ... to a sector page or the A–Z list, and on to the seed article.
    if journey["via"] == "sector":
        page.get_by_role("link", name=site.sector.name, exact=True).click()
        expect(heading(page, f"{site.sector.name} meslekleri", 1)).to_be_visible()
    else:
        page.get_by_role("navigation", name="Ana menü").get_by_role(
            "link", name="A’dan Z’ye meslekler"
        ).click()
        expect(heading(page, "A’dan Z’ye meslekler", 1)).to_be_visible()
        # One initial at a time: the seed's is "M".
        page.get_by_role("navigation", name="Baş harfler").get_by_role(
            "link", name="M", exact=True
        ).click()
        expect(heading(page, "M", 2)).to_be_visible()
    assert_fits_width(page)
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("link", name=seed.title, exact=True)
    )
    expect(card).to_contain_text("2023 ortalaması: 5.000 TL")
    card.get_by_role("link", name=seed.title, exact=True).click()

    # The seed article: its title, lead and salary figures in Turkish format.
    expect(page).to_have_url(site(seed.get_absolute_url()))
    expect(heading(page, article_title(seed), 1)).to_be_visible()
    expect(page.get_by_text(seed.lead)).to_be_visible()
    salary = page.get_by_text(re.compile(r"^2023 Yılı Ortalama Maaş: 5\.000 TL \(25,20 TL/saat\)"))
    top = page.get_by_text("2023 Yılı Üst Düzey Maaşları: 8.000 TL (38,70 TL/saat)", exact=True)
    assert_fits_width(page)

    # Table of contents: "Maaş" brings the salary section into view.
    salary_heading = heading(page, f"{seed.title} Maaşı Ne Kadar?", 2)
    expect(salary_heading).not_to_be_in_viewport()
    page.get_by_role("navigation", name="İçindekiler").get_by_role(
        "link", name="Maaş", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"#maas$"))
    expect(salary_heading).to_be_in_viewport()
    expect(salary).to_be_visible()
    expect(top).to_be_visible()

    # "En Popüler:" leads to a related role's article.
    popular_link = page.get_by_role("link", name=article_title(popular), exact=True)
    expect(page.locator("p", has=popular_link)).to_contain_text("En Popüler:")
    popular_link.click()
    expect(page).to_have_url(site(popular.get_absolute_url()))
    expect(heading(page, article_title(popular), 1)).to_be_visible()
    expect(page.get_by_text(TURKISH_AVERAGE_SALARY).first).to_be_visible()
    assert_fits_width(page)

    # At the bottom of the article, "Başa dön" takes the reader back to the top.
    back = page.get_by_role("link", name="Başa dön")
    back.scroll_into_view_if_needed()
    brand = page.get_by_role("link", name="Meslek Rehberi", exact=True)
    expect(brand).not_to_be_in_viewport()
    back.click()
    expect(page).to_have_url(re.compile(r"#basa-don$"))
    expect(brand).to_be_in_viewport()
    assert page.failed_requests == []


def test_a_reader_is_counted_once_by_the_articles_hidden_beacon(open_page, site):
    """Reads are counted by an image the page loads (the page itself may come from a cache
    that runs no Python): one read per page view, nothing visible."""
    from django.core.cache import cache

    from careers.articles import reads

    counter = reads.counter_key(site.seed.slug)  # reads counted, not yet written
    before = cache.get(counter) or 0
    page = open_page(site.seed.get_absolute_url(), javascript=False)
    page.wait_for_load_state("load")
    expect(page.locator('img[src^="/okundu/"]')).to_be_hidden()
    assert (cache.get(counter) or 0) == before + 1
