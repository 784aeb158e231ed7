"""The life of a case: informing the person, reassessment, de-escalation and closure."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.choices import (
    CasePhase,
    ClosureReason,
    DeescalationDestination,
    InformingStatus,
)
from schakel.cases.lifecycle_services import (
    InformingInput,
    case_close,
    case_deescalate,
    case_reassess,
    case_record_informing,
)
from schakel.cases.tests.factories import open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


def test_deferring_informing_needs_a_reason_and_a_date_to_reconsider(personas) -> None:
    case = open_case(personas)
    lead = membership_of(personas.lead_a)
    with pytest.raises(ValidationError) as error:
        case_record_informing(
            membership=lead, case=case, data=InformingInput(status=InformingStatus.DEFERRED)
        )
    assert {"note", "reconsider_on"} <= set(error.value.message_dict)

    reconsider = timezone.localdate() + timedelta(days=90)
    case = case_record_informing(
        membership=lead,
        case=case,
        data=InformingInput(
            status=InformingStatus.DEFERRED,
            note="Lopend strafrechtelijk onderzoek.",
            reconsider_on=reconsider,
        ),
    )

    assert case.informing_status == InformingStatus.DEFERRED
    assert case.reconsider_informing_on == reconsider


def test_reassessment_is_at_most_a_year_ahead(personas) -> None:
    case = open_case(personas)
    lead = membership_of(personas.lead_a)
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        case_reassess(membership=lead, case=case, next_due_on=today + timedelta(days=400))

    case = case_reassess(membership=lead, case=case, next_due_on=today + timedelta(days=180))

    assert case.last_reassessed_on == today
    assert case.reassessment_due_on == today + timedelta(days=180)


def test_deescalation_and_closure_record_where_and_why_and_start_the_retention_clock(
    personas,
) -> None:
    case = open_case(personas)
    director = membership_of(personas.director)
    until = timezone.localdate() + timedelta(days=180)
    case = case_deescalate(
        membership=director,
        case=case,
        destination=DeescalationDestination.NEIGHBOURHOOD_TEAM,
        aftercare_until=until,
    )
    assert case.phase == CasePhase.AFTERCARE
    assert case.aftercare_until == until

    with pytest.raises(ValidationError):
        case_close(membership=director, case=case, reason=ClosureReason.OTHER, note="")
    case = case_close(membership=director, case=case, reason=ClosureReason.GOALS_REACHED)

    assert case.phase == CasePhase.CLOSED
    assert case.retention_starts_on == timezone.localdate()
    assert not case.participations.filter(ends_on__isnull=True).exists()
    assert LogRecord.objects.filter(name="case_closed", activity_id="monitoring").exists()
    # A closed case is no longer managed by anyone.
    with pytest.raises(PermissionDenied):
        case_reassess(
            membership=membership_of(personas.lead_a),
            case=case,
            next_due_on=timezone.localdate() + timedelta(days=10),
        )
