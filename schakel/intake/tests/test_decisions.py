"""Deciding suggestions and handling signals: who may, and what a decision does."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.audit.models import LogRecord
from schakel.intake.choices import SignalStatus, SuggestionStatus
from schakel.intake.models import Signal, Subject
from schakel.intake.services import (
    AlreadyDecidedError,
    MergeRefusedError,
    signal_set_status,
    suggestion_decide,
)
from schakel.intake.tests.factories import membership_of, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cross_municipal(personas):
    earlier = register(personas.police_member, residence=personas.municipality_b)
    later = register(personas.school_member, residence=personas.municipality_a)
    return earlier, later, later.suggestions[0]


def test_signals_of_two_municipalities_are_linked_only_when_both_confirm(personas, cross_municipal):
    earlier, later, suggestion = cross_municipal
    first = suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_b), confirm=True
    )
    assert first.status == SuggestionStatus.OPEN
    assert Signal.objects.exclude(subject=None).count() == 0
    with pytest.raises(AlreadyDecidedError):  # the same municipality cannot confirm twice
        suggestion_decide(
            suggestion=suggestion, membership=membership_of(personas.lead_b), confirm=True
        )
    both = suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_a), confirm=True
    )
    assert both.status == SuggestionStatus.CONFIRMED
    assert both.decided_for == personas.municipality_a
    earlier.signal.refresh_from_db()
    assert earlier.signal.subject_id is not None
    assert Signal.objects.get(pk=later.signal.pk).subject_id == earlier.signal.subject_id
    assert LogRecord.objects.filter(name="convergence_confirm_one_side").count() == 2


def test_a_rejection_by_either_municipality_is_final(personas, cross_municipal):
    _, _, suggestion = cross_municipal
    suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_a), confirm=True
    )
    rejected = suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_b), confirm=False
    )
    assert rejected.status == SuggestionStatus.REJECTED
    assert Signal.objects.exclude(subject=None).count() == 0


def test_two_subjects_are_not_joined_without_every_municipality_involved(personas):
    lead_a, lead_b = membership_of(personas.lead_a), membership_of(personas.lead_b)
    lead_c = membership_of(personas.outsider)
    a1 = register(personas.police_member, residence=personas.municipality_a)
    a2 = register(personas.school_member, residence=personas.municipality_a)
    suggestion_decide(suggestion=a2.suggestions[0], membership=lead_a, confirm=True)
    c1 = register(personas.outsider, residence=personas.municipality_other_region)
    [c_to_a] = c1.suggestions
    suggestion_decide(suggestion=c_to_a, membership=lead_c, confirm=False)
    c2 = register(personas.outsider, residence=personas.municipality_other_region)
    c_pair = next(s for s in c2.suggestions if s.earlier_signal_id == c1.signal.pk)
    suggestion_decide(suggestion=c_pair, membership=lead_c, confirm=True)
    assert Subject.objects.count() == 2
    # A new signal in B resembles both subjects; B and A link it to A's subject ...
    new = register(personas.lead_b, residence=personas.municipality_b)
    to_a = next(s for s in new.suggestions if s.earlier_signal_id in {a1.signal.pk, a2.signal.pk})
    to_c = next(s for s in new.suggestions if s.earlier_signal_id in {c1.signal.pk, c2.signal.pk})
    suggestion_decide(suggestion=to_a, membership=lead_b, confirm=True)
    suggestion_decide(suggestion=to_a, membership=lead_a, confirm=True)
    # ... then B and C cannot join C's subject to it: A directs signals of that subject.
    suggestion_decide(suggestion=to_c, membership=lead_b, confirm=True)
    with pytest.raises(MergeRefusedError):
        suggestion_decide(suggestion=to_c, membership=lead_c, confirm=True)
    assert Subject.objects.count() == 2
    to_c.refresh_from_db()
    assert to_c.status == SuggestionStatus.OPEN
    assert [c.organisation for c in to_c.confirmations.all()] == [personas.municipality_b]


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
