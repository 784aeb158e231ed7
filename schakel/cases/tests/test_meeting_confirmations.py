"""Heavy meeting actions ask first: cancelling a meeting and adopting the plan each have a
confirmation page (GET asks, POST acts, others get 404); a plan is adopted only in a meeting
that was held or with the explicit confirmation that it is being held now."""

import re

import pytest
from django.urls import reverse

from schakel.cases.choices import MeetingStatus, PlanVersionStatus
from schakel.cases.meetings.services import meeting_set_status
from schakel.cases.tests.meeting_view_helpers import acknowledged, draft_of, text, url
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


# Cancelling a meeting ----------------------------------------------------------------------


def test_the_cancel_button_leads_to_a_confirmation_page_that_changes_nothing(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)
    detail = text(client.get(url("meeting_detail", item.meeting)))
    assert f'action="{url("meeting_cancel", item.meeting)}"' in detail

    page = client.get(url("meeting_cancel", item.meeting))

    assert page.status_code == 200
    content = text(page)
    assert "Casusoverleg annuleren" in content
    assert "Annuleren kan niet ongedaan worden gemaakt." in content
    assert f'href="{url("meeting_detail", item.meeting)}"' in content
    assert 'name="_formulier"' in content
    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.PLANNED


def test_confirming_cancels_the_meeting_and_returns_to_it(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(url("meeting_cancel", item.meeting), {"stap": "bevestigen"})

    assert response.status_code == 302
    assert response["Location"] == url("meeting_detail", item.meeting)
    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.CANCELLED
    assert client.get(url("meeting_cancel", item.meeting)).status_code == 404


@pytest.mark.parametrize("persona", ["police_member", "lead_a", "lead_b"])
def test_others_get_404_on_the_cancel_confirmation(personas, world, signed_in, persona) -> None:
    item, _ = world
    client = acknowledged(signed_in, getattr(personas, persona), item.meeting)

    assert client.get(url("meeting_cancel", item.meeting)).status_code == 404
    assert client.post(url("meeting_cancel", item.meeting)).status_code == 404
    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.PLANNED


# Adopting the plan -------------------------------------------------------------------------


def adopt_url(item, draft) -> str:
    return f"{url('item_plan_adopt', item)}?based_on_revision={draft.revision}"


def test_the_adopt_button_asks_first_and_a_planned_meeting_needs_the_in_progress_check(
    personas, world, signed_in
) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, personas.director, item.meeting)

    page = text(client.get(adopt_url(item, draft)))

    assert "Plan van aanpak vaststellen" in page
    assert "vaststellen kan niet ongedaan worden" in page
    assert 'name="overleg_nu"' in page
    assert re.search(r'name="based_on_revision" value="\d+"', page)
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT


def test_without_the_in_progress_check_nothing_is_adopted(personas, world, signed_in) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(
        url("item_plan_adopt", item), {"based_on_revision": draft.revision, "stap": "bevestigen"}
    )

    assert response.status_code == 200
    assert "Bevestig dat het overleg nu wordt gehouden" in text(response)
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT


def test_with_the_check_the_plan_is_adopted_and_the_message_links_to_the_version(
    personas, world, signed_in
) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(
        url("item_plan_adopt", item),
        {"based_on_revision": draft.revision, "overleg_nu": "ja", "stap": "bevestigen"},
    )

    assert response["Location"] == url("item_detail", item) + "#plan"
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.ADOPTED
    page = text(client.get(response["Location"]))
    version_url = reverse("cases:plan_version", kwargs={"pk": item.case_id, "number": draft.number})
    assert f'href="{version_url}">Versie {draft.number} bekijken</a>' in page


def test_in_a_held_meeting_no_check_is_asked(personas, world, signed_in) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    meeting_set_status(
        membership=membership_of(personas.director),
        meeting=item.meeting,
        status=MeetingStatus.HELD,
    )
    client = acknowledged(signed_in, personas.director, item.meeting)
    assert 'name="overleg_nu"' not in text(client.get(adopt_url(item, draft)))

    client.post(
        url("item_plan_adopt", item), {"based_on_revision": draft.revision, "stap": "bevestigen"}
    )

    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.ADOPTED


@pytest.mark.parametrize("persona", ["police_member", "lead_a", "lead_b"])
def test_others_get_404_on_the_adopt_confirmation(personas, world, signed_in, persona) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, getattr(personas, persona), item.meeting)

    assert client.get(adopt_url(item, draft)).status_code == 404
    data = {"based_on_revision": draft.revision, "overleg_nu": "ja", "stap": "bevestigen"}
    assert client.post(url("item_plan_adopt", item), data).status_code == 404
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT
