"""Generating a series' occurrences: six-weekly dates at the same local time across daylight
saving, the horizon, and a change of the series that leaves moved and cancelled ones alone."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from schakel.regional_meetings import schedule, services
from schakel.regional_meetings.choices import MeetingStatus
from schakel.regional_meetings.models import Decision, Meeting
from schakel.regional_meetings.tests.conftest import series_input
from schakel.regional_meetings.tests.helpers import membership

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_a_six_weekly_series_keeps_its_local_time_across_daylight_saving(
    network, time_machine
) -> None:
    time_machine.move_to(datetime_at(2026, 1, 5))
    series = services.series_save(
        membership=membership(network.coordinator),
        collaboration=network.partnership,
        data=series_input(first_on=date(2026, 1, 13), start_time=time(10, 0), count=8),
    )
    meetings = list(series.meetings.order_by("starts_at"))
    days = [m.starts_at.astimezone(AMSTERDAM).date() for m in meetings]
    assert days == [date(2026, 1, 13) + timedelta(weeks=6 * n) for n in range(8)]
    # 13 January is winter time, 7 April summer time (after 29 March), 3 November winter again.
    assert date(2026, 4, 7) in days
    assert date(2026, 11, 3) in days
    assert {m.starts_at.astimezone(AMSTERDAM).time() for m in meetings} == {time(10, 0)}
    offsets = {m.starts_at.astimezone(AMSTERDAM).utcoffset() for m in meetings}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}
    assert [m.sequence for m in meetings] == list(range(8))


def datetime_at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=AMSTERDAM)


def test_an_end_date_and_the_horizon_limit_the_generation(network) -> None:
    today = timezone.localdate()
    until = services.series_save(
        membership=membership(network.coordinator),
        collaboration=network.partnership,
        data=series_input(first_on=today, count=None, until=today + timedelta(weeks=12)),
    )
    assert until.meetings.count() == 3  # today, +6 and +12 weeks
    long = services.series_save(
        membership=membership(network.coordinator),
        collaboration=network.partnership,
        data=series_input(first_on=today, count=None, until=today + timedelta(days=3650)),
    )
    last = long.meetings.order_by("-starts_at").first()
    assert last is not None
    assert timezone.localdate(last.starts_at) <= schedule.horizon_end()
    assert long.meetings.count() == len(schedule.series_dates(long, until=schedule.horizon_end()))


def test_moved_and_cancelled_occurrences_survive_a_change_of_the_series(network) -> None:
    coordinator = membership(network.coordinator)
    series = services.series_save(
        membership=coordinator, collaboration=network.partnership, data=series_input(count=4)
    )
    first, second, third, fourth = series.meetings.order_by("sequence")
    moved_to = second.starts_at + timedelta(days=1)
    services.meeting_move(
        membership=coordinator, meeting=second, starts_at=moved_to, reason="Zaal bezet"
    )
    services.meeting_cancel(membership=coordinator, meeting=third, reason="Zomerreces")
    Decision.objects.create(meeting=fourth, number=1, text="Vooraf besloten.")

    services.series_save(
        membership=coordinator,
        collaboration=network.partnership,
        data=series_input(count=3, start_time=time(14, 0), title="Bestuurlijk overleg"),
        series=series,
    )
    second.refresh_from_db()
    third.refresh_from_db()
    fourth.refresh_from_db()
    first.refresh_from_db()
    assert (second.status, second.starts_at, second.title) == (
        MeetingStatus.MOVED,
        moved_to,
        "Zesweeks bestuurlijk overleg",
    )
    assert (third.status, third.reason) == (MeetingStatus.CANCELLED, "Zomerreces")
    # The first was unchanged: it follows the series. The fourth no longer fits the count but
    # holds a decision: it is cancelled with a reason, not removed.
    assert first.starts_at.astimezone(AMSTERDAM).time() == time(14, 0)
    assert first.title == "Bestuurlijk overleg"
    assert fourth.status == MeetingStatus.CANCELLED
    assert fourth.reason
    assert Meeting.objects.filter(series=series).count() == 4


def test_a_future_empty_occurrence_that_no_longer_fits_is_removed(network) -> None:
    coordinator = membership(network.coordinator)
    series = services.series_save(
        membership=coordinator, collaboration=network.partnership, data=series_input(count=4)
    )
    services.series_save(
        membership=coordinator,
        collaboration=network.partnership,
        data=series_input(count=2),
        series=series,
    )
    assert series.meetings.count() == 2


def test_the_series_rules_are_checked(network) -> None:
    with pytest.raises(ValidationError) as refused:
        services.series_save(
            membership=membership(network.coordinator),
            collaboration=network.partnership,
            data=series_input(count=None, until=None, interval_weeks=0, title=""),
        )
    assert {"until", "interval_weeks", "title"} <= set(refused.value.message_dict)
