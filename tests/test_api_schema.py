"""The API keeps the contract its OpenAPI schema states: every status it answers is documented
(429 with Retry-After), HEAD is answered like GET everywhere, a resource has one address, and
schemathesis, running all its checks on generated requests, finds no failure."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from .factories import make_band, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    return json.loads(client.get("/api/v1/openapi.json").content)


def documented(schema, path, status):
    (operation,) = schema["paths"][path].values()
    return str(status) in {str(code) for code in operation["responses"]}


@pytest.mark.parametrize(
    ("url", "path", "status"),
    [  # the red team's examples, and one of each other kind
        ("/api/v1/sectors?page=2", "/api/v1/sectors", 404),
        ("/api/v1/skills?page=7", "/api/v1/skills", 404),
        ("/api/v1/roles?skill=0.5", "/api/v1/roles", 422),
        ("/api/v1/roles?page=0", "/api/v1/roles", 422),
        ("/api/v1/roles/yok", "/api/v1/roles/{slug}", 404),
        ("/api/v1/salaries/2031", "/api/v1/salaries/{year}", 404),
        ("/api/v1/salaries/2031?page_size=0", "/api/v1/salaries/{year}", 422),
    ],
)
def test_every_status_the_api_answers_is_in_its_schema(client, schema, url, path, status):
    make_role("Uzman", slug="uzman")
    assert client.get(url).status_code == status
    assert documented(schema, path, status)


def test_every_operation_documents_429_with_retry_after(client, schema, settings):
    settings.API_RATE_LIMIT = 1
    client.get("/api/v1/salaries")
    refused = client.get("/api/v1/minimum-wage")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    for item in schema["paths"].values():
        (operation,) = item.values()
        answer = {str(code): value for code, value in operation["responses"].items()}["429"]
        assert answer["headers"]["Retry-After"]["schema"]["type"] == "integer"
        assert answer["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }


def test_a_search_with_nothing_to_look_for_finds_nothing(client):
    """Punctuation only (or a control character, the red team's %C2%85) is a valid string the
    schema allows: an empty page, not a 400 the schema never mentions."""
    make_role("Uzman", slug="uzman")
    for query in ("%22%2A%28", "%C2%85", "%20"):
        response = client.get(f"/api/v1/roles?q={query}")
        assert response.status_code == 200
        assert json.loads(response.content)["count"] == 0


@pytest.fixture
def content(db):
    role = make_role("Uzman", slug="uzman")
    make_band(role, year=2025)
    return role


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/",
        "/api/v1/roles",
        "/api/v1/roles/uzman",
        "/api/v1/sectors",
        "/api/v1/skills",
        "/api/v1/salaries",
        "/api/v1/salaries/2025",
        "/api/v1/minimum-wage",
        "/api/v1/openapi.json",
        "/veri/maaslar.csv",
    ],
)
def test_head_is_answered_like_get_on_every_endpoint(client, content, path):
    head = client.head(path)  # first: not served from the page cache
    get = client.get(path)
    assert (head.status_code, get.status_code) == (200, 200)
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert head["ETag"] == get["ETag"]


def test_a_year_has_one_address(client, content):
    assert client.get("/api/v1/salaries/2025").status_code == 200
    for other in ("2025.0", "02025", "2025 ", "+2025"):
        assert client.get(f"/api/v1/salaries/{other}").status_code == 404, other


@pytest.mark.django_db(transaction=True)
def test_schemathesis_with_all_checks_finds_no_failure(live_server, settings, tmp_path):
    """Generated requests for every operation (examples, coverage, fuzzing and stateful
    phases), all checks: status codes, content types, headers, bodies against the schema,
    schema-valid requests accepted and invalid ones refused, unsupported methods answered
    405 with Allow. Bounded so that it takes well under a minute; the seed is printed."""
    call_command("loaddemo", verbosity=0)
    settings.API_RATE_LIMIT = 0  # the limit's 429 is tested above; here every request counts
    settings.SEARCH_FRESH_PER_MINUTE = 1_000_000
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")), "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--checks", "all", "--max-examples", os.environ.get("SCHEMATHESIS_EXAMPLES", "30"),
            "--workers", "1", "--no-color", "--request-timeout", "20",
        ],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,  # (its cache folder)
        env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
    )  # fmt: skip
    summary = result.stdout[result.stdout.rfind("SUMMARY") :]
    print(summary)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in summary or "passed" in summary, summary
