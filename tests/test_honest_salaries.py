"""Honest salary blocks: net or gross, like-with-like minimum wage multiples, staleness and
below-minimum-wage notes, public update notes from the history, the methodology link."""

import datetime as dt
import re
from decimal import Decimal as D

import pytest
import time_machine
from django.urls import reverse

from careers import turkish
from careers.salaries import notices, payroll
from careers.salaries.models import SalaryBand

from .factories import make_band, make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db

#: 23:30 UTC is already 2 December in Istanbul: dates must follow the site's time zone.
LATE_EVENING = "2026-12-01 23:30:00+00:00"


def salary_block(response):
    return text_of(response, 'id="maas"', 'id="sartlar"')


@pytest.mark.parametrize(
    ("number", "suffix"),
    [(2026, "'da"), (2025, "'te"), (2024, "'te"), (2023, "'te"), (2020, "'de"), (2030, "'da"),
     (2040, "'ta"), (2027, "'de"), (2029, "'da"), (2000, "'de"), (1990, "'da"), (2100, "'de")],
)  # fmt: skip
def test_locative_suffix_follows_how_the_number_is_read(number, suffix):
    assert turkish.locative_suffix(number) == suffix


# --- The notice, without HTTP ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "average", "stale", "below"),
    [
        (2025, "40000", False, False),  # current, above today's 28.075,50
        (2024, "40000", True, False),  # older than SALARY_STALE_MONTHS (12)
        (2025, "20000", False, True),  # current but below today's net minimum wage
        (2023, "5000", True, True),  # the seed article
    ],
)
def test_salary_notice(settings, year, average, stale, below):
    settings.SALARY_STALE_MONTHS = 12
    today = dt.date(2026, 12, 2)
    notice = notices.salary_notice(year, D(average), D("28075.50"), today)
    if not stale and not below:
        assert notice is None
        return
    assert notice.stale == stale and (notice.minimum_today is not None) == below
    text = notice.text
    assert (f"Bu rakamlar {year} yılına ait ve güncel olmayabilir." in text) == stale
    assert ("bugün geçerli net asgari ücretin (28.075,50 TL) altında" in text) == below


def test_no_figures_no_notice():
    assert notices.salary_notice(None, None, D("28075.50")) is None


# --- The seed article (the "done when") ---------------------------------------------


@time_machine.travel(LATE_EVENING)
def test_seed_article_says_its_figures_are_old_unspecified_and_how_they_are_compiled(
    client, seed_role
):
    block = salary_block(client.get(seed_role.get_absolute_url()))
    assert "Not: Bu rakamlar 2023 yılına ait ve güncel olmayabilir." in block
    assert (
        "2023 ortalaması (5.000 TL), bugün geçerli net asgari ücretin (28.075,50 TL) altında."
        in block
    )
    assert "2023 Yılı Ortalama Maaş: 5.000 TL (25,20 TL/saat) net/brüt: belirtilmemiş" in block
    assert "asgari ücretin" not in block.split("altında.")[1]  # no multiple for an unknown basis
    assert "Maaş bilgileri 5 Ocak 2026'da güncellendi (2023 ortalaması 5.000 TL)." in block
    html = client.get(seed_role.get_absolute_url()).content.decode()
    assert f'<a href="{reverse("pages:methodology")}">Maaş rakamları nasıl derleniyor?</a>' in html


@time_machine.travel(LATE_EVENING)
def test_demo_net_figures_are_compared_with_the_net_minimum_wage(client, demo):
    block = salary_block(client.get("/meslekler/kredi-asistani/"))
    assert "2026 Yılı Ortalama Maaş: 39.000 TL (173,33 TL/saat) net" in block
    assert "net asgari ücretin 1,4 katı (28.075,50 TL)" in block
    assert "Not:" not in block  # current figures, above the minimum wage
    assert set(SalaryBand.objects.exclude(role__slug="musteri-hizmetleri-ekip-lideri")
               .values_list("pay_basis", flat=True)) == {"net"}  # fmt: skip


def test_gross_figures_are_compared_with_the_gross_minimum_wage(client):
    role = make_role("Brüt Meslek")
    make_band(role, year=2026, average="66060", top="90000", pay_basis="gross")
    block = salary_block(client.get(role.get_absolute_url()))
    assert "66.060 TL (293,60 TL/saat) brüt" in block
    assert "brüt asgari ücretin 2 katı (33.030,00 TL)" in block


@time_machine.travel(LATE_EVENING)
def test_cards_and_the_salary_page_carry_the_notice(client, demo):
    pages = ("/meslekler/?harf=m", "/maaslar/", "/sektorler/musteri-hizmetleri/", "/ara/?q=ekip")
    for url in pages:
        text = text_of(client.get(url))
        assert "Bu rakamlar 2023 yılına ait ve güncel olmayabilir." in text, url
    # the seed's related cards (Kredi Asistanı has current figures) carry no notice
    article = client.get("/meslekler/musteri-hizmetleri-ekip-lideri/")
    related = text_of(article, 'id="ilgili-meslekler"', 'id="yorumlar"')
    gross = turkish.format_money(payroll.gross_for_average_net(D("39000"), 2026), 0)
    card = f"Kredi Asistanı 2026 ortalaması: 39.000 TL net ≈ {gross} brüt, 2026 kurallarıyla"
    assert card in related
    assert "güncel olmayabilir" not in related


# --- Update notes from the salary history ---------------------------------------------------


def test_update_notes_come_from_the_history(client):
    role = make_role("Bordro Uzmanı", published_at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC))
    with time_machine.travel("2025-04-02 10:00:00+03:00"):
        make_band(role, year=2025, average="37500", top="50000")
    with time_machine.travel("2026-03-12 23:30:00+00:00"):  # 13 March in Istanbul
        make_band(role, year=2026, average="45000", top="60000")
    with time_machine.travel("2026-03-20 09:00:00+03:00"):
        band = SalaryBand.objects.get(role=role, year=2026)
        band.average = D("46000")
        band.save()
    with time_machine.travel("2026-04-01 09:00:00+03:00"):
        block = salary_block(client.get(role.get_absolute_url()))
    notes = re.findall(r"Maaş bilgileri (.*?\))\.", block)
    assert notes == [
        "20 Mart 2026'da güncellendi (2026 ortalaması 46.000 TL, önceki yıl 37.500 TL)",
        "13 Mart 2026'da güncellendi (2026 ortalaması 45.000 TL, önceki yıl 37.500 TL)",
        "2 Nisan 2025'te güncellendi (2025 ortalaması 37.500 TL)",
    ]


def test_update_notes_read_a_bounded_history(django_assert_num_queries):
    role = make_role()
    band = make_band(role, year=2025)
    for amount in range(31000, 31000 + 3 * notices.HISTORY_WINDOW, 3):
        band.average = D(amount)
        band.save()
    with django_assert_num_queries(1):
        records = notices.recent_history(role)
    assert len(records) == notices.HISTORY_WINDOW


# --- Editors must say net or gross ----------------------------------------------------------


def test_a_new_band_in_the_admin_must_say_net_or_gross(admin_client):
    from .adminforms import changeform_data

    role = make_role()
    url = reverse("admin:salaries_salaryband_add")
    data = changeform_data(admin_client.get(url))
    data.update({"role": role.pk, "year": "2025", "average": "30.000", "top": "45.000",
                 "source": "Kariyer siteleri"})  # fmt: skip
    response = admin_client.post(url, data)
    assert "Rakamların net mi brüt mü olduğunu (ya da belirtilmediğini) seçin." in (
        response.content.decode()
    )
    data["pay_basis"] = "gross"
    assert admin_client.post(url, data).status_code == 302
    assert SalaryBand.objects.get(role=role).pay_basis == "gross"


# --- The import's net_brut column -----------------------------------------------------------


def import_csv(client, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("admin:salaries_salaryband_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("m.csv", content.encode()),
        },
    )
    result = response.context["result"]
    errors = [
        f"{row.number}:{field}:{error}"
        for row in result.invalid_rows
        for field, messages in row.error_dict.items()
        for error in messages
    ]
    return response, errors


@pytest.mark.parametrize(
    ("word", "basis"),
    [("net", "net"), ("Brüt", "gross"), ("BRUT", "gross"), ("belirtilmemiş", "unspecified"),
     ("Belirtilmemis", "unspecified")],
)  # fmt: skip
def test_import_reads_net_or_gross_in_turkish(admin_client, word, basis):
    make_role("Kredi Asistanı", slug="kredi-asistani")
    head = "meslek,yil,ortalama,ust_duzey,kaynak,net_brut\n"
    response, errors = import_csv(admin_client, f"{head}kredi-asistani,2025,30000,40000,x,{word}\n")
    assert errors == []
    form = response.context["confirm_form"]
    admin_client.post(reverse("admin:salaries_salaryband_process_import"), form.initial)
    assert SalaryBand.objects.get(role__slug="kredi-asistani").pay_basis == basis


def test_import_needs_net_or_gross_for_a_new_band_and_keeps_it_on_an_update(admin_client):
    role = make_role("Kredi Asistanı", slug="kredi-asistani")
    make_band(role, year=2024, average="30000", top="40000", pay_basis="gross")
    head = "meslek,yil,ortalama,ust_duzey,kaynak,net_brut\n"
    _response, errors = import_csv(
        admin_client,
        f"{head}kredi-asistani,2024,31000,41000,x,\nkredi-asistani,2025,30000,40000,x,\n",
    )
    assert errors == [
        "2:net_brut:Rakamların net mi brüt mü olduğunu (ya da belirtilmediğini) seçin."
    ]
    _response, errors = import_csv(admin_client, f"{head}kredi-asistani,2025,30000,40000,x,yarı\n")
    assert errors == [
        "1:net_brut:“yarı”: net, brüt ya da (kaynak söylemiyorsa) belirtilmemiş yazın."
    ]
    response, errors = import_csv(admin_client, f"{head}kredi-asistani,2024,31000,41000,x,\n")
    assert errors == []
    form = response.context["confirm_form"]
    admin_client.post(reverse("admin:salaries_salaryband_process_import"), form.initial)
    band = SalaryBand.objects.get(role=role, year=2024)
    assert (band.average, band.pay_basis) == (D("31000"), "gross")
