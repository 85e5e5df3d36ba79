"""The newsroom's journey on the production-like stack, in a real Chromium: editor A corrects the
seed's 2023 average; readers keep seeing 5.000 TL through the front cache and both app servers;
A cannot approve; B (Yayın kurulu) approves with a correction note; within 1 s the front and
both servers show the new figure, B as the reviewer with today's date, and the correction on
the article and on /duzeltmeler/.

Times are printed (``-s``) for the issue's closing note; the assertions are the deadlines a
reader would notice (1 s).
"""

import datetime as dt
import os
import re
import time
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect, sync_playwright

from careers import turkish
from tests.browser.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

from .conftest import staff_account
from .http import get
from .test_stack import (
    SEED,
    cached_everywhere,
    everywhere,
    role_field,
    seen_everywhere,
    set_average_from_the_shell,
    until,
)

pytestmark = pytest.mark.stack

CORRECTION = "2023 ortalaması kaynaktaki aylık rakamla düzeltildi."
THE_DIFF = re.compile(r"5\.000\s→\s5\.750")  # the history view's "old → new"


@pytest.fixture(scope="module")
def chromium():
    if not os.access(CHROMIUM_PATH, os.X_OK):
        pytest.fail(f"Chromium bulunamadı: {CHROMIUM_PATH} (sudo apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def signed_in(chromium, base, username, password):
    """A page of a new browser context on ``base``, signed in to the admin."""
    context = chromium.new_context(
        base_url=base,
        viewport={"width": 1280, "height": 900},
        locale="tr-TR",
        timezone_id="Europe/Istanbul",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/yonetim/login/?next=/yonetim/")
    page.get_by_label("Kullanıcı adı").fill(username)
    page.get_by_label("Parola").fill(password)
    page.get_by_role("button", name="Oturum aç").click()
    expect(page.get_by_role("link", name="Meslekler", exact=True).first).to_be_visible()
    return page


def average_2023(response):
    found = re.search(r"2023 Yılı Ortalama Maaş: ([\d.]+) TL", response.text)
    return found and found.group(1)


@pytest.fixture
def seed_as_in_the_demo(stack):
    """The seed's 2023 average as the demo has it (5.000 TL), before and after: the other
    stack tests start from it."""
    set_average_from_the_shell(stack, 5000)
    stack.wait_for_jobs()
    yield
    set_average_from_the_shell(stack, 5000)
    stack.wait_for_jobs()


@pytest.mark.usefixtures("seed_as_in_the_demo")
def test_a_correction_waits_for_a_second_editor_then_reaches_every_server(stack, chromium):
    cached_everywhere(stack, SEED)
    assert [average_2023(get(base, SEED)) for base in everywhere(stack)] == ["5.000"] * 3
    password_a = staff_account(stack, "e2e-ayse", "Editörler", "Ayşe", "Yılmaz")
    password_b = staff_account(stack, "e2e-mehmet", "Yayın kurulu", "Mehmet", "Demir")

    # Editor A, on app A, changes the 2023 average on the article's screen.
    editor = signed_in(chromium, stack.apps[0], "e2e-ayse", password_a)
    editor.goto(f"/yonetim/articles/role/{role_field(stack, SEED.split('/')[2], 'pk')}/change/")
    row = editor.locator("tr").filter(has=editor.locator("input[name$='-year'][value='2023']"))
    row.locator("input[name$='-average']").fill("5.750")
    editor.get_by_role("button", name="Kaydet", exact=True).last.click()
    expect(editor.get_by_text("Değişikliğiniz incelemeye gönderildi")).to_be_visible()
    expect(editor.get_by_text(THE_DIFF)).to_be_visible()
    expect(editor.get_by_role("button", name="Onayla ve yayımla")).to_have_count(0)
    expect(editor.get_by_text("Bu değişikliği siz önerdiniz")).to_be_visible()
    review_path = editor.url.removeprefix(stack.apps[0])

    # Readers still see 5.000 TL: nothing was written or purged.
    for base in everywhere(stack):
        assert average_2023(get(base, SEED)) == "5.000", base
    assert get(stack.front, SEED).header("x-cache") == "HIT"

    # A cannot approve their own change, even by sending the form by hand.
    token = editor.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    refused = editor.request.post(
        review_path.replace("/change/", "/onayla/"), form={"csrfmiddlewaretoken": token}
    )
    assert refused.status == 403
    assert average_2023(get(stack.front, SEED)) == "5.000"

    # Reviewer B, on app B, finds it on the dashboard and approves it as a correction.
    reviewer = signed_in(chromium, stack.apps[1], "e2e-mehmet", password_b)
    reviewer.goto("/yonetim/articles/revision/")
    waiting = reviewer.locator("#waiting")
    waiting.get_by_role("link", name="Müşteri Hizmetleri Ekip Lideri").first.click()
    expect(reviewer.get_by_text(THE_DIFF)).to_be_visible()
    reviewer.get_by_label("Düzeltme notu (herkese açık, isteğe bağlı)").fill(CORRECTION)
    clicked = time.monotonic()
    reviewer.get_by_role("button", name="Onayla ve yayımla").click()
    expect(reviewer.get_by_text("Onaylandı: okurlar")).to_be_visible()
    answered = time.monotonic() - clicked

    today = turkish.format_date(dt.datetime.now(ZoneInfo("Europe/Istanbul")).date())

    def shows_the_review(response):
        return (
            average_2023(response) == "5.750"
            and "Kontrol eden:" in response.text
            and ">Mehmet Demir</a>" in response.text
            and f">{today}</time>" in response.text
        )

    took = until(seen_everywhere(stack, SEED, shows_the_review))
    assert took is not None, "the approved figure, reviewer and date did not show everywhere in 1 s"
    print(
        f"\napproval answered in {answered:.3f} s; then figure, reviewer and date on front, A "
        f"and B after {took:.3f} s ({time.monotonic() - clicked:.3f} s from the click)"
    )
    note = f"Düzeltme, {today}:</strong> {CORRECTION}"
    took = until(seen_everywhere(stack, SEED, lambda r: note in r.text))
    assert took is not None, "the correction note did not reach the article everywhere"
    took = until(seen_everywhere(stack, "/duzeltmeler/", lambda r: CORRECTION in r.text))
    assert took is not None, "the correction did not reach /duzeltmeler/ everywhere"
    print(f"correction on /duzeltmeler/ (front, A and B) after {took:.3f} s")
    assert CORRECTION in get(stack.front, "/duzeltmeler/rss/").text

    # The reader sees it in the browser too, at the article's foot and under its title.
    reader = chromium.new_context(base_url=stack.front, locale="tr-TR").new_page()
    reader.goto(SEED)
    expect(reader.get_by_text(f"Son kontrol: {today}")).to_be_visible()
    expect(reader.locator("#duzeltmeler").get_by_text(CORRECTION)).to_be_visible()
    expect(reader.get_by_text("2023 Yılı Ortalama Maaş: 5.750 TL").first).to_be_visible()
