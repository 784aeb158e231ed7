"""Deciding suggestions and handling signals: who may, and what a decision does."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.intake.choices import SignalStatus, SuggestionStatus
from schakel.intake.models import Signal, Subject
from schakel.intake.services import AlreadyDecidedError, signal_set_status, suggestion_decide
from schakel.intake.tests.factories import membership_of, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cross_municipal(personas):
    earlier = register(personas.police_member, residence=personas.municipality_b)
    later = register(personas.school_member, residence=personas.municipality_a)
    return earlier, later, later.suggestions[0]


def test_the_lead_of_the_earlier_signals_municipality_may_decide_too(personas, cross_municipal):
    _, _, suggestion = cross_municipal
    decided = suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_b), confirm=True
    )
    assert decided.status == SuggestionStatus.CONFIRMED
    assert decided.decided_for == personas.municipality_b


@pytest.mark.parametrize(
    "persona", ["police_member", "school_member", "outsider", "privacy_officer_a", "admin_a"]
)
def test_others_may_not_decide(personas, cross_municipal, persona):
    _, _, suggestion = cross_municipal
    with pytest.raises(PermissionDenied):
        suggestion_decide(
            suggestion=suggestion,
            membership=membership_of(getattr(personas, persona)),
            confirm=True,
        )


def test_a_second_decision_is_refused(personas, cross_municipal):
    _, _, suggestion = cross_municipal
    suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_a), confirm=False
    )
    with pytest.raises(AlreadyDecidedError):
        suggestion_decide(
            suggestion=suggestion, membership=membership_of(personas.lead_b), confirm=True
        )


def test_confirming_joins_two_subjects_into_one(personas):
    a1 = register(personas.police_member, residence=personas.municipality_a)
    a2 = register(personas.school_member, residence=personas.municipality_a)
    lead = membership_of(personas.lead_a)
    suggestion_decide(suggestion=a2.suggestions[0], membership=lead, confirm=True)
    # A third report with a typo is suggested once for the confirmed subject.
    a3 = register(personas.lead_a, residence=personas.municipality_a, surname="Hoogeveldd")
    assert len(a3.suggestions) == 1
    suggestion_decide(suggestion=a3.suggestions[0], membership=lead, confirm=True)
    subjects = set(Signal.objects.values_list("subject_id", flat=True))
    assert len(subjects) == 1
    assert None not in subjects
    assert Subject.objects.count() == 1
    assert {a1.signal.pk, a2.signal.pk, a3.signal.pk} == set(
        Signal.objects.filter(subject_id__in=subjects).values_list("pk", flat=True)
    )


def test_the_meldpunt_closes_a_signal_only_with_a_reason(personas):
    done = register(personas.police_member, residence=personas.municipality_a)
    lead = membership_of(personas.lead_a)
    with pytest.raises(ValidationError):
        signal_set_status(
            signal=done.signal, membership=lead, status=SignalStatus.CLOSED_WITHOUT_ACTION
        )
    closed = signal_set_status(
        signal=done.signal,
        membership=lead,
        status=SignalStatus.CLOSED_WITHOUT_ACTION,
        note="Zorgen bleken na gesprek met school ongegrond.",
    )
    assert closed.status == SignalStatus.CLOSED_WITHOUT_ACTION
    with pytest.raises(ValidationError):
        signal_set_status(signal=closed, membership=lead, status=SignalStatus.EXPIRED)


@pytest.mark.parametrize("persona", ["police_member", "lead_b", "outsider"])
def test_only_the_directing_meldpunt_handles_a_signal(personas, persona):
    done = register(personas.police_member, residence=personas.municipality_a)
    with pytest.raises(PermissionDenied):
        signal_set_status(
            signal=done.signal,
            membership=membership_of(getattr(personas, persona)),
            status=SignalStatus.UNDER_REVIEW,
        )
