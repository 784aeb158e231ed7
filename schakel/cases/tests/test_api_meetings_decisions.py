"""The consultation API: decisions, adopting the plan in the meeting, and the calendar feed."""

from typing import Any

import pytest
from django.test import Client

from schakel.api.tests.helpers import assert_not_found, assert_problem, messages, post, url
from schakel.cases.choices import ClosureReason, MeetingStatus, PlanVersionStatus
from schakel.cases.lifecycle_services import case_close
from schakel.cases.meetings.services import meeting_set_status
from schakel.cases.models import Case, ItemDecision
from schakel.cases.tests.api_helpers import acknowledge
from schakel.cases.tests.factories import first_draft, invite, meeting, on_agenda, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


# --- decisions and adopting the plan -----------------------------------------------------------


def test_who_runs_the_meeting_records_a_decision(personas, api_client, item) -> None:
    acknowledge(personas.director, item.meeting)
    client = api_client(personas.director)

    empty = post(client, url("agenda-item-decisions", item.pk), {"text": " "})
    assert messages(empty) == {"text": ["Vul het besluit in."]}
    response = post(
        client, url("agenda-item-decisions", item.pk), {"text": "Huisbezoek door de wijkagent."}
    )

    assert response.status_code == 201, response.content
    assert response.json()["text_category"] == "ordinary"
    assert ItemDecision.objects.get().text == "Huisbezoek door de wijkagent."


def test_partners_may_not_record_decisions(personas, api_client, item) -> None:
    acknowledge(personas.police_member, item.meeting)

    response = post(
        api_client(personas.police_member), url("agenda-item-decisions", item.pk), {"text": "x"}
    )

    assert_not_found(response)


def test_decisions_on_a_closed_case_are_a_conflict(personas, api_client, item) -> None:
    acknowledge(personas.director, item.meeting)
    case_close(
        membership=membership_of(personas.director),
        case=item.case,
        reason=ClosureReason.GOALS_REACHED,
    )

    response = post(
        api_client(personas.director), url("agenda-item-decisions", item.pk), {"text": "x"}
    )

    assert_problem(response, 409, "conflict")


def draft_of(personas: Any, case: Case) -> Any:
    return first_draft(
        membership_of(personas.director),
        case,
        goals="Afstand tot de groep.",
        housing="Woont bij ouders.",
    )


def test_the_meeting_adopts_the_draft(personas, api_client, item) -> None:
    draft = draft_of(personas, item.case)
    acknowledge(personas.director, item.meeting)
    client = api_client(personas.director)

    response = post(
        client,
        url("agenda-item-plan-adoption", item.pk),
        {"based_on_revision": draft.revision, "meeting_in_progress": True},
    )

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "adopted"
    assert response.json()["adopted_in"] == str(item.pk)
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.ADOPTED
    nothing = post(
        client,
        url("agenda-item-plan-adoption", item.pk),
        {"based_on_revision": 1, "meeting_in_progress": True},
    )
    assert messages(nothing) == {"plan": ["Er is geen conceptversie om vast te stellen."]}


def test_adopting_an_outdated_revision_is_a_conflict_and_adopts_nothing(
    personas, api_client, item
) -> None:
    draft = draft_of(personas, item.case)
    acknowledge(personas.director, item.meeting)

    response = post(
        api_client(personas.director),
        url("agenda-item-plan-adoption", item.pk),
        {"based_on_revision": draft.revision + 5, "meeting_in_progress": True},
    )

    assert_problem(response, 409, "conflict")
    data = response.json()
    assert data["saved"] is False
    assert data["current_version"] == str(draft.pk)
    assert data["current_revision"] == draft.revision
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT


def test_adopting_in_a_meeting_not_held_needs_the_in_progress_confirmation(
    personas, api_client, item
) -> None:
    draft = draft_of(personas, item.case)
    acknowledge(personas.director, item.meeting)

    response = post(
        api_client(personas.director),
        url("agenda-item-plan-adoption", item.pk),
        {"based_on_revision": draft.revision},
    )

    data = assert_problem(response, 409, "conflict")
    assert "het overleg is nog niet gehouden" in data["detail"]
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT


def test_adopting_in_a_held_meeting_needs_no_confirmation(personas, api_client, item) -> None:
    draft = draft_of(personas, item.case)
    acknowledge(personas.director, item.meeting)
    meeting_set_status(
        membership=membership_of(personas.director),
        meeting=item.meeting,
        status=MeetingStatus.HELD,
    )

    response = post(
        api_client(personas.director),
        url("agenda-item-plan-adoption", item.pk),
        {"based_on_revision": draft.revision},
    )

    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.ADOPTED


def test_adopting_needs_a_revision(personas, api_client, item) -> None:
    acknowledge(personas.director, item.meeting)

    response = post(api_client(personas.director), url("agenda-item-plan-adoption", item.pk), {})

    assert messages(response) == {"based_on_revision": ["Dit veld is vereist."]}


# --- the calendar feed -------------------------------------------------------------------------


def test_the_calendar_feed_has_the_visible_meetings_without_person_data(
    personas, api_client, item
) -> None:
    cancelled = meeting(personas)
    meeting_set_status(
        membership=membership_of(personas.director),
        meeting=cancelled,
        status=MeetingStatus.CANCELLED,
    )

    response = api_client(personas.director).get(url("meeting-calendar"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content.decode()
    assert content.startswith("BEGIN:VCALENDAR")
    assert content.count("BEGIN:VEVENT") == 2
    assert "STATUS:CANCELLED" in content
    for word in ("Hoogeveld", item.case.reference, personas.director.full_name):
        assert word not in content
    police = api_client(personas.police_member).get(url("meeting-calendar")).content.decode()
    assert police.count("BEGIN:VEVENT") == 1
    empty = api_client(personas.lead_b).get(url("meeting-calendar")).content.decode()
    assert "BEGIN:VEVENT" not in empty


def test_the_calendar_feed_needs_a_token(personas) -> None:
    response = Client().get(url("meeting-calendar"))

    assert_problem(response, 401, "not-authenticated")


def test_invited_partners_meeting_shows_only_their_item(personas, api_client, case, item) -> None:
    other = on_agenda(
        personas, open_case(personas, given_names="Ilse", surname="Brandsma"), item.meeting
    )
    invite(personas, other, personas.ggz)
    acknowledge(personas.ggz_member, item.meeting)

    data = api_client(personas.ggz_member).get(url("meeting-detail", item.meeting_id)).json()

    assert [row["id"] for row in data["agenda_items"]] == [str(other.pk)]
