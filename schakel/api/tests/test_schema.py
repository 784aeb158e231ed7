"""The OpenAPI 3.1 document and the browsable docs (locally served, CSP-clean)."""

import re
from collections.abc import Iterator
from typing import Any

import yaml
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import URLPattern, URLResolver
from openapi_spec_validator import validate

from schakel.api import urls as api_urls

JSON_DOCUMENT = "/api/v1/openapi.json"
YAML_DOCUMENT = "/api/v1/openapi.yaml"


def api_routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, str | None]]:
    """Every (path, name) under /api/v1/, through the included apps' URL modules."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from api_routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def test_openapi_document_validates_as_3_1(db) -> None:
    response = Client().get(JSON_DOCUMENT)

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_openapi_document_is_also_served_as_yaml(db) -> None:
    response = Client().get(YAML_DOCUMENT)

    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    assert "/me" in document["paths"]


def test_document_describes_bearer_tokens_errors_and_endpoints(db) -> None:
    document = Client().get(JSON_DOCUMENT).json()

    schemes = document["components"]["securitySchemes"]
    assert schemes["personalAccessToken"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "schakel_pat_…",
        "description": schemes["personalAccessToken"]["description"],
    }
    documented = set(document["paths"])
    # Every route under /api/v1/ (except the docs page and the catch-all) is documented, by its
    # path relative to the server /api/v1 and without a trailing slash.
    routed = {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)
        for path, name in api_routes(api_urls.urlpatterns)
        if name not in {"docs", None}
    }
    assert routed == documented
    assert {
        "/signals/{id}",
        "/cases/{id}",
        "/agenda-items/{id}/disclosures",
        "/weighing-items/{id}/decision",
        "/cases/{id}/plan/versions/{number}",
    } <= documented
    me = document["paths"]["/me"]["get"]
    assert {"personalAccessToken": []} in me["security"]
    problem = me["responses"]["401"]["content"]["application/problem+json"]["schema"]
    assert problem == {"$ref": "#/components/schemas/Problem"}
    for path in document["paths"].values():
        for operation in path.values():
            for status, response in operation["responses"].items():
                if status == "204":
                    assert "content" not in response  # No Content: a deletion
                elif status.startswith("2"):
                    assert set(response["content"]) & {
                        "application/json",
                        "text/calendar",
                        "application/jsonl",
                        "application/vnd.oai.openapi+json",
                        "application/vnd.oai.openapi",
                        # Documents and attachments (issue 14): certificates, exports, files.
                        "application/pdf",
                        "text/csv",
                        "application/octet-stream",
                    }
                else:
                    assert list(response["content"]) == ["application/problem+json"]


def test_docs_page_scripts_are_same_origin_and_carry_the_nonce(db) -> None:
    response = Client().get("/api/v1/docs")

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy)
    assert nonce, policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    content = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", content, re.S)
    assert len(scripts) == 3
    for attributes, body in scripts:
        assert body.strip() == "", "no inline script"
        source = re.search(r'src="([^"]+)"', attributes)
        assert source, attributes
        assert source.group(1).startswith("/static/"), attributes
        assert f'nonce="{nonce.group(1)}"' in attributes
    assert "<style" not in content
    assert ' style="' not in content


def test_docs_assets_are_served_locally(db) -> None:
    content = Client().get("/api/v1/docs").content.decode()

    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', content)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert any(a.endswith("api/swagger-init.js") for a in assets)
    for asset in assets:
        assert finders.find(asset.removeprefix(settings.STATIC_URL)), asset
    assert "http://" not in content
    assert "https://" not in content
