"""Two partners register the same person differently; the meldpunt decides (acceptance)."""

from datetime import date

import pytest

from schakel.audit.models import LogRecord
from schakel.intake.choices import SuggestionStatus
from schakel.intake.models import MatchSuggestion, Signal
from schakel.intake.selectors import known_at_meldpunten
from schakel.intake.services import suggestion_decide
from schakel.intake.tests.factories import membership_of, register

pytestmark = pytest.mark.django_db


def test_typo_and_missing_prefix_give_a_suggestion_with_explanation(personas):
    first = register(personas.police_member, residence=personas.municipality_a)
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
    )
    assert first.suggestions == []
    [suggestion] = second.suggestions
    assert suggestion.earlier_signal_id == first.signal.pk
    parts = {p["part"]: p for p in suggestion.explanation["parts"]}
    assert parts["given_names"]["level"] == "exact"
    assert parts["surname"]["level"] in {"close", "sounds_alike"}
    assert parts["date_of_birth"]["level"] == "exact"
    assert parts["bsn"] == {"part": "bsn", "level": "missing", "weight": 0.0}
    assert suggestion.band == "likely"
    assert suggestion.probability > 0.99
    assert suggestion.score == round(100 * suggestion.probability)


def test_partner_learns_only_the_meldpunt_and_its_mailbox(personas):
    register(personas.police_member, residence=personas.municipality_b)
    second = register(personas.school_member, residence=personas.municipality_a, surname="Hogeveld")
    [known] = known_at_meldpunten(signal=second.signal)
    assert known.meldpunt == personas.municipality_b.name
    assert known.mailbox == personas.municipality_b.mailbox
    assert known.confirmed is False
    assert set(vars(known)) == {"meldpunt", "mailbox", "confirmed"}


def test_a_thin_registration_does_not_tell_a_partner_where_someone_like_it_is_known(personas):
    # Initials, a surname without its prefix and a year fit the earlier signal, but also a
    # brother or a namesake: a lower-band suggestion for the meldpunt, nothing for the partner.
    register(personas.police_member, residence=personas.municipality_b)
    thin = register(
        personas.school_member,
        residence=personas.municipality_a,
        given_names="D.",
        surname_prefix="",
        surname="Hoogeveld",
        date_of_birth=None,
        birth_year=2004,
    )
    [suggestion] = thin.suggestions
    assert suggestion.band == "possible"
    assert known_at_meldpunten(signal=thin.signal) == []


def test_confirm_links_both_signals_to_one_subject_and_is_logged(personas):
    first = register(personas.police_member, residence=personas.municipality_a)
    second = register(personas.school_member, residence=personas.municipality_a, surname_prefix="")
    [suggestion] = second.suggestions
    suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_a), confirm=True
    )
    first.signal.refresh_from_db()
    second.signal.refresh_from_db()
    assert first.signal.subject_id is not None
    assert first.signal.subject_id == second.signal.subject_id
    assert LogRecord.objects.filter(name="convergence_confirm").count() == 2
    [known] = known_at_meldpunten(signal=second.signal)
    assert known.confirmed is True


def test_rejected_pair_is_not_suggested_again(personas):
    first = register(personas.police_member, residence=personas.municipality_a)
    second = register(personas.school_member, residence=personas.municipality_a)
    [suggestion] = second.suggestions
    suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_a), confirm=False
    )
    assert MatchSuggestion.objects.get().status == SuggestionStatus.REJECTED
    assert known_at_meldpunten(signal=second.signal) == []
    # A third signal of the same person is suggested against both, never re-pairing the two.
    third = register(personas.police_member, residence=personas.municipality_a)
    pairs = {(s.signal_id, s.earlier_signal_id) for s in third.suggestions}
    assert pairs == {(third.signal.pk, first.signal.pk), (third.signal.pk, second.signal.pk)}
    assert (
        MatchSuggestion.objects.filter(signal=second.signal, earlier_signal=first.signal).count()
        == 1
    )


def test_a_different_person_gets_no_suggestion(personas):
    register(personas.police_member, residence=personas.municipality_a)
    other = register(
        personas.school_member,
        residence=personas.municipality_a,
        given_names="Sanne",
        surname_prefix="",
        surname="Bakker",
        date_of_birth=date(1979, 8, 30),
    )
    assert other.suggestions == []
    assert Signal.objects.count() == 2
