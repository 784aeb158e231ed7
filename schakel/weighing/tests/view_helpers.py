"""Helpers shared by the tests of the weighing screens."""

import html
from typing import Any

from django.urls import reverse

from schakel.cases.tests.factories import JUSTIFICATION
from schakel.weighing.choices import WeighingOutcome
from schakel.weighing.models import WeighingItem, WeighingSession
from schakel.weighing.selectors import active_criteria

LIST = reverse("weighing:session_list")
CREATE = reverse("weighing:session_create")
SURNAME = "Hoogeveld"  # the fictional person of the intake factories


def session_url(session: WeighingSession, name: str = "session_detail") -> str:
    return reverse(f"weighing:{name}", kwargs={"pk": session.pk})


def item_url(item: WeighingItem, name: str = "item_detail") -> str:
    return reverse(f"weighing:{name}", kwargs={"pk": item.pk})


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def decision_data(outcome: str = WeighingOutcome.INCLUDE, **overrides: Any) -> dict[str, Any]:
    criteria = list(active_criteria()[:2])
    data: dict[str, Any] = {
        "outcome": outcome,
        "criteria": [str(c.pk) for c in criteria],
        "justification": JUSTIFICATION,
        "justification_category": "ordinary",
        "follow_up_on": "",
        "process_director": "",
        # As sent from the review step's "Bevestigen" (the first submit shows the review).
        "stap": "bevestigen",
    }
    for criterion in criteria:
        data[f"note_{criterion.pk}"] = "Besproken met politie en OM."
    data.update(overrides)
    return data
