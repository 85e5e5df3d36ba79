"""New words cost a full-text query; each visitor has a budget of them per minute. Words
already looked up (however typed) come from the cache and cost nothing."""

import pytest

from .factories import make_role

pytestmark = pytest.mark.django_db


def test_fresh_searches_are_limited_per_visitor_and_repeats_are_free(
    client, settings, django_assert_num_queries
):
    settings.SEARCH_FRESH_PER_MINUTE = 2
    make_role("Müşteri Temsilcisi")
    assert client.get("/ara/?q=müşteri").status_code == 200
    with django_assert_num_queries(1):  # the same words typed otherwise: hits from the cache
        response = client.get("/ara/?q=MUSTERI&sayfa=1")  # (a new address: no page cache)
    assert "search-result" in response.content.decode()  # the role, found again
    assert client.get("/ara/?q=temsilci").status_code == 200  # the second fresh search
    refused = client.get("/ara/?q=uzman+kredi")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    text = refused.content.decode()
    assert "Kısa sürede çok sayıda arama yaptınız" in text
    assert 'value="uzman kredi"' in text  # what the reader typed stays in the box
    other = client.get("/ara/?q=uzman+kredi", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200  # another visitor's budget is untouched
    assert client.get("/ara/?q=musteri").status_code == 200  # cached words still answer


def test_the_comparison_picker_spends_the_same_budget_as_the_search_page(client):
    """The issue's reproducer: 35 new words through the picker; each ran a full-text search
    and all answered 200. Now the 31st gets the search page's 429, the text kept."""
    make_role("Hemşire", slug="hemsire")
    statuses = [
        client.get(f"/karsilastir/?meslek=hemsire&diger=kelime{n}x").status_code for n in range(35)
    ]
    assert statuses == [200] * 30 + [429] * 5
    refused = client.get("/karsilastir/?meslek=hemsire&diger=yepyeni")
    assert refused["Retry-After"] == "60"
    text = refused.content.decode()
    assert "Kısa sürede çok sayıda arama yaptınız" in text
    assert 'value="yepyeni"' in text  # what the reader typed stays in the box
    assert client.get("/ara/?q=baska").status_code == 429  # one budget for every search
    assert client.get("/karsilastir/?meslek=hemsire&diger=kelime3x").status_code == 200  # cached


def test_every_full_text_search_spends_one_budget_the_api_included(client, settings):
    settings.SEARCH_FRESH_PER_MINUTE = 3
    settings.API_RATE_LIMIT = 0  # the API's own limit is another matter
    make_role("Kredi Asistanı", slug="kredi-asistani")
    assert client.get("/ara/?q=birinci").status_code == 200
    assert client.get("/karsilastir/?diger=ikinci").status_code == 200
    assert client.get("/api/v1/roles?q=ucuncu").status_code == 200
    for path in ("/ara/?q=dorduncu", "/karsilastir/?diger=dorduncu", "/api/v1/roles?q=dorduncu"):
        response = client.get(path)
        assert response.status_code == 429, path
        assert response["Retry-After"] == "60"
    api = client.get("/api/v1/roles?q=besinci")
    assert "arama" in api.json()["detail"]
    assert client.get("/api/v1/roles?q=kredi+asistani", REMOTE_ADDR="192.0.2.8").status_code == 200
