"""The newsroom's pages in the browser: the byline, the corrections at the article's foot, an
author's page and /duzeltmeler/ are readable on a phone and axe finds nothing on them."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from careers.articles.models import Author, Correction, Role

from .checks import assert_no_axe_violations
from .conftest import DESKTOP, PHONE


@pytest.fixture
def newsroom(site):
    writer = Author.objects.create(name="Ayşe Yılmaz", slug="ayse-yilmaz", expertise="Ücretler")
    checker = Author.objects.create(name="Mehmet Demir", slug="mehmet-demir")
    Role.objects.filter(pk=site.seed.pk).update(
        author=writer, reviewed_by=checker, last_reviewed_at=timezone.now()
    )
    Correction.objects.create(role=site.seed, text="2023 ortalaması düzeltildi.")
    return site


PAGES = ["/meslekler/musteri-hizmetleri-ekip-lideri/", "/yazarlar/ayse-yilmaz/", "/duzeltmeler/"]


@pytest.mark.parametrize("path", PAGES)
def test_newsroom_pages_are_accessible(open_page, newsroom, path):
    page = open_page(path, width=DESKTOP, reduced_motion="reduce")
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": PHONE, "height": 800})
    assert_no_axe_violations(page)
    assert page.failed_requests == []


def test_the_byline_and_the_correction_on_a_phone(open_page, newsroom):
    page = open_page(newsroom.seed.get_absolute_url(), width=PHONE)
    byline = page.locator(".byline")
    expect(byline).to_contain_text("Yazan: Ayşe Yılmaz")
    expect(byline).to_contain_text("Kontrol eden: Mehmet Demir")
    expect(byline).to_contain_text("Son kontrol:")
    box = byline.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE  # no sideways scrolling
    expect(page.locator("#duzeltmeler")).to_contain_text("2023 ortalaması düzeltildi.")
    page.get_by_role("link", name="Ayşe Yılmaz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ayşe Yılmaz")
    expect(page.get_by_role("link", name="Müşteri Hizmetleri Ekip Lideri")).to_be_visible()
