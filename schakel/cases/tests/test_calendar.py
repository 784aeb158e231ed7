"""The meetings as an iCalendar feed: the acting membership's meetings, no person data."""

from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from schakel.cases.choices import MeetingStatus
from schakel.cases.meetings.calendar import UID_DOMAIN, meetings_ical
from schakel.cases.meetings.services import meeting_set_status
from schakel.cases.models import ConsultationMeeting
from schakel.cases.selectors import meeting_list_for
from schakel.cases.tests.factories import invite, meeting, on_agenda, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

CALENDAR = reverse("cases:meeting_calendar")


def events_of(content: bytes) -> list[Event]:
    return list(Calendar.from_ical(content).walk("VEVENT"))


def staff(personas):
    return [personas.director, personas.lead_a, personas.police_member, personas.ggz_member]


def test_the_feed_holds_the_meeting_with_time_place_and_link_only(personas, signed_in) -> None:
    case = open_case(personas)
    the_meeting = meeting(personas)
    item = on_agenda(personas, case, the_meeting)
    invite(personas, item, personas.ggz)

    response = signed_in(personas.director).get(CALENDAR)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="casusoverleg.ics"'
    assert response["Cache-Control"] == "no-store"
    (event,) = events_of(response.content)
    assert str(event["UID"]) == f"{the_meeting.pk}@{UID_DOMAIN}"
    # iCalendar holds whole seconds.
    assert event.decoded("DTSTART") == the_meeting.starts_at.replace(microsecond=0)
    assert event.decoded("DTSTART").tzinfo is not None
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert event.decoded("DTEND") == the_meeting.ends_at.replace(microsecond=0)
    assert str(event["SUMMARY"]) == "Casusoverleg ZVH Noordkaap"
    assert str(event["LOCATION"]) == "Vergaderzaal 2, ZVH Noordkaap"
    assert str(event["URL"]) == "http://testserver" + reverse(
        "cases:meeting_detail", kwargs={"pk": the_meeting.pk}
    )
    assert str(event["STATUS"]) == "CONFIRMED"
    # No person, no case, no staff.
    raw = response.content.decode()
    assert "DTSTART:" in raw
    assert raw.count("Z\r\n") >= 3  # DTSTAMP, DTSTART and DTEND in UTC
    for absent in ("Hoogeveld", "Daan", case.reference, "ORGANIZER", "ATTENDEE"):
        assert absent not in raw
    for user in staff(personas):
        assert user.full_name not in raw
        assert user.email not in raw


def test_a_cancelled_meeting_stays_with_status_cancelled(personas, signed_in) -> None:
    the_meeting = meeting(personas)
    meeting_set_status(
        membership=membership_of(personas.director),
        meeting=the_meeting,
        status=MeetingStatus.CANCELLED,
    )

    (event,) = events_of(signed_in(personas.director).get(CALENDAR).content)

    assert str(event["STATUS"]) == "CANCELLED"


def test_partners_get_the_meetings_they_take_part_in_and_others_none(personas, signed_in) -> None:
    case = open_case(personas)
    with_ggz = meeting(personas)
    invite(personas, on_agenda(personas, case, with_ggz), personas.ggz)
    other_case = open_case(personas, given_names="Mira", surname_prefix="", surname="Oosterling")
    without_ggz = meeting(personas, starts_at=timezone.now() + timedelta(days=14))
    on_agenda(personas, other_case, without_ggz)

    def uids(user) -> set[str]:
        content = signed_in(user).get(CALENDAR).content
        return {str(event["UID"]).split("@")[0] for event in events_of(content)}

    assert uids(personas.director) == {str(with_ggz.pk), str(without_ggz.pk)}
    assert uids(personas.police_member) == {str(with_ggz.pk), str(without_ggz.pk)}
    assert uids(personas.ggz_member) == {str(with_ggz.pk)}
    for outsider in (
        personas.outsider,
        personas.director_other,
        personas.school_member,
        personas.privacy_officer_a,
        personas.admin_a,
    ):
        response = signed_in(outsider).get(CALENDAR)
        assert response.status_code == 200
        assert events_of(response.content) == []


def test_meetings_long_past_drop_out_of_the_feed(personas, signed_in) -> None:
    old = meeting(personas, starts_at=timezone.now() - timedelta(days=120))
    recent = meeting(personas, starts_at=timezone.now() - timedelta(days=10))

    content = signed_in(personas.director).get(CALENDAR).content

    uids = {str(event["UID"]) for event in events_of(content)}
    assert uids == {f"{recent.pk}@{UID_DOMAIN}"}
    assert f"{old.pk}@{UID_DOMAIN}" not in uids


def test_the_feed_needs_a_signed_in_session(client) -> None:
    response = client.get(CALENDAR)

    assert response.status_code == 302
    assert "text/calendar" not in response.get("Content-Type", "")


def test_the_number_of_queries_does_not_grow_with_the_meetings(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.director)
    meeting(personas)
    client.get(CALENDAR)  # warm the session and membership caches
    with django_assert_max_num_queries(12) as few:
        client.get(CALENDAR)
    for days in range(2, 8):
        meeting(personas, starts_at=timezone.now() + timedelta(days=days))
    with django_assert_max_num_queries(len(few.captured_queries)):
        content = client.get(CALENDAR).content
    assert len(events_of(content)) == 7


def test_meetings_ical_serialises_any_visible_meetings(personas) -> None:
    the_meeting = meeting(personas)
    meetings = meeting_list_for(membership=membership_of(personas.director))

    calendar = Calendar.from_ical(meetings_ical(meetings, base_url="https://schakel.example/"))

    assert str(calendar["PRODID"]).startswith("-//Schakel//")
    assert str(calendar["VERSION"]) == "2.0"
    assert "UID" not in calendar  # no random identifier that changes on every fetch
    (event,) = calendar.walk("VEVENT")
    assert str(event["URL"]).startswith("https://schakel.example/casusoverleg/")
    assert event.decoded("DTSTAMP") == ConsultationMeeting.objects.get(
        pk=the_meeting.pk
    ).updated_at.astimezone(UTC).replace(microsecond=0)
