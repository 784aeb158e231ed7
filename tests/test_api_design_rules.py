"""The served OpenAPI document passes the NLGov REST API Design Rules linter (.spectral.yaml,
run with @stoplight/spectral-cli from node_modules/), and the linter is shown to fail on a
document that breaks the rules. The behaviour the rules describe is checked on the API itself:
no trailing slash (a 404, never a redirect) and camelCase query keys (a snake_case key is a 400).
"""

import copy
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from schakel.api.version import API_VERSION

ROOT = Path(__file__).resolve().parent.parent
SPECTRAL = ROOT / "node_modules" / ".bin" / "spectral"
RULESET = ROOT / ".spectral.yaml"


def served_document() -> dict[str, Any]:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def lint(document: dict[str, Any], directory: Path) -> subprocess.CompletedProcess[str]:
    assert SPECTRAL.exists(), (
        "node_modules/.bin/spectral ontbreekt: draai scripts/ensure-node-modules"
    )
    path = directory / "openapi.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return subprocess.run(  # noqa: S603 - the project's own spectral on a file it wrote
        [
            str(SPECTRAL),
            "lint",
            "--ruleset",
            str(RULESET),
            "--fail-severity",
            "error",
            "--format",
            "text",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def document(django_db_blocker: Any) -> dict[str, Any]:
    with django_db_blocker.unblock():
        return served_document()


@pytest.mark.django_db
def test_the_served_document_passes_the_api_design_rules(document, tmp_path) -> None:
    result = lint(document, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_the_linter_fails_on_a_document_that_breaks_the_rules(document, tmp_path) -> None:
    broken = copy.deepcopy(document)
    broken["info"]["version"] = "1.0 (v1)"
    broken["servers"] = [{"url": "/api"}]
    paths = broken["paths"]
    some_path = next(path for path in paths if "{" in path)
    paths[some_path + "/"] = paths.pop(some_path)
    operation = next(op for op in paths["/cases"].values() if isinstance(op, dict))
    operation["parameters"].append({"name": "page_size", "in": "query", "schema": {}})
    del broken["info"]["contact"]["email"]
    me = paths["/me"]["get"]["responses"]
    del me["200"]["headers"]["API-Version"]
    me["404"]["content"] = {"application/json": me["404"]["content"]["application/problem+json"]}
    paths["/partnerList"] = paths.pop("/partners")
    del paths["/openapi.json"]

    result = lint(broken, tmp_path)

    assert result.returncode != 0
    for rule in (
        "adr:semver",
        "adr:major-version-in-uri",
        "adr:no-trailing-slash",
        "adr:query-keys-camel-case",
        "adr:contact-fields",
        "adr:response-has-version-header",
        "adr:errors-are-problems",
        "adr:paths-kebab-case",
        "adr:openapi-json-documented",
    ):
        assert rule in result.stdout, rule


def test_the_document_states_version_servers_and_contact(document) -> None:
    assert document["info"]["version"] == API_VERSION
    assert document["servers"] == [
        {"url": "/api/v1", "description": document["servers"][0]["description"]}
    ]
    assert set(document["info"]["contact"]) >= {"name", "email", "url"}
    assert all(
        not path.endswith("/") and not path.startswith("/api/") for path in document["paths"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_a_trailing_slash_is_a_404_naming_the_path_without_it(method) -> None:
    response = getattr(Client(), method)("/api/v1/cases/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "Location" not in response
    assert response.json()["detail"] == ("Paden eindigen niet op een schuine streep: /api/v1/cases")


@pytest.mark.django_db
def test_an_unknown_path_with_a_slash_gets_the_plain_404() -> None:
    response = Client().get("/api/v1/nothing-here/")

    assert response.status_code == 404
    assert "schuine streep" not in response.json()["detail"]


@pytest.mark.django_db
def test_a_snake_case_query_key_is_refused_with_its_camel_case_name() -> None:
    response = Client().get("/api/v1/cases", {"page_size": "5", "page": "1"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == API_VERSION
    assert response.json()["errors"] == [
        {
            "field": "page_size",
            "message": "Query-parameters zijn in camelCase: pageSize.",
            "code": "snake_case_query_key",
        }
    ]


@pytest.mark.django_db
def test_the_refusal_speaks_the_request_language_and_keeps_the_usual_headers() -> None:
    Client().get("/api/v1/cases", {"page_size": "5"}, headers={"Accept-Language": "en"})

    english = Client().get("/api/v1/cases", {"page_size": "5"}, headers={"Accept-Language": "en"})
    dutch = Client().get("/api/v1/cases", {"page_size": "5"})

    assert english.json()["errors"][0]["message"] == "Query parameters are in camelCase: pageSize."
    assert dutch.json()["errors"][0]["message"] == "Query-parameters zijn in camelCase: pageSize."
    for response in (english, dutch):
        assert response.status_code == 400
        assert "no-store" in response["Cache-Control"]
        assert response["API-Version"] == API_VERSION


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("Source_Domain", "Query-parameters zijn in camelCase: sourceDomain."),
        ("_", "Query-parameters zijn in camelCase, zonder _."),
    ],
)
@pytest.mark.django_db
def test_odd_snake_case_keys_get_a_sensible_message(key, message) -> None:
    response = Client().get("/api/v1/partners", {key: "x"})

    assert response.json()["errors"][0]["message"] == message


@pytest.mark.django_db
def test_the_documentation_page_takes_any_query() -> None:
    assert Client().get("/api/v1/docs", {"utm_source": "x"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1", "/api/v1/"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_api_root_is_a_404_problem_not_a_redirect(path, method) -> None:
    response = getattr(Client(), method)(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "no-store" in response["Cache-Control"]


def test_no_text_in_the_document_names_a_path_with_a_trailing_slash(document) -> None:
    text = json.dumps(document, ensure_ascii=False)
    web_pages = {"/api-tokens/"}  # pages of the web interface end in a slash

    found = set(re.findall(r"(?:/api/v1)?/[a-z][a-z0-9{}/-]*[a-z}]/(?=[\s.,;)\"])", text))
    assert found - web_pages == set()
