"""Helpers shared by the tests of the weighing API (the ones every API test uses are in
``schakel.api.tests.helpers``)."""

from typing import Any

from schakel.cases.tests.factories import JUSTIFICATION
from schakel.weighing.choices import WeighingOutcome
from schakel.weighing.selectors import active_criteria

PERSON_WORDS = ("Daan", "Hoogeveld", "2004-03-17", "goedpraten", "Noodzakelijk")


def decision_body(**overrides: Any) -> dict[str, Any]:
    criteria = [{"criterion": str(c.pk), "note": "Overwogen."} for c in active_criteria()[:2]]
    body: dict[str, Any] = {
        "outcome": WeighingOutcome.INCLUDE,
        "justification": JUSTIFICATION,
        "criteria": criteria,
    }
    body.update(overrides)
    return body
