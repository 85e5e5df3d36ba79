"""A reader shares their salary from the article on a phone with JavaScript off; the nightly
batch holds it as an outlier; an editor accepts it; the next batch counts it."""

import pytest
from playwright.sync_api import expect

from .checks import assert_fits_width, assert_no_axe_violations, heading
from .test_editor import make_editor

PHONE = 375


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """A person takes seconds to fill the form in; the test at once (the live server shares
    these settings, read when the form is posted)."""
    settings.REPORTS_MIN_FILL_SECONDS = 0


def axe_at_phone(open_page, url, open_form=False):
    """axe is a script: Playwright cannot run it in a page with JavaScript off (it waits for
    ever). The same address, the same HTML, looked at again at 375 px with it on."""
    page = open_page(url, width=PHONE)
    if open_form:
        page.get_by_text("Maaşını paylaş", exact=True).click()
        expect(page.locator("form.report-form")).to_be_visible()
    assert_fits_width(page)
    assert_no_axe_violations(page)
    page.context.close()


def twelve_readers(role):
    from tests.factories import make_report

    for i in range(12):
        make_report(role, 30_000 + 500 * i, experience=("0-1", "2-4", "5-9", "10+")[i % 4])


def test_a_reader_shares_their_salary_with_js_off_and_an_editor_accepts_it(
    open_page, site, monkeypatch
):
    from careers.salaries.reports import batch
    from careers.salaries.reports.models import Report

    role = site.seed
    twelve_readers(role)
    batch.run("nightly")

    reader = open_page(role.get_absolute_url(), width=PHONE, javascript=False)
    block = reader.locator("section.reader-reports")
    expect(heading(reader, "Okurların bildirdiği maaşlar", 3)).to_be_visible()
    expect(block.get_by_text("12 bildirim", exact=False)).to_be_visible()
    reader.get_by_text("Maaşını paylaş", exact=True).click()  # <details>: no script needed
    form = reader.locator("form.report-form")
    form.get_by_label("Çalıştığınız il").select_option(label="İzmir")
    form.get_by_label("5–9 yıl").check()
    form.get_by_label("Aylık maaşınız (TL)").fill("360.000")  # a yearly figure, typed monthly
    form.get_by_label("net", exact=True).check()
    form.get_by_label("tam zamanlı").check()
    assert_fits_width(reader)
    axe_at_phone(open_page, reader.url, open_form=True)
    form.get_by_role("button", name="Maaşımı gönder").click()
    expect(reader.get_by_text("Teşekkürler: bildiriminiz bize ulaştı.")).to_be_visible()
    assert_fits_width(reader)
    axe_at_phone(open_page, reader.url)
    report = Report.objects.get(amount=360_000)
    assert (report.province, report.experience, report.status) == (35, "5-9", "accepted")

    # Nothing public changed; the night's batch holds it as an outlier, not counted.
    reader.goto(role.get_absolute_url())
    expect(block.get_by_text("12 bildirim", exact=False)).to_be_visible()
    batch.run("nightly")
    report.refresh_from_db()
    assert report.status == "held"

    username, password = make_editor(monkeypatch)
    admin = open_page("/yonetim/")
    admin.get_by_label("Kullanıcı adı").fill(username)
    admin.get_by_label("Parola").fill(password)
    admin.get_by_role("button", name="Oturum aç").click()
    admin.get_by_role("link", name="Maaş bildirimleri").click()
    row = admin.locator("#result_list tbody tr").filter(has_text="360.000 TL")
    expect(row).to_contain_text("öteki bildirimlerinden çok farklı")
    row.locator("input[name='_selected_action']").check()
    admin.get_by_label("Eylem:").select_option(label="Onayla: sayılsın")
    admin.get_by_role("button", name="Git").click()
    expect(admin.get_by_text("1 bildirim onaylandı")).to_be_visible()
    admin.get_by_role("button", name="Şimdi yeniden hesapla").click()
    expect(admin.get_by_text("Rakamlar onaylı bütün bildirimlerden")).to_be_visible()

    reader.reload()
    expect(block.get_by_text("13 bildirim", exact=False)).to_be_visible()
    report.refresh_from_db()
    assert report.status == "accepted" and report.reviewed_by.username == username
