"""Fixtures of the meetings tests: the API's token client, and a planned world in the
partnership of the ``network`` fixture."""

from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from schakel.api.tests.conftest import api_client, token_for
from schakel.regional_meetings import services
from schakel.regional_meetings.models import Meeting, MeetingAttachment, MeetingSeries, WorkingGroup
from schakel.regional_meetings.tests.helpers import membership, pdf_upload


@dataclass
class World:
    series: MeetingSeries
    meeting: Meeting  # the next occurrence of the series
    group: WorkingGroup
    group_meeting: Meeting
    attachment: MeetingAttachment


def series_input(**overrides: object) -> services.SeriesInput:
    values: dict[str, object] = {
        "title": "Zesweeks bestuurlijk overleg",
        "place": "Gemeentehuis Aldermeer",
        "first_on": timezone.localdate() + timedelta(days=7),
        "start_time": time(10, 0),
        "duration_minutes": 120,
        "interval_weeks": 6,
        "until": None,
        "count": 5,
    }
    values.update(overrides)
    return services.SeriesInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def world(personas, network) -> World:
    coordinator = membership(network.coordinator)
    series = services.series_save(
        membership=coordinator, collaboration=network.partnership, data=series_input()
    )
    meeting = series.meetings.order_by("starts_at").first()
    assert meeting is not None
    group = services.group_save(
        membership=coordinator,
        collaboration=network.partnership,
        name="Werkgroep online radicalisering",
        theme="Online",
        purpose="Kennis delen.",
        members=[membership(personas.police_member)],
    )
    group_meeting = services.meeting_create(
        membership=coordinator,
        collaboration=network.partnership,
        working_group=group,
        title="Werkgroep online",
        place="Online",
        starts_at=timezone.now() + timedelta(days=3),
        duration_minutes=60,
    )
    attachment = services.attachment_add(
        membership=coordinator, meeting=meeting, part="agenda", upload=pdf_upload()
    )
    return World(series, meeting, group, group_meeting, attachment)


__all__ = ["World", "api_client", "date", "series_input", "token_for", "world"]
