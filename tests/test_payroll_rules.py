"""The payroll rules as editors keep them: the seeded table, the admin (Turkish amounts, the
tariff typed a bracket a line, sources required, history), what a change to them invalidates,
the converted figure beside a band as an editor types, and what the data-quality page says
(a new year's rules missing in January, a number missing, the minimum wage check)."""

import datetime as dt
import json
import re
from decimal import Decimal as D

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from careers.salaries import payroll
from careers.salaries.models import PayrollParameters
from careers.salaries.payroll import Payroll
from careers.salaries.payroll_params import PERIODS
from careers.site.editors import EDITOR_GROUP, REVIEWER_GROUP

from .adminforms import changeform_data, inline_prefix
from .factories import make_band, make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db

#: 5 January 2027 in Istanbul: a new year whose rules nobody has entered yet.
JANUARY_2027 = dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)
#: New Year's Eve at 21:30 UTC: already 1 January 2027 in Istanbul.
NEW_YEAR_IN_ISTANBUL = dt.datetime(2026, 12, 31, 21, 30, tzinfo=dt.UTC)
DECEMBER_2026 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def rules_of(date):
    return PayrollParameters.objects.get(effective_from=date)


# --- The seeded table -----------------------------------------------------------------------


def test_the_migration_seeds_exactly_the_sourced_periods_with_every_source():
    assert PayrollParameters.objects.periods() == PERIODS  # numbers and sources, 2023-2026
    first = rules_of("2026-01-01")
    assert (first.sgk_employee_percent, first.stamp_tax_percent) == (D("14"), D("0.759"))
    assert first.wage_brackets[0] == {"upper": "190000", "percent": "15"}
    assert "Seri No: 332" in first.wage_brackets_source
    assert all(
        getattr(row, name)
        for row in PayrollParameters.objects.all()
        for name in (f.name for f in PayrollParameters._meta.fields)
        if name.endswith("_source")
    )


def test_the_table_gives_the_official_minimum_wage_nets():
    arithmetic = Payroll(PayrollParameters.objects.periods())
    for row in PayrollParameters.objects.all():
        earlier = [D("10008.00")] * 6 if row.effective_from == dt.date(2023, 7, 1) else []
        month = row.effective_from.month
        got = arithmetic.net(
            row.minimum_wage_gross, row.effective_from.year, month, earlier=earlier
        )
        assert got == row.minimum_wage_net


# --- The admin ------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    from careers.site.editors import setup_editor_group

    group, _skipped = setup_editor_group()
    user = User.objects.create_user("editor", password="x", is_staff=True)  # noqa: S106
    user.groups.add(group)
    client.force_login(user)
    assert group.name == EDITOR_GROUP
    return client


def change_url(row):
    return reverse("admin:salaries_payrollparameters_change", args=[row.pk])


def test_editors_see_the_rules_as_written_in_the_official_texts(editor_client):
    listing = editor_client.get(reverse("admin:salaries_payrollparameters_changelist"))
    assert listing.status_code == 200
    text = text_of(listing)
    assert "1 Ocak 2026" in text and "33.030 %14 %1 × 9 5 dilim, %15–%40 %0,759" in text
    page = editor_client.get(change_url(rules_of("2023-07-01")))
    html = page.content.decode()
    assert 'value="13.414,50"' in html and 'value="0,759"' in html and 'value="7,5"' in html
    tariff = page.context["adminform"].form["wage_brackets"].value()
    shown = page.context["adminform"].form.fields["wage_brackets"].prepare_value(tariff)
    assert shown.splitlines() == [
        "70.000: %15", "150.000: %20", "550.000: %27", "1.900.000: %35", "fazlası: %40",
    ]  # fmt: skip


def edit(client, row, **changes):
    """Post the change form as the browser would send it unchanged, with ``changes``."""
    page = client.get(change_url(row))
    data = changeform_data(page)
    form = page.context["adminform"].form
    data["wage_brackets"] = form.fields["wage_brackets"].prepare_value(
        form["wage_brackets"].value()
    )
    data["minimum_wage_exemption"] = "true"  # the yes/no/unknown select's value
    data.update(changes)
    return client.post(change_url(row), data)


def test_an_edit_is_read_the_turkish_way_and_kept_in_the_history(editor_client):
    row = rules_of("2026-01-01")
    response = edit(
        editor_client, row,
        wage_brackets="190.000: %15\n400.000: %20\n1.500.000: %27\n5.300.000: %35\nfazlası: %40,5",
        stamp_tax_percent="0,76",
    )  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    row.refresh_from_db()
    assert row.stamp_tax_percent == D("0.76")
    assert row.wage_brackets[-1] == {"upper": None, "percent": "40.5"}
    assert row.as_period().wage_brackets[-1].rate == D("0.405")
    seed, change = row.history.order_by("history_date")
    assert seed.history_change_reason == "careers/salaries/payroll_params.py"  # the migration
    assert seed.stamp_tax_percent == D("0.759") and change.stamp_tax_percent == D("0.76")
    assert change.history_user.username == "editor"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"effective_from": "2026-07-15"}, "effective_from", "bir ayın ilk günü başlar"),
        ({"stamp_tax_source": ""}, "stamp_tax_source", "Bu sayının kaynağını yazın."),
        ({"sgk_employee_percent": "6.75"}, "sgk_employee_percent", "belirsiz"),
        ({"sgk_employee_percent": "140"}, None, "Yüzde 0 ile 100 arasında olur."),
        ({"wage_brackets": "190.000 %15\nfazlası %40"}, None, None),  # no colon needed
        ({"wage_brackets": "190.000: 15"}, "wage_brackets", "1. satır"),
        ({"wage_brackets": "400.000: %20\n190.000: %15\nfazlası: %40"}, "wage_brackets",
         "bir öncekinden yüksek"),
        ({"wage_brackets": "190.000: %15\n400.000: %20"}, "wage_brackets", "son dilimin"),
        ({"wage_brackets": "190.000: %20\nfazlası: %15"}, "wage_brackets", "düşük olamaz"),
        ({"minimum_wage_net": "40.000"}, "minimum_wage_net", "brütten yüksek olamaz"),
    ],
)  # fmt: skip
def test_bad_rules_are_refused_with_a_turkish_message(editor_client, changes, field, message):
    row = rules_of("2026-01-01")
    response = edit(editor_client, row, **changes)
    if message is None:
        assert response.status_code == 302
        return
    assert response.status_code == 200
    form = response.context["adminform"].form
    errors = form.errors.get(field, []) if field else form.errors.get("__all__", [])
    assert any(message in error for error in errors), form.errors
    row.refresh_from_db()
    assert row.as_period() == PERIODS[-1]  # nothing stored


def test_the_tariff_is_the_same_all_year(editor_client):
    response = edit(
        editor_client, rules_of("2023-07-01"),
        wage_brackets="80.000: %15\n150.000: %20\n550.000: %27\n1.900.000: %35\nfazlası: %40",
    )  # fmt: skip
    errors = response.context["adminform"].form.errors["wage_brackets"]
    assert "Gelir vergisi tarifesi yıllıktır: 1 Ocak 2023 tarihli kurallarda" in errors[0]


def test_anonymous_readers_and_strangers_cannot_reach_the_rules(client):
    url = reverse("admin:salaries_payrollparameters_changelist")
    assert client.get(url).status_code == 302  # to the sign-in page
    convert = reverse("admin:salaries_payrollparameters_convert")
    assert client.get(convert, {"yil": 2026, "tur": "net", "tutar": "40.000"}).status_code == 302
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert client.get(url).status_code == 403
    assert client.get(convert, {"yil": 2026, "tur": "net", "tutar": "40.000"}).status_code == 403


def test_editors_add_and_correct_rules_but_only_the_board_removes_a_period(editor_client):
    """Least privilege: a period's removal takes every counterpart of its months off the site,
    so it is the editorial board's; editors enter a new year and correct a number."""
    row = rules_of("2024-01-01")
    changelist = reverse("admin:salaries_payrollparameters_changelist")
    delete = reverse("admin:salaries_payrollparameters_delete", args=[row.pk])
    page = editor_client.get(changelist)
    assert page.status_code == 200
    assert "delete_selected" not in page.content.decode()  # no bulk removal offered
    assert editor_client.get(reverse("admin:salaries_payrollparameters_add")).status_code == 200
    change = editor_client.get(reverse("admin:salaries_payrollparameters_change", args=[row.pk]))
    assert change.status_code == 200 and delete not in change.content.decode()  # no Sil link
    assert editor_client.get(delete).status_code == 403
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    bulk = {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
    editor_client.post(changelist, bulk)
    assert PayrollParameters.objects.filter(pk=row.pk).exists()
    board = User.objects.create_user("kurul", is_staff=True)
    board.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    client = Client()
    client.force_login(board)
    assert client.get(delete).status_code == 200
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not PayrollParameters.objects.filter(pk=row.pk).exists()
    assert PayrollParameters.history.filter(id=row.pk, history_type="-").count() == 1  # kept


# --- The converted figure beside each band, as an editor types -----------------------------


def test_the_convert_address_answers_what_the_site_shows(editor_client):
    url = reverse("admin:salaries_payrollparameters_convert")
    answer = editor_client.get(url, {"yil": "2025", "tur": "net", "tutar": "45.000"}).json()
    gross = payroll.gross_for_average_net(D("45000"), 2025)
    assert answer == {"text": f"≈ {format_whole(gross)} TL brüt, 2025 kurallarıyla"}
    answer = editor_client.get(url, {"yil": "2025", "tur": "gross", "tutar": "45.000"}).json()
    assert answer["text"].startswith(f"≈ {format_whole(payroll.average_net(D('45000'), 2025))}")
    assert editor_client.get(
        url, {"yil": "2025", "tur": "unspecified", "tutar": "45.000"}
    ).json() == {"text": ""}
    refused = editor_client.get(url, {"yil": "2025", "tur": "net", "tutar": "45000.50"}).json()
    assert refused["error"] and "belirsiz" in refused["text"]
    assert editor_client.get(url, {"yil": "2022", "tur": "net", "tutar": "45.000"}).json() == {
        "text": "brüt karşılığı yok: 2022 bordro kuralları henüz girilmedi"
    }
    assert editor_client.get(url, {"yil": "x", "tur": "net", "tutar": "1"}).json() == {"text": ""}


def format_whole(amount):
    from careers.turkish import format_number

    return format_number(amount, 0)


def test_every_band_box_asks_for_its_converted_figure(editor_client):
    role = make_role()
    band = make_band(role, year=2025, average="45000", top="60000")
    page = editor_client.get(reverse("admin:salaries_salaryband_change", args=[band.pk]))
    html = page.content.decode()
    assert "salaries/admin/converted.js" in html
    url = reverse("admin:salaries_payrollparameters_convert")
    boxes = re.findall(r'<input[^>]*name="(\w+)"[^>]*data-convert-url="([^"]+)"', html)
    boxes += re.findall(r'<input[^>]*data-convert-url="([^"]+)"[^>]*name="(\w+)"', html)
    assert {name for name, address in boxes if address == url} == {"low", "average", "top"}
    article = editor_client.get(reverse("admin:articles_role_change", args=[role.pk]))
    prefix = inline_prefix(article, "salaryband")
    assert f'name="{prefix}-0-average"' in article.content.decode()
    assert article.content.decode().count(f'data-convert-url="{url}"') >= 3
    listing = editor_client.get(reverse("admin:salaries_salaryband_changelist"))
    gross = format_whole(payroll.gross_for_average_net(D("45000"), 2025))
    assert (
        f'data-year="2025" data-basis="net">≈ {gross} TL brüt, 2025 kurallarıyla'
        in listing.content.decode()
    )


# --- A change to the rules invalidates exactly the pages showing converted figures ---------


def test_a_change_to_the_rules_renders_again_only_the_pages_converting_figures(client):
    net_role = make_role("Net Meslek")
    make_band(net_role, year=2025, average="45000", top="60000")
    vague_role = make_role("Belirsiz Meslek")
    make_band(vague_role, year=2025, average="45000", top="60000", pay_basis="unspecified")
    pages = [net_role.get_absolute_url(), vague_role.get_absolute_url(), "/maaslar/"]
    for url in pages:
        assert client.get(url)["X-Page-Cache"] == "miss"
    assert "payroll" in client.get(net_role.get_absolute_url())["xkey"].split()
    assert "payroll" not in client.get(vague_role.get_absolute_url())["xkey"].split()
    before = text_of(client.get(net_role.get_absolute_url()), 'id="maas"', "</section>")
    row = rules_of("2025-01-01")
    row.stamp_tax_percent = D("1")
    row.save()
    assert client.get(vague_role.get_absolute_url())["X-Page-Cache"] == "hit"
    for url in (net_role.get_absolute_url(), "/maaslar/"):
        assert client.get(url)["X-Page-Cache"] == "miss", url
    after = text_of(client.get(net_role.get_absolute_url()), 'id="maas"', "</section>")
    changed = Payroll(PayrollParameters.objects.periods()).gross_for_average_net(D("45000"), 2025)
    assert before != after and f"≈ {format_whole(changed)} TL brüt, 2025 kurallarıyla" in after


# --- The data-quality page -------------------------------------------------------------------


def quality(client, user):
    client.force_login(user)  # now: a session from before a time travel would have expired
    response = client.get(reverse("admin:salaries_salaryband_data_quality"))
    return response, text_of(response, 'id="payroll"', 'id="warnings"')


@pytest.mark.parametrize("instant", [JANUARY_2027, NEW_YEAR_IN_ISTANBUL], ids=["5-jan", "eve"])
def test_in_january_the_data_quality_page_says_the_new_years_rules_are_missing(
    client, admin_user, instant
):
    with time_machine.travel(instant, tick=False):
        make_band(make_role(), year=2026, average="45000", top="60000")
        _response, text = quality(client, admin_user)
    assert "2027 yılının bordro kuralları henüz eksiksiz girilmedi" in text
    assert "hesaplayıcı 2027 yılını hesaplayamıyor" in text


def test_in_december_the_rules_of_the_year_are_there(client, admin_user):
    with time_machine.travel(DECEMBER_2026, tick=False):
        make_band(make_role(), year=2026, average="45000", top="60000")
        response, text = quality(client, admin_user)
    assert response.context["report"].payroll == []
    assert "Bordro kuralları (net ve brüt) (0) Yok." in text


def test_the_data_quality_page_finds_a_missing_number_and_a_wrong_rate(client, admin_user):
    with time_machine.travel(DECEMBER_2026, tick=False):
        make_band(make_role(), year=2022, average="9000", top="12000")  # no 2022 rules
        new = rules_of("2026-01-01")
        new.sgk_employee_percent = D("15")  # a typo: 14 in the law
        new.save()
        PayrollParameters.objects.create(effective_from=dt.date(2026, 7, 1))
        _response, text = quality(client, admin_user)
    assert "2022 maaş rakamlarının bordro kuralları yok" in text
    assert "Eksik sayılar (1 Temmuz 2026 tarihli bordro kuralları): brüt asgari ücret" in text
    assert "2026 yılının bordro kuralları henüz eksiksiz girilmedi" in text  # July lacks all
    PayrollParameters.objects.filter(effective_from=dt.date(2026, 7, 1)).delete()
    with time_machine.travel(DECEMBER_2026, tick=False):
        _response, text = quality(client, admin_user)
    # with 15 % the minimum wage no longer gives its official net: by hand, 33.030 x (1 - 0,15 -
    # 0,01) = 27.745,20 (its taxes are all exempt)
    assert (
        "1 Ocak 2026 tarihli bordro kuralları brüt asgari ücreti (33.030,00 TL) 27.745,20 TL nete "
        "çeviriyor, ama resmî net 28.075,50 TL" in text
    )


def test_the_history_page_lists_each_change(admin_client):
    row = rules_of("2025-01-01")
    row.stamp_tax_percent = D("0.8")
    row.save()
    page = admin_client.get(reverse("admin:salaries_payrollparameters_history", args=[row.pk]))
    assert page.status_code == 200 and len(page.context["page_obj"].object_list) == 2


def test_the_json_is_what_the_pure_module_reads():
    row = rules_of("2024-01-01")
    assert json.loads(json.dumps(row.wage_brackets)) == row.wage_brackets
    assert row.as_period() == PERIODS[2]
