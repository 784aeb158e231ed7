"""The consultation meeting through its screens: the confidentiality gate (nothing of the
agenda, and no action, before the acknowledgment) and the agenda with attendance and status."""

import pytest

from schakel.accounts.display import staff_display
from schakel.audit.models import LogRecord
from schakel.cases.choices import MeetingStatus
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import AgendaItem, ItemDecision, MeetingAttendance
from schakel.cases.tests.factories import on_agenda, open_case
from schakel.cases.tests.meeting_view_helpers import SURNAME, acknowledged, text, url
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


# The confidentiality gate -----------------------------------------------------------------


def test_the_first_visit_shows_the_gate_and_nothing_of_the_agenda(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = signed_in(personas.police_member)
    before = LogRecord.objects.count()

    response = client.get(url("meeting_detail", item.meeting))

    assert response.status_code == 200
    content = text(response)
    assert "Ik bevestig de geheimhouding" in content
    assert "Wat is vertrouwelijk?" in content
    assert "Wat wordt vastgelegd?" in content
    assert item.case.reference not in content
    assert url("item_detail", item) not in content
    assert SURNAME not in content
    assert LogRecord.objects.count() == before
    assert not MeetingAttendance.objects.exists()


def test_acknowledging_records_the_attendance_and_a_log_record_then_shows_the_agenda(
    personas, world, signed_in
) -> None:
    item, other_item = world
    client = signed_in(personas.police_member)

    response = client.post(url("meeting_acknowledge", item.meeting))

    assert response.status_code == 302
    assert response["Location"] == url("meeting_detail", item.meeting)
    attendance = MeetingAttendance.objects.get()
    assert attendance.user == personas.police_member
    assert attendance.organisation == personas.police
    assert attendance.acknowledged_at is not None
    assert attendance.present is None
    log = LogRecord.objects.get(name="meeting_confidentiality_acknowledged")
    assert log.actor_user_id == str(personas.police_member.pk)
    content = text(client.get(url("meeting_detail", item.meeting)))
    assert "Ik bevestig de geheimhouding" not in content
    assert item.case.reference in content
    assert other_item.case.reference in content
    assert url("item_detail", item) in content
    assert staff_display(personas.police_member, personas.police) in content
    assert personas.police_member.full_name not in content
    assert SURNAME not in content


def test_acknowledging_twice_keeps_the_first_acknowledgment(personas, world, signed_in) -> None:
    item, _ = world
    client = signed_in(personas.police_member)
    client.post(url("meeting_acknowledge", item.meeting))
    first = MeetingAttendance.objects.get().acknowledged_at

    client.post(url("meeting_acknowledge", item.meeting))

    assert MeetingAttendance.objects.get().acknowledged_at == first
    assert LogRecord.objects.filter(name="meeting_confidentiality_acknowledged").count() == 1


def test_an_item_page_first_sends_to_the_gate_and_returns_after_acknowledging(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = signed_in(personas.police_member)

    response = client.get(url("item_detail", item))

    gate = f"{url('meeting_detail', item.meeting)}?punt={item.pk}"
    assert response.status_code == 302
    assert response["Location"] == gate
    assert not LogRecord.objects.filter(name="agenda_item_read").exists()
    page = text(client.get(gate))
    assert f'value="{item.pk}"' in page
    response = client.post(url("meeting_acknowledge", item.meeting), {"punt": str(item.pk)})
    assert response["Location"] == url("item_detail", item)
    page = text(client.get(url("item_detail", item)))
    assert SURNAME in page
    assert LogRecord.objects.filter(name="agenda_item_read").exists()


def test_the_gate_returns_only_to_an_item_of_this_meeting(personas, world, signed_in) -> None:
    item, _ = world
    elsewhere = on_agenda(personas, open_case(personas, given_names="Ruben", surname="Smit"))
    client = signed_in(personas.police_member)

    response = client.post(url("meeting_acknowledge", item.meeting), {"punt": str(elsewhere.pk)})

    assert response["Location"] == url("meeting_detail", item.meeting)


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("item_create", "meeting"),
        ("attendance_record", "meeting"),
        ("meeting_status", "meeting"),
        ("invitation_create", "item"),
        ("item_decision", "item"),
        ("item_plan_adopt", "item"),
        ("disclosure_create", "item"),
    ],
)
def test_no_action_is_taken_before_the_acknowledgment(
    personas, world, signed_in, name, target
) -> None:
    item, _ = world
    obj = item.meeting if target == "meeting" else item
    client = signed_in(personas.director)

    response = client.post(url(name, obj), {"status": "cancelled"})

    assert response.status_code == 302
    assert response["Location"].startswith(url("meeting_detail", item.meeting))
    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.PLANNED
    assert not ItemDecision.objects.exists()


# The agenda --------------------------------------------------------------------------------


def test_the_director_puts_an_open_case_of_the_zvh_on_the_agenda(
    personas, world, signed_in
) -> None:
    item, _ = world
    third = open_case(personas, given_names="Ruben", surname="Smit")
    client = acknowledged(signed_in, personas.director, item.meeting)
    page = text(client.get(url("meeting_detail", item.meeting)))
    assert "Casus op de agenda zetten" in page
    assert f'value="{third.pk}"' in page
    assert f'value="{item.case.pk}"' not in page  # already on the agenda

    response = client.post(url("item_create", item.meeting), {"agenda-case": str(third.pk)})

    assert response.status_code == 302
    assert AgendaItem.objects.filter(meeting=item.meeting, case=third).exists()
    # Its structural partners are invited with it.
    added = AgendaItem.objects.get(meeting=item.meeting, case=third)
    assert {i.organisation for i in added.invitations.all()} == {personas.police, personas.om}


def test_a_case_that_cannot_go_on_the_agenda_is_refused_with_a_message(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(url("item_create", item.meeting), {"agenda-case": str(item.case.pk)})

    assert response.status_code == 200
    assert "Deze casus kan niet op deze agenda." in text(response)
    assert item.meeting.agenda_items.count() == 2


def test_partners_do_not_see_the_agenda_and_status_controls(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.police_member, item.meeting)
    page = text(client.get(url("meeting_detail", item.meeting)))

    assert "Casus op de agenda zetten" not in page
    assert "Aanwezigheid opslaan" not in page
    assert "Overleg annuleren" not in page
    for name in ("item_create", "attendance_record", "meeting_status"):
        assert client.post(url(name, item.meeting), {"status": "held"}).status_code == 404
    item.meeting.refresh_from_db()
    assert item.meeting.status == MeetingStatus.PLANNED


def test_the_chair_records_attendance(personas, world, signed_in) -> None:
    item, _ = world
    meeting_acknowledge(membership=membership_of(personas.police_member), meeting=item.meeting)
    meeting_acknowledge(membership=membership_of(personas.om_member), meeting=item.meeting)
    client = acknowledged(signed_in, personas.director, item.meeting)
    police = MeetingAttendance.objects.get(user=personas.police_member)
    page = text(client.get(url("meeting_detail", item.meeting)))
    assert f'id="aanwezig-{police.pk}"' in page
    assert staff_display(personas.om_member, personas.om) in page

    response = client.post(url("attendance_record", item.meeting), {"present": [str(police.pk)]})

    assert response.status_code == 302
    present = dict(MeetingAttendance.objects.values_list("user_id", "present"))
    assert present == {
        personas.police_member.pk: True,
        personas.om_member.pk: False,
        personas.director.pk: False,
    }
    assert LogRecord.objects.filter(name="meeting_attendance_recorded").exists()


@pytest.mark.parametrize("status", [MeetingStatus.HELD, MeetingStatus.CANCELLED])
def test_the_director_sets_the_meeting_held_or_cancelled(
    personas, world, signed_in, status
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(url("meeting_status", item.meeting), {"status": status})

    assert response.status_code == 302
    item.meeting.refresh_from_db()
    assert item.meeting.status == status
    again = client.post(url("meeting_status", item.meeting), {"status": status}, follow=True)
    assert "De status is intussen al gewijzigd" in text(again)
