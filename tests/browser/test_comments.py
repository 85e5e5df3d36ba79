"""A visitor comments on an article: held for moderation, and nothing typed is ever lost."""

import pytest
from playwright.sync_api import expect

from .checks import assert_no_axe_violations, heading

COMMENT = "Çağrı merkezinde üç yıldır çalışıyorum; bu yazı ekip liderliğini çok iyi anlatmış."


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """A person takes seconds to write; the test types at once (the live server shares these
    settings, read when the form is posted)."""
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    settings.COMMENTS_FLOOD_SECONDS = 0


def comment_form(page):
    return page.locator("form").filter(has=page.get_by_role("button", name="Yorum gönder"))


def test_visitor_posts_a_comment_and_sees_it_awaits_moderation(open_page, site):
    page = open_page(site.seed.get_absolute_url() + "#yorum-yaz")
    expect(heading(page, "Bir cevap yazın", 2)).to_be_in_viewport()
    form = comment_form(page)
    form.get_by_label("İsim").fill("Ayşe Çelik")
    form.get_by_label("E-posta").fill("ayse@example.org")
    form.get_by_label("Yorum").fill(COMMENT)
    form.get_by_role("button", name="Yorum gönder").click()

    expect(page.get_by_text("Yorumunuz onay bekliyor.")).to_be_visible()
    expect(page.get_by_text(COMMENT)).to_be_visible()
    assert "ayse@example.org" not in page.content()  # the e-mail address is never shown
    assert_no_axe_violations(page)


def test_a_field_error_keeps_what_the_visitor_typed(open_page, site):
    page = open_page(site.seed.get_absolute_url())
    form = comment_form(page)
    form.get_by_label("İsim").fill("Ayşe Çelik")
    form.get_by_label("E-posta").fill("ayse@")
    form.get_by_label("Yorum").fill(COMMENT)
    form.get_by_role("button", name="Yorum gönder").click()

    expect(page.get_by_role("alert")).to_contain_text("yazdığınız her şey duruyor")
    expect(page.get_by_text("Geçerli bir e-posta adresi yazın")).to_be_visible()
    form = comment_form(page)
    expect(form.get_by_label("İsim")).to_have_value("Ayşe Çelik")
    expect(form.get_by_label("E-posta")).to_have_value("ayse@")
    expect(form.get_by_label("Yorum")).to_have_value(COMMENT)
    assert_no_axe_violations(page)

    # Corrected, it goes through.
    form.get_by_label("E-posta").fill("ayse@example.org")
    form.get_by_role("button", name="Yorum gönder").click()
    expect(page.get_by_text("Yorumunuz onay bekliyor.")).to_be_visible()
