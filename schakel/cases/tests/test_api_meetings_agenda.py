"""The consultation API: meetings, the confidentiality acknowledgment, agenda items and
invitations."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from schakel.api.tests.helpers import assert_not_found, assert_problem, messages, post, url
from schakel.audit.models import LogRecord
from schakel.cases.meetings.services import meeting_set_status
from schakel.cases.models import ConsultationMeeting, MeetingAttendance
from schakel.cases.tests.api_helpers import acknowledge, disclosure_body
from schakel.cases.tests.factories import OUTSIDERS, meeting, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


ACK_TYPE = "urn:schakel:problem:acknowledgment-required"


# --- meetings ----------------------------------------------------------------------------------


def test_the_director_schedules_a_meeting(personas, api_client) -> None:
    starts = timezone.now() + timedelta(days=5)
    response = post(
        api_client(personas.director),
        url("meeting-list"),
        {
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "place": "Vergaderzaal 1",
        },
    )

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "planned"
    assert data["zvh"]["name"] == "ZVH Noordkaap"
    assert data["chair"].endswith(f"– ZVH Noordkaap ({personas.zvh.mailbox})")
    assert personas.director.full_name not in response.content.decode()
    assert ConsultationMeeting.objects.get().chair == personas.director


def test_scheduling_checks_times_and_place_in_dutch(personas, api_client) -> None:
    starts = timezone.now() + timedelta(days=5)
    response = post(
        api_client(personas.director),
        url("meeting-list"),
        {"starts_at": starts.isoformat(), "ends_at": starts.isoformat(), "place": "  "},
    )

    assert response.status_code == 400
    assert messages(response) == {
        "ends_at": ["De eindtijd ligt vóór de begintijd."],
        "place": ["Vul de plaats of de verbinding in."],
    }
    assert not ConsultationMeeting.objects.exists()


def test_a_chair_from_elsewhere_is_refused(personas, api_client) -> None:
    starts = timezone.now() + timedelta(days=5)
    response = post(
        api_client(personas.director),
        url("meeting-list"),
        {
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "place": "Zaal",
            "chair": str(personas.director_other.pk),
        },
    )

    assert messages(response) == {"chair": ["Kies een medewerker van uw Zorg- en Veiligheidshuis."]}


@pytest.mark.parametrize("persona", ["lead_a", "police_member", "director_other", "admin_a"])
def test_only_process_directors_schedule_here_others_get_404(personas, api_client, persona) -> None:
    response = post(api_client(getattr(personas, persona)), url("meeting-list"), {})

    if persona == "director_other":
        assert response.status_code == 400  # a director of their own ZVH: input is checked
    else:
        assert_not_found(response)


def test_meetings_are_listed_for_those_with_a_visible_item(
    personas, api_client, item, django_assert_max_num_queries
) -> None:
    for _ in range(4):
        meeting(personas)
    director = api_client(personas.director)
    director.get(url("meeting-list"))

    with django_assert_max_num_queries(12):
        response = director.get(url("meeting-list"))

    assert response.json()["count"] == 5
    police = api_client(personas.police_member).get(url("meeting-list")).json()
    assert [row["id"] for row in police["results"]] == [str(item.meeting_id)]
    assert api_client(personas.lead_b).get(url("meeting-list")).json()["count"] == 0
    filtered = director.get(url("meeting-list"), {"status": "held"}).json()
    assert filtered["count"] == 0


def test_opening_a_meeting_needs_the_acknowledgment_first(personas, api_client, item) -> None:
    client = api_client(personas.police_member)

    response = client.get(url("meeting-detail", item.meeting_id))
    assert_problem(response, 409, "acknowledgment-required")
    assert response.json()["title"] == "Geheimhouding nog niet bevestigd"
    assert response.json()["title_en"] == "Confidentiality not yet acknowledged"
    assert "acknowledgment" in response.json()["detail"]

    ack = post(client, url("meeting-acknowledgment", item.meeting_id))
    assert ack.status_code == 200
    assert ack.json()["meeting"] == str(item.meeting_id)
    again = post(client, url("meeting-acknowledgment", item.meeting_id))
    assert again.json()["acknowledged_at"] == ack.json()["acknowledged_at"]
    assert MeetingAttendance.objects.filter(user=personas.police_member).count() == 1

    response = client.get(url("meeting-detail", item.meeting_id))
    assert response.status_code == 200, response.content
    data = response.json()
    assert [row["id"] for row in data["agenda_items"]] == [str(item.pk)]
    assert data["agenda_items"][0]["case"]["reference"] == item.case.reference
    [attendance] = data["attendances"]
    assert attendance["organisation"]["name"] == "Politie-eenheid Noordkaap"
    assert personas.police_member.full_name not in response.content.decode()
    assert data["may_edit_agenda"] is False
    assert "Hoogeveld" not in response.content.decode()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_others_get_404_for_meetings_and_items(personas, api_client, item, persona) -> None:
    client = api_client(getattr(personas, persona))
    acknowledge(personas.director, item.meeting)
    disclosure = post(
        api_client(personas.director), url("agenda-item-disclosures", item.pk),
        disclosure_body(personas, recipients=[str(personas.police.pk)]),
    )  # fmt: skip
    assert disclosure.status_code == 201, disclosure.content
    disclosure_id = disclosure.json()["id"]

    assert_not_found(client.get(url("meeting-detail", item.meeting_id)))
    assert_not_found(post(client, url("meeting-acknowledgment", item.meeting_id)))
    assert_not_found(post(client, url("meeting-agenda-items", item.meeting_id), {"case": "x"}))
    assert_not_found(client.get(url("agenda-item-detail", item.pk)))
    assert_not_found(post(client, url("agenda-item-invitations", item.pk), {}))
    assert_not_found(client.get(url("agenda-item-disclosures", item.pk)))
    assert_not_found(post(client, url("agenda-item-disclosures", item.pk), {}))
    assert_not_found(client.get(url("disclosure-detail", disclosure_id)))
    assert_not_found(post(client, url("disclosure-corrections", disclosure_id), {}))
    assert_not_found(post(client, url("agenda-item-decisions", item.pk), {"text": "Besluit"}))
    assert_not_found(post(client, url("agenda-item-plan-adoption", item.pk), {}))
    assert not MeetingAttendance.objects.exclude(user=personas.director).exists()


# --- agenda items and invitations --------------------------------------------------------------


def test_the_director_puts_a_case_on_the_agenda(personas, api_client, case) -> None:
    the_meeting = meeting(personas)
    client = api_client(personas.director)

    response = post(client, url("meeting-agenda-items", the_meeting.pk), {"case": str(case.pk)})

    assert response.status_code == 201, response.content
    assert response.json()["case"] == {"id": str(case.pk), "reference": case.reference}
    again = post(client, url("meeting-agenda-items", the_meeting.pk), {"case": str(case.pk)})
    assert messages(again) == {"case": ["Deze casus staat al op de agenda."]}


def test_a_case_of_another_zvh_cannot_go_on_the_agenda(personas, api_client) -> None:
    the_meeting = meeting(personas)
    response = post(
        api_client(personas.director),
        url("meeting-agenda-items", the_meeting.pk),
        {"case": "00000000-0000-0000-0000-000000000000"},
    )

    assert messages(response) == {"case": ["Deze casus kan niet op deze agenda."]}


def test_the_agenda_of_a_held_meeting_is_fixed(personas, api_client, case, item) -> None:
    meeting_set_status(
        membership=membership_of(personas.director), meeting=item.meeting, status="held"
    )
    other = open_case(personas, given_names="Ilse", surname="Brandsma")

    response = post(
        api_client(personas.director),
        url("meeting-agenda-items", item.meeting_id),
        {"case": str(other.pk)},
    )

    assert_problem(response, 409, "conflict")


def test_the_agenda_item_holds_the_person_and_logs_the_read(personas, api_client, item) -> None:
    acknowledge(personas.om_member, item.meeting)

    response = api_client(personas.om_member).get(url("agenda-item-detail", item.pk))

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["person"]["surname"] == "Hoogeveld"
    assert data["full_access"] is True
    assert data["meeting"]["id"] == str(item.meeting_id)
    assert {org["name"] for org in data["at_table"]} >= {
        "Gemeente Aldermeer",
        "ZVH Noordkaap",
        "Politie-eenheid Noordkaap",
        "OM Arrondissement Noordkaap",
    }
    assert data["may_disclose"] is True
    assert data["may_minute"] is False
    assert LogRecord.objects.filter(name="agenda_item_read").exists()


def test_the_agenda_item_needs_the_acknowledgment(personas, api_client, item) -> None:
    response = api_client(personas.om_member).get(url("agenda-item-detail", item.pk))

    assert_problem(response, 409, "acknowledgment-required")
    assert not LogRecord.objects.filter(name="agenda_item_read").exists()


def test_an_incidental_partner_sees_the_item_only_during_the_invitation(
    personas, api_client, item
) -> None:
    today = timezone.localdate()
    response = post(
        api_client(personas.director),
        url("agenda-item-invitations", item.pk),
        {
            "organisation": str(personas.ggz.pk),
            "valid_from": (today + timedelta(days=2)).isoformat(),
            "valid_until": (today + timedelta(days=9)).isoformat(),
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "incidental"
    acknowledge(personas.director, item.meeting)
    client = api_client(personas.ggz_member)

    assert_not_found(client.get(url("agenda-item-detail", item.pk)))
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        client = api_client(personas.ggz_member)
        assert post(client, url("meeting-acknowledgment", item.meeting_id)).status_code == 200
        during = client.get(url("agenda-item-detail", item.pk))
        assert during.status_code == 200
        assert during.json()["full_access"] is False
        assert during.json()["draft"] is None
        assert_not_found(client.get(url("case-detail", item.case_id)))
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        assert_not_found(api_client(personas.ggz_member).get(url("agenda-item-detail", item.pk)))


def test_an_invitation_period_in_the_past_is_refused(personas, api_client, item) -> None:
    response = post(
        api_client(personas.director),
        url("agenda-item-invitations", item.pk),
        {"organisation": str(personas.ggz.pk), "valid_until": "2020-01-01"},
    )

    assert response.status_code == 400
    assert "valid_until" in messages(response)
