"""Requests the site does not serve: a method an address does not take gets 405 with its
``Allow`` header (never a redirect, never the CSRF page), and a Host header that is not the
site's gets 400, from the page cache too, logged as one warning line and counted."""

import re

import pytest
from django.test import Client

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
    "path", ["/", "/maaslar/", "/meslekler/kredi-asistani/", "/ara/?q=kredi", "/veri/maaslar.csv"]
)
def test_public_pages_answer_a_post_with_405_and_allow(strict, role, path):
    response = strict.post(path)
    assert response.status_code == 405
    assert allowed(response) == {"GET", "HEAD"}


def test_robots_txt_answers_head_like_get(strict):
    assert strict.head("/robots.txt").status_code == 200
    assert strict.post("/robots.txt").status_code == 405
