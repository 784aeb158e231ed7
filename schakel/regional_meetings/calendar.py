"""Meetings as an iCalendar file (RFC 5545), as the consultation meetings of cases do: when and
where, the title and a link to the page; no agenda, no minutes, no names. The UID is stable,
so a calendar updates an event; a cancelled meeting comes with STATUS:CANCELLED."""

from collections.abc import Iterable
from datetime import UTC

from django.http import HttpResponse
from django.urls import reverse
from icalendar import STATUS, TRANSP, Calendar, Event

from schakel.regional_meetings.models import Meeting

UID_DOMAIN = "overleg.schakel"
PRODID = "-//Schakel//Regionaal overleg//NL"


def _event(meeting: Meeting, base_url: str) -> Event:
    path = reverse("regional_meetings:meeting_detail", kwargs={"pk": meeting.pk})
    return Event.new(
        uid=f"{meeting.pk}@{UID_DOMAIN}",
        stamp=meeting.updated_at.astimezone(UTC),
        start=meeting.starts_at.astimezone(UTC),
        end=meeting.ends_at.astimezone(UTC),
        summary=meeting.title,
        location=meeting.place,
        url=base_url.rstrip("/") + path,
        status=STATUS.CANCELLED if meeting.is_cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.OPAQUE,
    )


def meetings_ical(meetings: Iterable[Meeting], *, name: str, base_url: str = "") -> bytes:
    calendar = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        name=name,
        subcomponents=[_event(meeting, base_url) for meeting in meetings],
    )
    calendar.pop("UID", None)
    return bytes(calendar.to_ical())


def ics_response(
    meetings: Iterable[Meeting], *, name: str, base_url: str, filename: str
) -> HttpResponse:
    response = HttpResponse(
        meetings_ical(meetings, name=name, base_url=base_url),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
