"""Readers' published figures beyond the article: the API, the CSV downloads, the comparison and
/maaslar/, each at a constant query count, never a single report."""

import csv
import datetime as dt
import io

import pytest
import time_machine

from careers.compare import logic
from careers.salaries.reports import batch

from .factories import make_band, make_report, make_role, make_sector
from .helpers import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _late_2026():
    with time_machine.travel(dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC), tick=True):
        yield


def with_reports(role, amounts=(30_000, 31_000, 32_000, 33_000, 34_000), **fields):
    for amount in amounts:
        make_report(role, amount, **fields)
    return role


def test_api_publishes_every_cohort_and_never_a_report_or_an_address_count(
    client, django_assert_num_queries
):
    role = with_reports(make_role("Kredi Asistanı"), province=34)
    with_reports(role, (60_000, 61_000, 62_000, 63_000, 64_000), pay_basis="gross", province=6)
    make_report(role, 99_000)  # one more net report: counted, never shown alone
    batch.run("test")
    url = f"/api/v1/roles/{role.slug}/reports"
    with django_assert_num_queries(2):  # the role; its cohorts
        answer = client.get(url).json()
    assert answer["min_reports"] == 5 and answer["rounded_to"] == 100
    whole = [c for c in answer["cohorts"] if c["kind"] == "role"]
    assert {(c["pay_basis"], c["median"], c["count"]) for c in whole} == {
        ("net", 32_500, 6),
        ("gross", 62_000, 5),
    }
    assert all("addresses" not in c for c in answer["cohorts"])
    assert 99_000 not in {v for c in answer["cohorts"] for v in (c["p25"], c["median"], c["p75"])}
    city = next(c for c in answer["cohorts"] if c["kind"] == "city" and c["pay_basis"] == "net")
    assert city["province"] == {"plate": 34, "name": "İstanbul"} and city["confidence"] == "low"
    asked = client.get(url + "?province=35&experience=10%2B").json()
    assert asked["province"] == {
        "asked": "İzmir", "used": "mesleğin geneli", "fell_back": True,
        "median": 32_500, "p25": 31_300, "p75": 33_800, "count": 6,
    }  # fmt: skip
    assert asked["experience"]["fell_back"] is True
    assert client.get(f"/api/v1/roles/{make_role(published=False).slug}/reports").status_code == 404


def test_the_openapi_schema_describes_the_reports():
    from careers.api.endpoints import api

    schema = api.get_openapi_schema()
    path = schema["paths"]["/api/v1/roles/{slug}/reports"]["get"]
    assert set(path["responses"]) == {200, 404, "422", "429"}  # as every endpoint (issue 21)
    cohort = schema["components"]["schemas"]["Cohort"]["properties"]
    assert {"median", "p25", "p75", "count", "first_month"} <= set(cohort)
    assert "addresses" not in cohort


def test_csv_downloads_list_published_cohorts_of_published_roles_only(client):
    shown = with_reports(make_role("Kredi Asistanı"))
    hidden = with_reports(make_role("Taslak", published=False))
    thin = make_role("Az Bildirimli")
    for amount in (30_000, 31_000, 32_000, 33_000):
        make_report(thin, amount)
    batch.run("test")
    response = client.get("/veri/okur-maaslari.csv")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="meslek-rehberi-okur-maaslari-2026-11-26'
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["meslek"] for row in rows} == {shown.slug}
    assert (
        hidden.slug not in response.content.decode() and thin.slug not in response.content.decode()
    )
    whole = next(row for row in rows if row["grup"] == "meslek")
    assert (whole["net_brut"], whole["calisma"], whole["medyan"], whole["bildirim"]) == (
        "net",
        "tam zamanlı",
        "32000",
        "5",
    )
    assert whole["guven"] == "düşük" and whole["ilk_ay"] == "2026-11"
    excel = client.get("/veri/okur-maaslari-excel.csv").content.decode("utf-8-sig")
    assert excel.splitlines()[0].startswith("meslek;meslek_adi;net_brut")


def test_comparison_and_salary_list_show_readers_medians_at_the_same_query_counts(
    client, django_assert_num_queries
):
    sector = make_sector()
    a = with_reports(make_role("Ahmet Uzmanı", sector=sector))
    b = make_role("Berk Uzmanı", sector=sector)
    for role in (a, b):
        make_band(role, year=2025)
    batch.run("test")
    with django_assert_num_queries(5):  # as without reports (tests/test_compare.py)
        compared = client.get(logic.comparison_url([a.slug, b.slug]))
    glance = text_of(compared, "<table", "</table>")
    assert "Okurların medyanı 32.000 TL (net, 2026) —" in glance
    assert "Okurların bildirdiği maaşlar" in text_of(compared) and "maasini-paylas/gonder" not in (
        compared.content.decode()
    )
    client.get("/")  # the sector counts and the minimum wage table are then in the cache
    with django_assert_num_queries(3):  # as without reports (tests/test_browse.py)
        listed = client.get("/maaslar/")
    assert "32.000 TL net" in text_of(listed, "<table", "</table>")


def test_a_bad_province_or_experience_is_a_turkish_422_and_the_api_index_names_the_endpoint(
    client,
):
    role = with_reports(make_role("Kredi Asistanı"))
    batch.run("test")
    url = f"/api/v1/roles/{role.slug}/reports"
    for query, name in (("?province=82", "province"), ("?experience=3-5", "experience")):
        answer = client.get(url + query)
        assert answer.status_code == 422
        assert answer.json() == {"detail": f"Geçersiz parametre: {name}."}
    assert client.get(url + "?experience=10%2B&basis=gross").status_code == 200
    index = client.get("/api/v1/").json()["endpoints"]
    assert index["role_reports"].endswith("/api/v1/roles/{slug}/reports")


def test_the_api_page_and_every_download_box_offer_the_readers_figures(client):
    docs = text_of(client.get("/api/"))
    assert "/api/v1/roles/{slug}/reports" in docs
    assert "Okurların bildirdiği maaşlar" in docs
    for page in ("/maaslar/", "/maaslar/nasil-derleniyor/"):
        body = client.get(page).content.decode()
        assert 'href="/veri/okur-maaslari.csv"' in body, page
        assert 'href="/veri/okur-maaslari-excel.csv"' in body, page
