"""The OpenAPI 3.1 document and the browsable docs (locally served, CSP-clean)."""

import re

import yaml
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from openapi_spec_validator import validate

SCHEMA = "/api/v1/schema/"


def test_openapi_document_validates_as_3_1(db) -> None:
    response = Client().get(SCHEMA, {"format": "json"})

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_openapi_document_is_also_served_as_yaml(db) -> None:
    response = Client().get(SCHEMA)

    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    assert "/api/v1/me/" in document["paths"]


def test_document_describes_bearer_tokens_errors_and_endpoints(db) -> None:
    document = Client().get(SCHEMA, {"format": "json"}).json()

    schemes = document["components"]["securitySchemes"]
    assert schemes["personalAccessToken"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "schakel_pat_…",
        "description": schemes["personalAccessToken"]["description"],
    }
    assert set(document["paths"]) == {
        "/api/v1/me/",
        "/api/v1/partners/",
        "/api/v1/partners/{id}/",
        "/api/v1/signals/",
        "/api/v1/signals/{id}/",
        "/api/v1/match-suggestions/",
        "/api/v1/match-suggestions/{id}/",
        "/api/v1/match-suggestions/{id}/decision/",
        "/api/v1/online-research/",
        "/api/v1/online-research/{id}/",
        "/api/v1/online-research/{id}/completion/",
    }
    me = document["paths"]["/api/v1/me/"]["get"]
    assert {"personalAccessToken": []} in me["security"]
    problem = me["responses"]["401"]["content"]["application/problem+json"]["schema"]
    assert problem == {"$ref": "#/components/schemas/Problem"}
    for path in document["paths"].values():
        for operation in path.values():
            for status, response in operation["responses"].items():
                if status.startswith("2"):
                    assert "application/json" in response["content"]
                else:
                    assert list(response["content"]) == ["application/problem+json"]


def test_docs_page_scripts_are_same_origin_and_carry_the_nonce(db) -> None:
    response = Client().get("/api/v1/docs/")

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
    content = Client().get("/api/v1/docs/").content.decode()

    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', content)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert any(a.endswith("api/swagger-init.js") for a in assets)
    for asset in assets:
        assert finders.find(asset.removeprefix(settings.STATIC_URL)), asset
    assert "http://" not in content
    assert "https://" not in content
