"""Helpers shared by the tests of the cases API: cases, meetings and action plans."""

from datetime import timedelta
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.cases.choices import LifeDomain
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import ActionPlanVersion, ConsultationMeeting
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis

PROBLEM = "application/problem+json"


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def put(client: Client, path: str, data: Any) -> Any:
    return client.put(path, data, content_type="application/json")


def patch(client: Client, path: str, data: Any) -> Any:
    return client.patch(path, data, content_type="application/json")


def messages(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def assert_not_found(response: Any) -> None:
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == "urn:schakel:problem:not-found"


def assert_conflict(response: Any) -> dict[str, Any]:
    assert response.status_code == 409, response.content
    assert response["Content-Type"] == PROBLEM
    data: dict[str, Any] = response.json()
    assert data["type"] == "urn:schakel:problem:conflict"
    return data


def analysis(**texts: str) -> dict[str, str]:
    return {domain.value: texts.get(domain.value, "") for domain in LifeDomain}


def plan_body(version: ActionPlanVersion | None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "analysis": analysis(housing="Woont bij ouders.", online="Actief op een forum."),
        "goals": "Afstand tot de groep; school afmaken.",
        "based_on_version": str(version.pk) if version else None,
        "based_on_revision": version.revision if version else None,
    }
    body.update(overrides)
    return body


def intervention_body(personas: Any, **overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    body: dict[str, Any] = {
        "kind": "care",
        "owner": str(personas.police.pk),
        "life_domain": "online",
        "description": "Gesprekken met de wijkagent over het forum.",
        "starts_on": today.isoformat(),
        "due_on": (today + timedelta(days=30)).isoformat(),
    }
    body.update(overrides)
    return body


def later(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def assert_problem(response: Any, status: int, slug: str) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == f"urn:schakel:problem:{slug}"


def acknowledge(user: Any, the_meeting: ConsultationMeeting) -> None:
    meeting_acknowledge(membership=membership_of(user), meeting=the_meeting)


def basis(code: str | None = None) -> LegalBasis:
    bases = LegalBasis.objects.filter(is_active=True)
    found = bases.filter(code=code).first() if code else None
    return found or bases.filter(organisation_kinds=[]).first() or bases.first()  # type: ignore[return-value]


def disclosure_body(personas: Any, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "content": "Bekend bij de politie wegens bedreiging op sociale media.",
        "categories": ["criminal"],
        "legal_basis": str(basis().pk),
        "purpose": "Gezamenlijke aanpak bepalen.",
        "necessity_note": "Noodzakelijk voor de risicotaxatie; geen lichter middel.",
        "recipients": [str(personas.municipality_a.pk), str(personas.zvh.pk)],
    }
    body.update(overrides)
    return body
