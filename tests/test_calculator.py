"""The net <-> gross calculator (/maaslar/net-brut/): a plain GET form (JavaScript off works),
the month-by-month payslips of a year with each column linked to the rule it applies, the
year's rules with their sources, Turkish amounts and Turkish errors, never a 500, page-cached
by its query parameters. The browser journey (375 px, axe) is tests/browser/test_calculator.py.
"""

import datetime as dt
import re
from decimal import Decimal as D

import pytest
import time_machine

from careers.salaries import payroll
from careers.salaries.models import PayrollParameters
from careers.turkish import MONTHS, format_money

from .helpers import text_of

pytestmark = pytest.mark.django_db
URL = "/maaslar/net-brut/"
DECEMBER_2026 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
JANUARY_2027 = dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def in_december_2026():
    with time_machine.travel(DECEMBER_2026, tick=True):
        yield


def table_rows(response):
    html = response.content.decode()
    body = html[html.index("<tbody>", html.index("payslip-table")) : html.index("</tbody>")]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        rows.append(cells)
    return rows


def money(amount):
    return format_money(amount, 2)


def test_without_javascript_or_input_the_page_offers_the_form_and_this_years_rules(
    client, in_december_2026, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the payroll rules (then kept in the cache)
        response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form class="calculator-form" method="get" action="/maaslar/net-brut/"' in html
    assert '<option value="2026" selected>' in html
    text = text_of(response)
    assert "2026 bordro kuralları" in text
    assert "Asgari ücret, brüt (net) 33.030,00 TL (28.075,50 TL)" in text
    assert "SGK tavanı brüt asgari ücretin 9 katı: ayda 297.270,00 TL" in text
    assert "190.000 TL'ye kadar %15 190.000 TL – 400.000 TL %20" in text
    assert "5.300.000 TL üstü %40" in text and "Damga vergisi %0,759" in text
    assert "Kaynak: Gelir Vergisi Genel Tebliği (Seri No: 332)" in text  # each number's source
    assert "payslip-table" not in html  # no amount yet, no table
    assert '<script src="/static/js/net-brut.js" defer></script>' in html
    assert not re.search(r"<script(?![^>]*\b(src|type=\"application/ld\+json\"))", html)


def test_a_gross_gives_twelve_payslips_each_line_linked_to_its_rule(client):
    response = client.get(URL, {"tutar": "45.000", "tur": "brut", "yil": "2025"})
    slips = payroll.year_table(D("45000"), 2025)
    rows = table_rows(response)
    assert [row[0] for row in rows] == list(MONTHS)
    for row, slip in zip(rows, slips, strict=True):
        assert row[1] == money(slip.gross) and row[-1] == money(slip.net)
        assert row[2] == money(slip.sgk) and row[3] == money(slip.unemployment)
        rates = " ".join(f"%{b.rate * 100:.0f}" for b in slip.brackets)  # each linked
        assert row[6] == f"{money(slip.income_tax)} {rates}"
    assert rows[0][6].endswith("%15") and rows[-1][6].endswith("%27")  # the brackets climb
    assert slips[0].net > slips[-1].net  # more tax late in the year
    average = (sum(s.net for s in slips) / 12).quantize(D("0.01"))
    text = text_of(response)
    assert (
        f"2025 yılının her ayı 45.000,00 TL brüt, 2025 kurallarıyla ayda ortalama {money(average)} "
        "net eder." in text
    )
    html = response.content.decode()
    targets = set(re.findall(r'href="#([^"]+)"', html))
    rules = {"sgk", "issizlik", "gelir-vergisi", "damga-vergisi", "istisna", "gelir-vergisi-1"}
    assert {f"kural-{rule}" for rule in rules} <= targets
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert targets - {"icerik"} <= ids  # every link lands on its rule


def test_a_net_as_the_years_average_is_how_the_site_converts_figures(client):
    response = client.get(URL, {"tutar": "39.000", "tur": "net", "yil": "2026"})
    gross = payroll.gross_for_average_net(D("39000"), 2026)
    rows = table_rows(response)
    assert {row[1] for row in rows} == {money(gross)}  # the same gross every month
    assert f"her ay {money(gross)} brüt gerekir" in text_of(response)


def test_a_net_paid_every_month_takes_a_rising_gross(client):
    response = client.get(URL, {"tutar": "90.000,50", "tur": "net-sabit", "yil": "2026"})
    rows = table_rows(response)
    assert {row[-1] for row in rows} == {"90.000,50 TL"}
    grosses = [D(row[1].removesuffix(" TL").replace(".", "").replace(",", ".")) for row in rows]
    assert grosses[0] < grosses[4]  # the brackets climb; the exemption grows from July
    assert "ocakta" in text_of(response) and "aralıkta" in text_of(response)


def test_2023s_two_minimum_wages_are_both_listed_with_their_dates(client):
    response = client.get(URL, {"tutar": "20.000", "tur": "brut", "yil": "2023"})
    text = text_of(response)
    assert (
        "10.008,00 TL (1 Ocak 2023 tarihinden itibaren) (8.506,80 TL (1 Ocak 2023 tarihinden "
        "itibaren))" in text
    )
    assert "13.414,50 TL (1 Temmuz 2023 tarihinden itibaren)" in text
    assert "SGK işçi payı %14 Kaynak" in text  # one value when both periods agree


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"tutar": "6.75"}, "“6.75” belirsiz"),
        ({"tutar": "45000.50"}, "belirsiz"),
        ({"tutar": "kırk bin"}, "tutar değil"),
        ({"tutar": "0"}, "Sıfırdan büyük bir tutar girin."),
        ({"tutar": "-5.000"}, "Sıfırdan büyük bir tutar girin."),
        ({"tutar": "1.000,505"}, "en çok iki basamağı"),
        ({"tutar": "100.000.000"}, "Aylık en çok 10.000.000 TL yazın."),
        ({"tutar": "45.000", "yil": "1990"}, "Yalnızca şu yılların bordro kuralları var: 2023"),
        ({"tutar": "45.000", "yil": "iki bin"}, "Yalnızca şu yılların bordro kuralları var"),
        ({"tutar": "45.000", "tur": "haftalık"}, "Geçerli bir seçenek seçin"),
        ({"tutar": "9" * 39}, "Aylık en çok"),
        ({"tutar": "x" * 41}, "en fazla 40 karakter"),
        ({"tutar": "NaN"}, "tutar değil"),
        ({"tutar": "1e9"}, "tutar değil"),
    ],
)  # fmt: skip
def test_bad_input_gets_a_turkish_message_and_keeps_what_was_typed(client, query, message):
    response = client.get(URL, query)
    assert response.status_code == 200
    text = text_of(response)
    assert message in text
    assert "payslip-table" not in response.content.decode()
    html = response.content.decode()
    if "tutar" in query and len(query["tutar"]) <= 40:
        assert f'value="{query["tutar"]}"' in html  # nothing typed is lost
    assert 'aria-invalid="true"' in html


def test_january_before_the_new_rules_says_so_and_offers_last_years(client):
    with time_machine.travel(JANUARY_2027, tick=True):
        response = client.get(URL)
        text = text_of(response)
        assert "2027 yılının bordro kuralları sitede henüz yok" in text
        assert "2026 bordro kuralları" in text  # the latest year with rules, said so
        asked = text_of(client.get(URL, {"tutar": "45.000", "yil": "2027"}))
    assert "2027 yılının bordro kuralları sitede henüz yok, bu yüzden hesaplanamıyor" in asked
    assert "Kuralları olan yıllar: 2023, 2024, 2025, 2026." in asked


def test_a_period_missing_a_number_makes_its_year_say_so(client, in_december_2026):
    row = PayrollParameters.objects.get(effective_from="2024-01-01")
    row.stamp_tax_percent = None
    row.save()
    text = text_of(client.get(URL, {"tutar": "45.000", "yil": "2024"}))
    assert "Yalnızca şu yılların bordro kuralları var" not in text
    assert "2024 yılının bordro kuralları sitede henüz yok" in text


def test_the_page_is_cached_by_its_query_and_dropped_when_the_rules_change(
    client, django_assert_num_queries
):
    query = {"tutar": "45.000", "tur": "brut", "yil": "2025"}
    first = client.get(URL, query)
    assert first["X-Page-Cache"] == "miss" and "payroll" in first["xkey"].split()
    with django_assert_num_queries(0):
        assert client.get(URL, query)["X-Page-Cache"] == "hit"
    assert client.get(URL, {**query, "tutar": "46.000"})["X-Page-Cache"] == "miss"
    client.get(URL, {**query, "utm": "x"})
    assert client.get(URL, {**query, "utm": "x"}).get("X-Page-Cache") != "hit"  # not kept
    row = PayrollParameters.objects.get(effective_from="2025-01-01")
    row.stamp_tax_percent = D("1")
    row.save()
    again = client.get(URL, query)
    assert again["X-Page-Cache"] == "miss"
    assert table_rows(again)[0][8] == "450,00 TL"  # 1 % of 45.000: the new rate


# --- Edge cases a reader meets: the ceiling, the exemption, brackets crossed mid-year ---------


def test_above_the_sgk_ceiling_the_shares_stop_at_the_ceiling_and_say_so(client):
    response = client.get(URL, {"tutar": "400.000", "tur": "brut", "yil": "2026"})
    rows = table_rows(response)
    # 14 % and 1 % of 297.270 (9 x 33.030), not of 400.000, every month, marked "tavan"
    assert {row[2] for row in rows} == {"41.617,80 TL tavan"}
    assert {row[3] for row in rows} == {"2.972,70 TL"}
    html = response.content.decode()
    assert html.count('class="rule-ref" href="#kural-tavan"') == 12
    assert 'id="kural-tavan"' in html
    below = table_rows(client.get(URL, {"tutar": "297.270", "tur": "brut", "yil": "2026"}))
    assert {row[2] for row in below} == {"41.617,80 TL"}  # at the ceiling: no mark


def test_the_minimum_wage_pays_no_income_or_stamp_tax_month_by_month(client):
    response = client.get(URL, {"tutar": "33.030", "tur": "brut", "yil": "2026"})
    rows = table_rows(response)
    for row in rows:
        tax = row[6].split(" %")[0]
        assert row[7] == f"−{tax}" and row[9] == f"−{row[8]}"  # exempted, to the kuruş
        assert row[-1] == "28.075,50 TL"  # the official net, every month
    assert "ayda ortalama 28.075,50 TL net" in text_of(response)
    above = table_rows(client.get(URL, {"tutar": "100.000", "tur": "brut", "yil": "2026"}))
    # the exemption is the minimum wage's own tax, cumulative too: it climbs into the 20 %
    # bracket in July (168.453 + 28.075,50 passes 190.000), as GİB's monthly table has it
    assert [row[7] for row in above] == (
        ["−4.211,33 TL"] * 6 + ["−4.537,75 TL"] + ["−5.615,10 TL"] * 5
    )
    assert {row[9] for row in above} == {"−250,70 TL"}  # stamp tax: not cumulative


def test_a_month_that_crosses_into_the_next_bracket_links_both_rates(client):
    response = client.get(URL, {"tutar": "100.000", "tur": "brut", "yil": "2026"})
    rates = [row[6].split(" ", 2)[-1] for row in table_rows(response)]
    # the cumulative base passes 190.000 in March and 400.000 in May
    assert rates[:6] == ["%15", "%15", "%15 %20", "%20", "%20 %27", "%27"]
    html = response.content.decode()
    march = re.findall(
        r"<tr>(.*?)</tr>", html[html.index("<tbody>", html.index("payslip")) :], re.S
    )[2]
    assert re.findall(r'href="#(kural-gelir-vergisi-\d)"', march) == [
        "kural-gelir-vergisi-1",
        "kural-gelir-vergisi-2",
    ]


def test_bad_input_keeps_every_choice_the_reader_made(client):
    response = client.get(URL, {"tutar": "kırk bin", "tur": "net-sabit", "yil": "2024"})
    html = response.content.decode()
    assert "tutar değil" in text_of(response)
    assert 'value="kırk bin"' in html
    assert re.search(r'<input[^>]*value="net-sabit"[^>]*checked', html)
    assert '<option value="2024" selected>' in html
    assert response.status_code == 200 and "payslip-table" not in html
