"""Helpers shared by the tests of the weighing API."""

from typing import Any

from django.test import Client
from django.urls import reverse

from schakel.cases.tests.factories import JUSTIFICATION
from schakel.weighing.choices import WeighingOutcome
from schakel.weighing.selectors import active_criteria

PROBLEM = "application/problem+json"
PERSON_WORDS = ("Daan", "Hoogeveld", "2004-03-17", "goedpraten", "Noodzakelijk")


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def messages(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def assert_not_found(response: Any) -> None:
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == "urn:schakel:problem:not-found"


def decision_body(**overrides: Any) -> dict[str, Any]:
    criteria = [{"criterion": str(c.pk), "note": "Overwogen."} for c in active_criteria()[:2]]
    body: dict[str, Any] = {
        "outcome": WeighingOutcome.INCLUDE,
        "justification": JUSTIFICATION,
        "criteria": criteria,
    }
    body.update(overrides)
    return body
