"""Closing a case with the reason "Anders" needs a note: the form says so before the review step,
so the review never shows a closure the service would refuse."""

import pytest

from schakel.cases.choices import CasePhase
from schakel.cases.models import Case
from schakel.cases.tests.factories import open_case
from schakel.cases.tests.plan_view_helpers import text, url

pytestmark = pytest.mark.django_db


def test_other_without_a_note_is_refused_before_the_review(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)

    response = client.post(url("case_close", case), {"reason": "other", "note": "  "})

    page = text(response)
    assert response.status_code == 200
    assert "Licht de reden van afsluiting toe." in page
    assert "Afsluiten controleren" not in page  # not the review step
    assert Case.objects.get(pk=case.pk).phase != CasePhase.CLOSED


def test_other_with_a_note_goes_to_the_review(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)

    response = client.post(url("case_close", case), {"reason": "other", "note": "Verhuisd."})

    assert "Afsluiten controleren" in text(response)
    assert Case.objects.get(pk=case.pk).phase != CasePhase.CLOSED
