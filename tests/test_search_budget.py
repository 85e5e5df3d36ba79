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
