"""Closed incidents are deleted when their term has passed, proven and logged; open ones and
recently closed ones stay."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from schakel.audit.models import DeletionRecord, LogRecord
from schakel.core.retention import Moment
from schakel.legal import terms
from schakel.staff_safety import retention, services
from schakel.staff_safety.choices import IncidentStatus
from schakel.staff_safety.models import Incident
from schakel.staff_safety.tests.conftest import incident_input, membership

pytestmark = pytest.mark.django_db


def test_closed_incidents_past_their_term_are_deleted(personas, safety) -> None:
    officer = membership(safety.police_officer)
    closed = services.incident_follow_up(
        membership=officer,
        incident=safety.incident,
        data=services.FollowUpInput(),
        status=IncidentStatus.CLOSED,
    )
    assert closed.closed_at is not None
    still_open = services.incident_record(
        membership=membership(personas.police_member), data=incident_input()
    )
    now = timezone.now()
    assert "staff_incident" in terms.kinds()
    early = Moment(now=now, cutoffs={retention.KIND: now - timedelta(days=1)})
    assert retention.due(early) == []
    moment = Moment(now=now, cutoffs={retention.KIND: now + timedelta(seconds=1)})
    due = retention.due(moment)
    assert due == [closed.pk]
    run = uuid.uuid4()
    assert retention.delete(due, moment, run, None) == 1
    assert list(Incident.objects.all()) == [still_open]
    record = DeletionRecord.objects.get(run_id=run)
    assert (record.object_kind, record.count) == ("staff_incident", 1)
    log = LogRecord.objects.get(name="retention_staff_incident")
    assert log.data_subject_type == "employee"


def test_reopening_clears_the_closing_time(personas, safety) -> None:
    officer = membership(safety.police_officer)
    for status in (IncidentStatus.CLOSED, IncidentStatus.IN_PROGRESS):
        services.incident_follow_up(
            membership=officer,
            incident=safety.incident,
            data=services.FollowUpInput(),
            status=status,
        )
    safety.incident.refresh_from_db()
    assert safety.incident.closed_at is None
