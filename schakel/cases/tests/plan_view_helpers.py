"""Helpers shared by the tests of the action-plan screens."""

import html
from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from schakel.cases.models import ActionPlanVersion, Case, Intervention
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plans.services import InterventionInput, intervention_add
from schakel.intake.tests.factories import membership_of

INTERVENTIONS = reverse("cases:intervention_list")
DESCRIPTION = "Stopgesprek door de wijkagent over de berichten in de klassengroep."


def url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": case.pk, **kwargs})


def iurl(name: str, intervention: Intervention) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": intervention.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).isoformat()


def plan_data(version: ActionPlanVersion | None = None, **texts: str) -> dict[str, str]:
    data = dict.fromkeys(ANALYSIS_FIELDS.values(), "")
    data.update(
        goals="Terug naar school.",
        based_on_version=str(version.pk) if version else "",
        based_on_revision=str(version.revision) if version else "",
    )
    data.update(texts)
    return data


def intervention_data(owner: Any, **overrides: str) -> dict[str, str]:
    data = {
        "kind": "administrative",
        "owner": str(owner.pk),
        "life_domain": "online",
        "description": DESCRIPTION,
        "starts_on": day(0),
        "due_on": day(30),
        "based_on_revision": "",
    }
    data.update(overrides)
    return data


def add_intervention(personas: Any, case: Case, **overrides: Any) -> Intervention:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "kind": "care",
        "owner": personas.police,
        "description": DESCRIPTION,
        "starts_on": today,
        "due_on": today + timedelta(days=30),
    }
    values.update(overrides)
    return intervention_add(
        membership=membership_of(personas.director), case=case, data=InterventionInput(**values)
    )
