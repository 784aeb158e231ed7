"""The API says its version in every answer and publishes its OpenAPI document at its root for
anyone (NLGov API Design Rules: /core/version-header, /core/semver, /core/doc-openapi)."""

import json

import pytest
import yaml
from django.test import Client

from schakel.api.version import API_VERSION

pytestmark = pytest.mark.django_db

SEMVER = r"^\d+\.\d+\.\d+$"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/openapi.json", 200),
        ("/api/v1/cases", 401),  # not signed in
        ("/api/v1/does-not-exist", 404),
        ("/api/v1/me", 401),
    ],
)
def test_every_answer_under_the_api_names_the_full_version(path: str, status: int) -> None:
    response = Client().get(path)
    assert response.status_code == status
    assert response["API-Version"] == API_VERSION


def test_pages_outside_the_api_do_not() -> None:
    assert "API-Version" not in Client().get("/inloggen/")


def test_the_document_is_public_with_cors_for_get_in_json_and_yaml() -> None:
    as_json = Client().get("/api/v1/openapi.json")
    as_yaml = Client().get("/api/v1/openapi.yaml")

    assert as_json.status_code == as_yaml.status_code == 200
    assert as_json["Access-Control-Allow-Origin"] == "*"
    assert "GET" in as_json["Access-Control-Allow-Methods"]
    document = json.loads(as_json.content)
    assert yaml.safe_load(as_yaml.content) == document
    assert document["info"]["version"] == API_VERSION
    assert set(document["info"]["contact"]) == {"name", "email", "url"}


def test_the_document_describes_the_version_header_on_every_response() -> None:
    document = json.loads(Client().get("/api/v1/openapi.json").content)
    assert "API-Version" in document["components"]["headers"]
    responses = [
        response
        for operations in document["paths"].values()
        for operation in operations.values()
        if isinstance(operation, dict) and "responses" in operation
        for response in operation["responses"].values()
    ]
    assert len(responses) > 100
    assert all("API-Version" in response.get("headers", {}) for response in responses)


def test_the_version_is_semantic(settings) -> None:
    import re

    assert re.match(SEMVER, API_VERSION)
    assert settings.SPECTACULAR_SETTINGS["VERSION"] == API_VERSION
