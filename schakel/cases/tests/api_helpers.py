"""Helpers shared by the tests of the cases API: cases, meetings and action plans (the ones
every API test uses are in ``schakel.api.tests.helpers``)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from schakel.cases.choices import LifeDomain
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import ActionPlanVersion, ConsultationMeeting
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis


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
