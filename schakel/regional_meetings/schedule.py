"""The dates of a meeting series, and bringing its stored occurrences in line with them.

Occurrences are stored rows: generated from the first date every ``interval_weeks`` weeks, up
to the series' end date or number of times, and at most ``HORIZON`` ahead of today (18
months). Saving the series again extends the horizon. The clock time is local (Europe/
Amsterdam): a meeting at 10:00 stays at 10:00 across daylight saving.

A change of the series touches only future occurrences that are still as generated (status
"gepland"): a moved or cancelled one, and every one in the past, stay as they are. A future
generated occurrence that no longer fits the schedule (also one the change would put in the
past, as an earlier first date does) is removed, or cancelled with a reason when it already
holds an agenda, minutes, decisions, action points or attachments.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.regional_meetings.choices import MeetingStatus
from schakel.regional_meetings.models import (
    ActionPoint,
    AgendaItem,
    Decision,
    Meeting,
    MeetingAttachment,
    MeetingSeries,
)

HORIZON = timedelta(days=548)  # about 18 months
MAX_OCCURRENCES = 400


def horizon_end(today: date | None = None) -> date:
    return (today or timezone.localdate()) + HORIZON


def series_dates(series: MeetingSeries, *, until: date) -> list[tuple[int, date]]:
    """(sequence, date) of the series' occurrences up to ``until`` (the horizon)."""
    found: list[tuple[int, date]] = []
    sequence = 0
    while sequence < MAX_OCCURRENCES:
        day = series.first_on + timedelta(weeks=series.interval_weeks * sequence)
        if series.count is not None and sequence >= series.count:
            break
        if (series.until is not None and day > series.until) or day > until:
            break
        found.append((sequence, day))
        sequence += 1
    return found


def local_start(day: date, series: MeetingSeries) -> datetime:
    return timezone.make_aware(datetime.combine(day, series.start_time))


def _has_content(meeting: Meeting) -> bool:
    return bool(meeting.minutes) or any(
        model.objects.filter(meeting=meeting).exists()
        for model in (AgendaItem, Decision, ActionPoint, MeetingAttachment)
    )


def regenerate(series: MeetingSeries, *, created: bool) -> None:
    """Bring the stored occurrences in line with the series (see the module). A new series
    gets its past occurrences too; a changed one only future ones."""
    now = timezone.now()
    existing = {m.sequence: m for m in series.meetings.all()}
    wanted = dict(series_dates(series, until=horizon_end()))
    stale = [meeting for number, meeting in existing.items() if number not in wanted]
    for sequence, day in wanted.items():
        starts_at = local_start(day, series)
        meeting = existing.get(sequence)
        if meeting is None:
            if created or starts_at > now:
                Meeting.objects.create(
                    collaboration=series.collaboration,
                    working_group=series.working_group,
                    series=series,
                    sequence=sequence,
                    title=series.title,
                    place=series.place,
                    starts_at=starts_at,
                    duration_minutes=series.duration_minutes,
                )
            continue
        if meeting.starts_at <= now or meeting.status != MeetingStatus.PLANNED:
            continue
        if starts_at <= now:  # the change would put a coming meeting in the past
            stale.append(meeting)
            continue
        meeting.title = series.title
        meeting.place = series.place
        meeting.starts_at = starts_at
        meeting.duration_minutes = series.duration_minutes
        meeting.working_group = series.working_group
        meeting.save()
    for meeting in stale:
        if meeting.starts_at <= now or meeting.status != MeetingStatus.PLANNED:
            continue
        if _has_content(meeting):
            meeting.status = MeetingStatus.CANCELLED
            meeting.reason = _("Vervallen: de reeks is gewijzigd.")
            meeting.save()
        else:
            meeting.delete()
