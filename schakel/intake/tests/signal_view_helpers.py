"""Helpers shared by the tests of the signal screens."""

import html
from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from schakel.intake.models import Signal
from schakel.intake.tests.factories import phenomenon

CREATE = reverse("intake:signal_create")


def detail(signal: Signal) -> str:
    return reverse("intake:signal_detail", kwargs={"pk": signal.pk})


def yesterday() -> str:
    return (timezone.localdate() - timedelta(days=1)).isoformat()


def form_data(residence: Any, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "given_names": "Daan Pieter",
        "surname_prefix": "van",
        "surname": "Hoogeveld",
        "date_of_birth": "2004-03-17",
        "sex": "",
        "bsn": "",
        "address": "",
        "residence": str(residence.pk),
        "observation": "Deelt op school teksten die geweld tegen een groep goedpraten.",
        "observation_category": "ordinary",
        "observed_on": yesterday(),
        "source_domain": "education",
        "phenomenon": str(phenomenon().pk),
        "urgency": "normal",
        "reported_by": "own_organisation",
        "reporter_contact": "",
        "reporter_contact_category": "ordinary",
        "online_platform": "",
        "online_source_openness": "",
        "online_content": "",
        "online_content_category": "ordinary",
        "capture_fingerprint": "",
        "omgeving-TOTAL_FORMS": "2",
        "omgeving-INITIAL_FORMS": "0",
        "omgeving-MIN_NUM_FORMS": "0",
        "omgeving-MAX_NUM_FORMS": "2",
        "account-TOTAL_FORMS": "2",
        "account-INITIAL_FORMS": "0",
        "account-MIN_NUM_FORMS": "0",
        "account-MAX_NUM_FORMS": "2",
    }
    for row in range(2):
        for name in ("relation", "name", "date_of_birth"):
            data[f"omgeving-{row}-{name}"] = ""
        for name in ("platform", "handle"):
            data[f"account-{row}-{name}"] = ""
    data.update(overrides)
    return data


def text(response: Any) -> str:
    return html.unescape(response.content.decode())
