"""Consultation meetings as an iCalendar feed (RFC 5545), without person data.

An event holds when and where a meeting is, which ZVH holds it and a link to its page in
Schakel — no case references, no names of persons or staff, no agenda. The UID is stable
(meeting id at a fixed domain) so a calendar updates an event instead of duplicating it; a
cancelled meeting stays in the feed with STATUS:CANCELLED so subscribed calendars drop it.
Used by the calendar download and by the API.
"""

from collections.abc import Iterable
from datetime import UTC

from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import STATUS, TRANSP, Calendar, Event

from schakel.cases.choices import MeetingStatus
from schakel.cases.models import ConsultationMeeting

UID_DOMAIN = "casusoverleg.schakel"
PRODID = "-//Schakel//Casusoverleg//NL"


def meeting_uid(meeting: ConsultationMeeting) -> str:
    return f"{meeting.pk}@{UID_DOMAIN}"


def _event(meeting: ConsultationMeeting, base_url: str) -> Event:
    path = reverse("cases:meeting_detail", kwargs={"pk": meeting.pk})
    cancelled = meeting.status == MeetingStatus.CANCELLED
    return Event.new(
        uid=meeting_uid(meeting),
        stamp=meeting.updated_at.astimezone(UTC),
        start=meeting.starts_at.astimezone(UTC),
        end=meeting.ends_at.astimezone(UTC),
        summary=_("Casusoverleg %(zvh)s") % {"zvh": meeting.zvh.name},
        location=meeting.place,
        url=base_url.rstrip("/") + path,
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.OPAQUE,
    )


def meetings_ical(meetings: Iterable[ConsultationMeeting], *, base_url: str = "") -> bytes:
    """The meetings as one VCALENDAR. ``meetings`` must be visible to the reader
    (``meeting_list_for``) and have their ZVH loaded; ``base_url`` (scheme and host) makes the
    link to the meeting page absolute."""
    calendar = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        name=_("Casusoverleggen"),
        subcomponents=[_event(meeting, base_url) for meeting in meetings],
    )
    # ``Calendar.new`` gives the calendar a fresh random UID on every call; a feed that is
    # fetched again and again is better without one (the events carry the stable UIDs).
    calendar.pop("UID", None)
    return bytes(calendar.to_ical())
