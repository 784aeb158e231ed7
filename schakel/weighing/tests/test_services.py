"""The weighing records a decision only with its justification; including opens the case."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.choices import CasePhase, ParticipationKind
from schakel.cases.models import Case
from schakel.cases.tests.factories import (
    arrangement_for,
    decision,
    weighed_signal,
    weighing_session,
)
from schakel.intake.choices import SignalStatus
from schakel.intake.tests.factories import membership_of, register
from schakel.weighing.choices import WeighingOutcome
from schakel.weighing.selectors import item_get_for, items_visible_to
from schakel.weighing.services import item_add, item_decide, session_close

pytestmark = pytest.mark.django_db


def test_a_decision_without_justification_is_refused_and_nothing_changes(personas) -> None:
    weighed = weighed_signal(personas)

    with pytest.raises(ValidationError) as error:
        item_decide(
            membership=membership_of(personas.lead_a),
            item=weighed.item,
            data=decision(justification="   "),
        )

    assert "justification" in error.value.message_dict
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == ""
    assert not Case.objects.exists()


def test_a_decision_needs_the_criteria_considered(personas) -> None:
    weighed = weighed_signal(personas)

    with pytest.raises(ValidationError) as error:
        item_decide(
            membership=membership_of(personas.lead_a),
            item=weighed.item,
            data=decision(criteria_notes={}),
        )

    assert "criteria" in error.value.message_dict


def test_including_opens_a_case_with_the_right_direction_and_process_director(personas) -> None:
    weighed = weighed_signal(personas)

    item_decide(membership=membership_of(personas.lead_a), item=weighed.item, data=decision())

    case = Case.objects.get(opened_from=weighed.item)
    assert case.directing_municipality == personas.municipality_a
    assert case.zvh == personas.zvh
    assert case.process_director == personas.director
    assert case.phase == CasePhase.CONSULTATION
    assert case.subject_id == weighed.item.subject_id
    partners = {(p.organisation, p.kind) for p in case.participations.all()}
    assert partners == {
        (personas.police, ParticipationKind.STRUCTURAL),
        (personas.om, ParticipationKind.STRUCTURAL),
    }
    assert case.reassessment_due_on == timezone.localdate() + timedelta(days=365)
    assert LogRecord.objects.filter(name="case_opened", activity_id="case_consultation").exists()


def test_the_directing_municipality_follows_residence_in_a_regional_weighing(personas) -> None:
    arrangement = arrangement_for(
        personas.municipality_a, personas.municipality_b, facilitator=personas.municipality_a
    )
    session = weighing_session(
        personas,
        arrangement=arrangement,
        participants=[
            personas.municipality_a,
            personas.municipality_b,
            personas.police,
            personas.om,
        ],
    )
    signal = register(personas.lead_b, residence=personas.municipality_b).signal
    item = item_add(membership=membership_of(personas.lead_b), session=session, signal=signal)

    item_decide(membership=membership_of(personas.lead_a), item=item, data=decision())

    case = Case.objects.get(opened_from=item)
    assert case.directing_municipality == personas.municipality_b
    # The chair (from Aldermeer) decided; Aldermeer's other lead sits at the regional table
    # but sees only Aldermeer's residents' items.
    assert not items_visible_to(membership=membership_of(personas.colleague_a)).filter(pk=item.pk)
    assert items_visible_to(membership=membership_of(personas.police_member)).filter(pk=item.pk)


def test_the_team_needs_a_municipality_the_police_and_the_om(personas) -> None:
    with pytest.raises(ValidationError) as error:
        weighing_session(personas, participants=[personas.municipality_a, personas.police])

    assert "participants" in error.value.message_dict


def test_adding_a_person_links_their_signals_and_stops_expiry(personas) -> None:
    weighed = weighed_signal(personas)

    weighed.signal.refresh_from_db()
    assert weighed.signal.status == SignalStatus.LINKED_TO_WEIGHING
    assert weighed.signal.subject_id == weighed.item.subject_id
    assert list(weighed.item.signals.all()) == [weighed.signal]


def test_another_municipality_cannot_put_a_resident_of_aldermeer_on_the_agenda(personas) -> None:
    signal = register(personas.lead_a, residence=personas.municipality_a).signal
    arrangement = arrangement_for(personas.municipality_b)
    session = weighing_session(
        personas,
        by=personas.lead_b,
        arrangement=arrangement,
        participants=[personas.municipality_b, personas.police, personas.om],
    )

    with pytest.raises(ValidationError):
        item_add(membership=membership_of(personas.lead_b), session=session, signal=signal)


def test_participants_see_items_only_while_the_session_is_open(personas) -> None:
    weighed = weighed_signal(personas)
    police = membership_of(personas.police_member)
    assert item_get_for(membership=police, pk=weighed.item.pk).identity.surname == "Hoogeveld"

    session_close(membership=membership_of(personas.lead_a), session=weighed.session)

    with pytest.raises(Http404):
        item_get_for(membership=police, pk=weighed.item.pk)
    # The directing municipality keeps it.
    assert item_get_for(membership=membership_of(personas.lead_a), pk=weighed.item.pk)


@pytest.mark.parametrize(
    "persona",
    ["lead_b", "outsider", "school_member", "privacy_officer_a", "admin_a", "director_other"],
)
def test_others_do_not_see_a_weighing_item(personas, persona) -> None:
    weighed = weighed_signal(personas)

    with pytest.raises(Http404):
        item_get_for(membership=membership_of(getattr(personas, persona)), pk=weighed.item.pk)


def test_reading_an_item_is_logged_per_person(personas) -> None:
    weighed = weighed_signal(personas)

    item_get_for(membership=membership_of(personas.om_member), pk=weighed.item.pk)

    record = LogRecord.objects.get(name="weighing_item_read")
    assert record.activity_id == "weighing"
    assert record.data_subject_type == "person"


def test_only_the_chair_or_the_directing_lead_decides_and_only_once(personas) -> None:
    weighed = weighed_signal(personas)
    with pytest.raises(PermissionDenied):
        item_decide(
            membership=membership_of(personas.police_member), item=weighed.item, data=decision()
        )

    item_decide(
        membership=membership_of(personas.lead_a),
        item=weighed.item,
        data=decision(WeighingOutcome.NO_ACTION),
    )
    weighed.item.refresh_from_db()
    with pytest.raises(PermissionDenied):
        item_decide(membership=membership_of(personas.lead_a), item=weighed.item, data=decision())


def test_reweigh_needs_a_future_date_and_brings_the_person_back(personas) -> None:
    weighed = weighed_signal(personas)
    lead = membership_of(personas.lead_a)
    with pytest.raises(ValidationError) as error:
        item_decide(membership=lead, item=weighed.item, data=decision(WeighingOutcome.REWEIGH))
    assert "follow_up_on" in error.value.message_dict

    later = timezone.localdate() + timedelta(days=60)
    item_decide(
        membership=lead,
        item=weighed.item,
        data=decision(WeighingOutcome.REWEIGH, follow_up_on=later),
    )
    next_session = weighing_session(personas)
    again = item_add(membership=lead, session=next_session, signal=weighed.signal)

    assert again.subject_id == weighed.item.subject_id


def test_closing_returns_undecided_persons_to_the_meldpunt(personas) -> None:
    weighed = weighed_signal(personas)

    session_close(membership=membership_of(personas.lead_a), session=weighed.session)

    weighed.signal.refresh_from_db()
    assert weighed.signal.status == SignalStatus.UNDER_REVIEW
