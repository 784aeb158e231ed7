"""Helpers shared by the tests of the retention pages."""

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from schakel.intake.tests.factories import membership_of
from schakel.privacy.models import LegalHold
from schakel.privacy.retention.holds import HoldInput, hold_place

UPCOMING = reverse("privacy:retention_upcoming")
DELETIONS = reverse("privacy:retention_deletions")
RUNS = reverse("privacy:retention_runs")


def page(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return str(response.content.decode())


def place(personas: Any, reference: str, *, user: Any = None, **overrides: Any) -> LegalHold:
    data = {
        "reference": reference,
        "kind": "",
        "reason": "Lopende procedure bij de rechtbank.",
        "starts_on": None,
        "ends_on": timezone.localdate() + timedelta(days=200),
        **overrides,
    }
    return hold_place(
        membership=membership_of(user or personas.privacy_officer_a), data=HoldInput(**data)
    )
