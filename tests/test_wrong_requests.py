"""Requests the site does not serve: a method an address does not take gets 405 with its
``Allow`` header (never a redirect, never the CSRF page), and a Host header that is not the
site's gets 400, from the page cache too, logged as one warning line and counted."""

import re

import pytest
from django.test import Client

from careers.site import hosts

from .factories import make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict():
    """A client that gets the CSRF check a browser gets (the test client skips it)."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def role(db):
    return make_role("Kredi Asistanı", slug="kredi-asistani")


def allowed(response):
    return {method.strip() for method in response["Allow"].split(",")}


@pytest.mark.parametrize("method", ["put", "delete", "patch", "options"])
def test_the_comment_address_refuses_other_methods_with_405_and_allow(strict, role, method):
    response = getattr(strict, method)("/yorumlar/kredi-asistani/gonder/")
    assert response.status_code == 405
    assert allowed(response) == {"GET", "HEAD", "POST"}
    assert "Location" not in response
    assert "yalnızca şu yöntemleri kabul eder: GET, HEAD, POST" in response.content.decode()


def test_the_comment_address_still_sends_a_get_to_the_form(strict, role):
    response = strict.get("/yorumlar/kredi-asistani/gonder/")
    assert response.status_code == 302
    assert response["Location"] == "/meslekler/kredi-asistani/#yorum-yaz"


def read_beacon(client, role):
    html = client.get(role.get_absolute_url()).content.decode()
    return re.search(r'src="(/okundu/[^"]+/)"', html).group(1)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_read_beacon_and_the_openapi_schema_answer_405_not_the_csrf_page(strict, role, method):
    for path in (read_beacon(strict, role), "/api/v1/openapi.json"):
        response = getattr(strict, method)(path)
        assert response.status_code == 405, path
        assert allowed(response) == {"GET", "HEAD"}, path
        assert "CSRF" not in response.content.decode()
        assert strict.get(path).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/maaslar/",
        "/meslekler/kredi-asistani/",
        "/ara/?q=kredi",
        "/veri/maaslar.csv",
        "/duzeltmeler/",
        "/duzeltmeler/rss/",
    ],
)
def test_public_pages_answer_a_post_with_405_and_allow(strict, role, path):
    response = strict.post(path)
    assert response.status_code == 405
    assert allowed(response) == {"GET", "HEAD"}


def test_robots_txt_answers_head_like_get(strict):
    assert strict.head("/robots.txt").status_code == 200
    assert strict.post("/robots.txt").status_code == 405


def test_an_unknown_host_gets_400_even_for_a_page_in_the_page_cache(client, role):
    assert client.get("/maaslar/").status_code == 200
    assert client.get("/maaslar/")["X-Page-Cache"] == "hit"  # the page is in the cache
    for host in ("evil.example", "evil.example:80", "127.0.0.1.evil.example"):
        response = client.get("/maaslar/", HTTP_HOST=host)
        assert response.status_code == 400, host
        assert "X-Page-Cache" not in response
        assert "Maaş" not in response.content.decode()  # nothing of the page
        assert "Bu site bu adla sunulmuyor" in response.content.decode()
    assert client.get("/maaslar/", HTTP_HOST="localhost:8000").status_code == 200


def test_an_unknown_host_is_one_warning_line_counted_not_an_error_with_a_traceback(
    client, role, caplog
):
    caplog.set_level("INFO")
    for _ in range(3):
        assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert (
        client.post("/yorumlar/kredi-asistani/gonder/", HTTP_HOST="evil.example").status_code == 400
    )
    records = [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
    assert [r.levelname for r in records] == ["WARNING"] * 4
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in records)
    assert [r.getMessage() for r in records] == [
        f"Refused a request for an unknown host 'evil.example' ({n} today)" for n in (1, 2, 3, 4)
    ]
    assert hosts.refused_today() == 4
