"""Helpers shared by the tests of the retention API."""

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from schakel.intake.tests.factories import membership_of
from schakel.legal.choices import RetentionKind
from schakel.privacy.models import LegalHold
from schakel.privacy.retention.holds import HoldInput, hold_place

PROBLEM = "application/problem+json"


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def errors(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def place(personas: Any, **overrides: Any) -> LegalHold:
    data = {
        "reference": "",
        "kind": RetentionKind.ONLINE_RESEARCH,
        "reason": "Onderzoek naar een incident.",
        "starts_on": None,
        "ends_on": timezone.localdate() + timedelta(days=90),
        **overrides,
    }
    return hold_place(membership=membership_of(personas.privacy_officer_a), data=HoldInput(**data))
