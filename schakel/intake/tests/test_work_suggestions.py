"""Mijn werk names a match suggestion by the viewer's own signal: each municipality's lead sees
its own reference, never the other municipality's (which the suggestion page hides too, and
which the e-mail about the item would otherwise carry)."""

import pytest

from schakel.intake.tests.factories import membership_of
from schakel.intake.work import SUGGESTION, suggestions_to_decide

pytestmark = pytest.mark.django_db


def named(user) -> list[str]:  # type: ignore[no-untyped-def]
    items = suggestions_to_decide(membership_of(user))
    return [item.reference for item in items if item.kind == SUGGESTION]


def test_each_lead_sees_the_suggestion_under_their_own_signal(personas, across) -> None:
    aldermeer, brookdam = across.signal, across.earlier_signal
    assert aldermeer.directing_municipality == personas.municipality_a
    assert brookdam.directing_municipality == personas.municipality_b

    assert named(personas.lead_a) == [aldermeer.reference]
    assert named(personas.lead_b) == [brookdam.reference]
    for label in (item.label for item in suggestions_to_decide(membership_of(personas.lead_b))):
        assert aldermeer.reference not in str(label)
