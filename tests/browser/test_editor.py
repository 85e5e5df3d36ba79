"""An editor updates a salary in the admin, and readers see the new figure at once."""

import re
import secrets
from decimal import Decimal

from django.core.management import call_command
from playwright.sync_api import expect

from careers.salaries import payroll
from careers.turkish import format_money

from .checks import article_title, heading

SEED_AVERAGE_2023 = re.compile(r"^2023 Yılı Ortalama Maaş: 5\.000 TL ")
NEW_AVERAGE_2023 = re.compile(r"^2023 Yılı Ortalama Maaş: 5\.750 TL \(\d+,\d\d TL/saat\)")


def make_editor(monkeypatch):
    """An editor account made as `make editor` makes it (staff, "Editörler" group), with a
    random password that lives only in this test."""
    password = secrets.token_urlsafe(16)
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", password)
    call_command("createeditor", "--noinput", "--username", "redaktor", verbosity=0)
    return "redaktor", password


def test_editor_changes_a_salary_and_readers_see_it(open_page, site, monkeypatch):
    seed = site.seed
    # A reader has the article open: the page is now in the page cache.
    reader = open_page(seed.get_absolute_url())
    expect(reader.get_by_text(SEED_AVERAGE_2023)).to_be_visible()

    username, password = make_editor(monkeypatch)
    admin = open_page("/yonetim/")
    admin.get_by_label("Kullanıcı adı").fill(username)
    admin.get_by_label("Parola").fill(password)
    admin.get_by_role("button", name="Oturum aç").click()

    admin.get_by_role("link", name="Meslekler", exact=True).first.click()
    admin.get_by_role("link", name=seed.title, exact=True).click()
    expect(admin.get_by_label("Meslek adı")).to_have_value(seed.title)

    # The salary figures of 2023, in the article's inline table.
    row = admin.locator("tr").filter(has=admin.locator("input[name$='-year'][value='2023']"))
    average = row.locator("input[name$='-average']")
    expect(average).to_have_value("5.000")  # shown the Turkish way, typed the Turkish way
    average.fill("5.750")
    admin.get_by_role("button", name="Kaydet", exact=True).last.click()
    expect(admin.get_by_text("başarılı olarak değiştirildi")).to_be_visible()

    # Live on the site at once, for the reader who had the cached page too.
    reader.reload()
    expect(heading(reader, article_title(seed), 1)).to_be_visible()
    expect(reader.get_by_text(NEW_AVERAGE_2023)).to_be_visible()
    expect(reader.get_by_text(SEED_AVERAGE_2023)).to_have_count(0)


def test_editor_sees_a_figure_on_the_other_basis_as_they_type(open_page, site, monkeypatch):
    username, password = make_editor(monkeypatch)
    admin = open_page("/yonetim/")
    admin.get_by_label("Kullanıcı adı").fill(username)
    admin.get_by_label("Parola").fill(password)
    admin.get_by_role("button", name="Oturum aç").click()
    admin.goto(f"/yonetim/articles/role/{site.popular.pk}/change/")
    row = admin.locator("tr").filter(has=admin.locator("input[name$='-year'][value='2026']"))
    average = row.locator("input[name$='-average']")
    shown = row.locator("input[name$='-average'] + .converted-typed")
    expect(shown).to_have_text(re.compile(r"^≈ [\d.]+ TL brüt, 2026 kurallarıyla$"))  # at once
    before = shown.inner_text()
    average.fill("45.000")
    expect(shown).not_to_have_text(before)
    gross = format_money(payroll.gross_for_average_net(Decimal(45000), 2026), 0)
    expect(shown).to_have_text(f"≈ {gross} brüt, 2026 kurallarıyla")
    row.locator("select[name$='-pay_basis']").select_option("gross")
    net = format_money(payroll.average_net(Decimal(45000), 2026), 0)
    expect(shown).to_have_text(f"≈ {net} net, 2026 kurallarıyla")
    average.fill("45000.50")
    expect(shown).to_contain_text("belirsiz")  # the Turkish amount rule, as the form's own
