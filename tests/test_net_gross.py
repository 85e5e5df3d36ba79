"""Every salary figure with a known basis shown on the other basis too, with its year's rules:
the article, the role cards, the salary list, the comparison (a net band beside a gross one),
the API and its schema, the downloads. "Belirtilmemiş" is never converted; a year without
rules says so. The rules are read once per page, whatever the number of figures.

What "≈" means (careers/salaries/conversion.py): a monthly figure is read as the year's
average month. The expected counterparts below are computed with the pure module
(tests/test_payroll.py checks it against official figures); here each is also checked the other
way round: the gross shown for a net figure gives that net back as the year's average."""

import csv
import io
import json
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.compare import logic
from careers.salaries import conversion, payroll
from careers.salaries.conversion import Converter
from careers.salaries.models import PayrollParameters
from careers.salaries.payroll_params import PERIODS
from careers.turkish import format_money

from .factories import make_band, make_role, make_sector
from .helpers import text_of

pytestmark = pytest.mark.django_db


def gross_of(net, year):
    gross = payroll.gross_for_average_net(D(net), year)
    assert payroll.average_net(gross, year) == D(net)  # the counterpart gives the figure back
    return gross


def net_of(gross, year):
    return payroll.average_net(D(gross), year)


def shown(amount):
    return format_money(amount, 0)  # "≈ 50.253 TL": the counterpart to the lira


# --- The converter ---------------------------------------------------------------------------


def test_a_net_figure_gets_the_gross_whose_twelve_nets_average_it():
    converted = Converter(PERIODS).convert(D("39000"), "net", 2026)
    assert converted.amount == gross_of("39000", 2026)
    assert converted.pay_basis == "gross" and converted.reason == "computed"
    assert converted.text == f"≈ {shown(converted.amount)} brüt, 2026 kurallarıyla"
    # the calculator, with the figure typed as what it is: a net, the year's average month
    assert converted.calculator_url == "/maaslar/net-brut/?tutar=39000&tur=net&yil=2026"


def test_the_issues_example_a_net_below_the_minimum_wage_pays_only_the_shares():
    # 5.000 TL net in 2023 (below the minimum wage): only SGK 14 % and unemployment 1 % are
    # taken, the taxes are all exempt: 5.000 / 0,85 = 5.882,35 gross.
    converted = Converter(PERIODS).convert(D("5000"), "net", 2023)
    assert converted.text == "≈ 5.882 TL brüt, 2023 kurallarıyla"
    assert abs(converted.amount - D("5000") / D("0.85")) <= D("0.01")


def test_a_gross_figure_gets_the_average_of_its_twelve_nets():
    converted = Converter(PERIODS).convert(D("60000"), "gross", 2025)
    slips = payroll.year_table(D("60000"), 2025)
    assert converted.amount == (sum(s.net for s in slips) / 12).quantize(D("0.01"))
    assert converted.text == f"≈ {shown(converted.amount)} net, 2025 kurallarıyla"
    assert "tutar=60000&tur=brut&yil=2025" in converted.calculator_url


def test_unspecified_is_never_converted_and_a_year_without_rules_says_so():
    converter = Converter(PERIODS)
    assert converter.convert(D("39000"), "unspecified", 2026) is None
    assert converter.convert(None, "net", 2026) is None
    missing = converter.convert(D("9000"), "net", 2022)
    assert (missing.amount, missing.reason) == (None, "no_rules")
    assert missing.text == "brüt karşılığı yok: 2022 bordro kuralları henüz girilmedi"
    assert converter.convert(D("9000"), "gross", 2027).text == (
        "net karşılığı yok: 2027 bordro kuralları henüz girilmedi"
    )


def test_open_data_columns_mark_the_original_and_the_computed():
    columns = Converter(PERIODS).columns({"average": D("39000"), "top": None}, "net", 2026)
    assert columns == {
        "average_net": D("39000"),
        "average_gross": gross_of("39000", 2026),
        "top_net": None,
        "top_gross": None,
        "conversion": "computed",
    }
    vague = Converter(PERIODS).columns({"average": D("39000")}, "unspecified", 2026)
    assert vague == {"average_net": None, "average_gross": None, "conversion": "unspecified"}
    old = Converter(PERIODS).columns({"average": D("9000")}, "gross", 2022)
    assert old == {"average_net": None, "average_gross": D("9000"), "conversion": "no_rules"}


# --- The article -----------------------------------------------------------------------------


@pytest.fixture
def bands():
    role = make_role("Bordro Uzmanı")
    make_band(role, year=2025, average="45000", top="60000", pay_basis="gross")
    make_band(role, year=2024, average="30000", top="40000", pay_basis="net")
    make_band(role, year=2022, average="9000", top="12000", pay_basis="net")
    vague = make_role("Belirsiz Uzman")
    make_band(vague, year=2025, average="45000", top="60000", pay_basis="unspecified")
    return role, vague


def text_of_html(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def salary_block(response):
    return text_of(response, 'id="maas"', "</section>")


def test_the_article_shows_each_figure_on_the_other_basis_with_its_years_rules(client, bands):
    role, _vague = bands
    response = client.get(role.get_absolute_url())
    block = salary_block(response)
    average_2025, top_2025 = net_of("45000", 2025), net_of("60000", 2025)
    assert (
        f"2025 Yılı Ortalama Maaş: 45.000 TL (200,00 TL/saat) brüt ≈ {shown(average_2025)} net, "
        "2025 kurallarıyla — brüt asgari ücretin 1,7 katı" in block
    )
    assert (
        f"2025 Yılı Üst Düzey Maaşları: 60.000 TL (266,67 TL/saat) brüt ≈ {shown(top_2025)} net, "
        "2025 kurallarıyla" in block
    )
    assert f"30.000 TL (133,33 TL/saat) net ≈ {shown(gross_of('30000', 2024))} brüt, 2024 " in block
    assert "9.000 TL (40,00 TL/saat) net brüt karşılığı yok: 2022 bordro kuralları" in block
    html = response.content.decode()
    assert 'href="/maaslar/net-brut/?tutar=45000&amp;tur=brut&amp;yil=2025"' in html
    assert "payroll" in response["xkey"].split()


def test_an_unspecified_figure_is_never_converted_and_reads_no_rules(
    client, bands, django_assert_num_queries
):
    _role, vague = bands
    response = client.get(vague.get_absolute_url())
    block = salary_block(response)
    assert "net/brüt: belirtilmemiş" in block and "≈" not in block and "karşılığı" not in block
    assert "payroll" not in response["xkey"].split()


def payroll_reads(captured):
    return [q for q in captured if "salaries_payrollparameters" in q["sql"]]


def test_the_rules_are_read_once_per_page_whatever_the_figures(client):
    sector = make_sector()
    for i in range(30):
        role = make_role(f"Uzman {i:02}", sector=sector)
        make_band(role, year=2025, average=str(30000 + 100 * i), top="90000")
        make_band(role, year=2024, average=str(25000 + 100 * i), top="80000", pay_basis="gross")
    for url in ("/maaslar/", "/meslekler/?harf=u", sector.get_absolute_url()):
        with CaptureQueriesContext(connection) as captured:
            text = text_of(client.get(url))
        assert text.count("≈") >= 20, url
        assert len(payroll_reads(captured)) <= 1, url  # once, then from the cache
    with CaptureQueriesContext(connection) as captured:
        client.get(role.get_absolute_url())  # eight figures, the rules already in the cache
    assert payroll_reads(captured) == []


# --- Cards and the salary list --------------------------------------------------------------


def test_cards_and_the_salary_list_show_the_latest_figure_both_ways(in_late_2026, client, bands):
    """In late 2026 (2025's figures current: no note between a row's sector and its figures)."""
    role, vague = bands
    average = shown(net_of("45000", 2025))
    for url in ("/", "/meslekler/"):
        html = client.get(url).content.decode()
        cards = dict(
            re.findall(r'<li class="role-card">\s*<a [^>]*>([^<]+)</a>(.*?)</li>', html, re.S)
        )
        assert f"2025 ortalaması: 45.000 TL brüt ≈ {average} net, 2025 kurallarıyla" in (
            text_of_html(cards["Bordro Uzmanı"])
        )
        assert text_of_html(cards["Belirsiz Uzman"]).startswith("2025 ortalaması: 45.000 TL")
        assert "≈" not in cards["Belirsiz Uzman"] and "karşılığı" not in cards["Belirsiz Uzman"]
    response = client.get("/maaslar/")
    text = text_of(response)
    top = shown(net_of("60000", 2025))
    assert f"Bordro Uzmanı Sektör 1 2025 brüt 45.000 TL ≈ {average} net 60.000 TL ≈ {top} net" in (
        re.sub(r"Sektör \d+", "Sektör 1", text)
    )
    assert f'aria-label="≈ {top} net, 2025 kurallarıyla"' in response.content.decode()


# --- The comparison: a net band beside a gross one -------------------------------------------


def test_the_comparison_puts_a_net_band_and_a_gross_band_on_both_bases(client):
    sector = make_sector()
    netted = make_role("Ağ Uzmanı", sector=sector)
    make_band(netted, year=2025, average="40000", top="55000", pay_basis="net")
    grossed = make_role("Bütçe Uzmanı", sector=sector)
    make_band(grossed, year=2025, average="52000", top="70000", pay_basis="gross")
    vague = make_role("Cari Uzmanı", sector=sector)
    make_band(vague, year=2025, average="45000", top="60000", pay_basis="unspecified")
    response = client.get(logic.comparison_url([netted.slug, grossed.slug, vague.slug]))
    glance = text_of(response, "<table", "</table>")
    net_row = f"Ortalama maaş, net 40.000 TL ≈ {shown(net_of('52000', 2025))} —"
    gross_row = f"Ortalama maaş, brüt ≈ {shown(gross_of('40000', 2025))} 52.000 TL —"
    assert net_row in glance and gross_row in glance
    assert "≈: kaynağın net ya da brüt rakamından o yılın bordro kurallarıyla" in text_of(response)
    figures = text_of(response, 'id="maaslar"', "</section>")
    assert f"net ≈ {shown(gross_of('40000', 2025))} brüt, 2025 kurallarıyla" in figures
    assert "payroll" in response["xkey"].split()


# --- The API and the downloads ---------------------------------------------------------------


def test_the_api_gives_both_columns_and_says_which_was_computed(client, bands):
    role, vague = bands
    detail = client.get(f"/api/v1/roles/{role.slug}").json()
    by_year = {band["year"]: band for band in detail["salary_bands"]}
    assert by_year[2025]["pay_basis"] == "gross" and by_year[2025]["conversion"] == "computed"
    assert by_year[2025]["average_gross"] == 45000
    assert D(str(by_year[2025]["average_net"])) == net_of("45000", 2025)
    assert D(str(by_year[2025]["top_net"])) == net_of("60000", 2025)
    assert by_year[2025]["low_net"] is by_year[2025]["low_gross"] is None  # no low figure
    assert D(str(by_year[2024]["average_gross"])) == gross_of("30000", 2024)
    assert by_year[2022]["conversion"] == "no_rules" and by_year[2022]["average_gross"] is None
    listed = client.get("/api/v1/salaries/2025").json()["results"]
    assert {(r["role"], r["conversion"]) for r in listed} == {
        (role.slug, "computed"), (vague.slug, "unspecified"),
    }  # fmt: skip
    vague_row = next(r for r in listed if r["role"] == vague.slug)
    assert vague_row["average_net"] is vague_row["average_gross"] is None
    latest = next(
        r for r in client.get("/api/v1/roles").json()["results"] if r["slug"] == role.slug
    )["latest_salary"]
    assert latest["pay_basis"] == "gross" and latest["average_gross"] == 45000
    assert D(str(latest["average_net"])) == net_of("45000", 2025)


def test_the_openapi_schema_documents_both_columns():
    from careers.api.endpoints import api

    schema = api.get_openapi_schema()
    band = schema["components"]["schemas"]["ArticleBand"]  # and SalaryRow, built on it
    for name in ("low_net", "low_gross", "average_net", "average_gross", "top_net", "top_gross"):
        assert (
            name in band["required"]
            and "hesaplanan karşılığı (≈)" in (band["properties"][name]["description"])
        )
    assert band["properties"]["conversion"]["enum"] == [
        "computed", "no_rules", "out_of_range", "unspecified",
    ]  # fmt: skip
    latest = schema["components"]["schemas"]["LatestSalary"]
    assert {"pay_basis", "average_net", "average_gross", "conversion"} <= set(latest["required"])


def rows_of(content, delimiter):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_the_downloads_carry_both_columns_and_the_basis_of_the_original(client, bands):
    role, vague = bands
    rows = {
        (r["meslek"], r["yil"]): r for r in rows_of(client.get("/veri/maaslar.csv").content, ",")
    }
    gross_2025 = rows[(role.slug, "2025")]
    assert gross_2025["net_brut"] == "brüt" and gross_2025["donusum"] == "hesaplandı"
    assert D(gross_2025["ortalama_brut"]) == D(gross_2025["ortalama"]) == 45000
    assert D(gross_2025["ortalama_net"]) == net_of("45000", 2025)
    assert gross_2025["en_dusuk_net"] == gross_2025["en_dusuk_brut"] == ""
    assert D(rows[(role.slug, "2024")]["ortalama_brut"]) == gross_of("30000", 2024)
    assert rows[(role.slug, "2022")]["donusum"] == "yılın bordro kuralları yok"
    assert rows[(role.slug, "2022")]["ortalama_brut"] == ""
    assert rows[(vague.slug, "2025")]["donusum"] == "belirtilmemiş"
    assert (
        rows[(vague.slug, "2025")]["ortalama_net"]
        == rows[(vague.slug, "2025")]["ortalama_brut"]
        == ""
    )
    excel = rows_of(client.get("/veri/maaslar-excel.csv").content, ";")
    top_net = next(r for r in excel if r["meslek"] == role.slug and r["yil"] == "2025")[
        "ust_duzey_net"
    ]
    assert D(top_net.replace(",", ".")) == net_of("60000", 2025)  # a decimal comma
    document = json.loads(client.get("/veri/maaslar.json").content)
    first = next(r for r in document["rows"] if r["role"] == role.slug and r["year"] == 2024)
    assert first["pay_basis"] == "net" and D(str(first["average_gross"])) == gross_of("30000", 2024)


def test_a_change_to_the_rules_reaches_the_api_and_the_downloads(client, bands):
    role, _vague = bands
    before = client.get("/veri/maaslar.csv").content
    api_before = client.get(f"/api/v1/roles/{role.slug}").json()
    row = PayrollParameters.objects.get(effective_from="2025-01-01")
    row.sgk_employee_percent = D("15")
    row.save()
    assert client.get("/veri/maaslar.csv").content != before
    after = client.get(f"/api/v1/roles/{role.slug}").json()
    assert after["salary_bands"][0]["average_net"] < api_before["salary_bands"][0]["average_net"]
    assert conversion.fetch_periods() == PayrollParameters.objects.periods()
