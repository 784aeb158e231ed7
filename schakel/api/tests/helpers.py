"""Helpers for the tests of every app's API endpoints: building a URL, sending JSON, reading a
validation error per field and asserting the problem+json answers (404, 409, any other)."""

from typing import Any

from django.test import Client
from django.urls import reverse

PROBLEM = "application/problem+json"


def create(factory: Any, **fields: Any) -> Any:
    """factory_boy is untyped: typed tests build their objects through this one call."""
    return factory(**fields)


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def put(client: Client, path: str, data: Any) -> Any:
    return client.put(path, data, content_type="application/json")


def patch(client: Client, path: str, data: Any) -> Any:
    return client.patch(path, data, content_type="application/json")


def messages(response: Any) -> dict[str | None, list[str]]:
    """The validation messages of a problem+json answer, per field (``None``: the whole)."""
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def assert_problem(response: Any, status: int, slug: str) -> dict[str, Any]:
    """The answer is a problem+json of this status and type; returns its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    data: dict[str, Any] = response.json()
    assert data["type"] == f"urn:schakel:problem:{slug}"
    return data


def assert_not_found(response: Any) -> None:
    assert_problem(response, 404, "not-found")


def assert_conflict(response: Any) -> dict[str, Any]:
    return assert_problem(response, 409, "conflict")
