"""Registering a signal: bad input is refused with a Dutch message and saves nothing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.utils import timezone

from schakel.audit import services as audit_services
from schakel.audit.models import LogRecord
from schakel.core.validators import is_valid_bsn
from schakel.intake.choices import ReportedBy, SignalStatus, SourceDomain
from schakel.intake.models import BlockingKey, IdentityEncoding, RelatedPerson, Signal
from schakel.intake.services import RelatedPersonInput, signal_register
from schakel.intake.tests.factories import (
    INVALID_BSN,
    OTHER_VALID_BSN,
    VALID_BSN,
    membership_of,
    register,
    signal_input,
)
from schakel.legal.choices import RetentionKind
from schakel.legal.terms import term_months

pytestmark = pytest.mark.django_db


def refused(user, residence, **overrides) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        register(user, residence=residence, **overrides)
    assert Signal.objects.count() == 0
    assert IdentityEncoding.objects.count() == 0
    assert not LogRecord.objects.filter(name="signal_register").exists()
    return error.value.message_dict


# The valid test BSN in Arabic-Indic digits: digits, but not the ASCII ones a BSN consists of.
NON_ASCII_BSN = VALID_BSN.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


@pytest.mark.parametrize(
    ("bsn", "valid"),
    [(VALID_BSN, True), (OTHER_VALID_BSN, True), (INVALID_BSN, False), ("000000000", False),
     ("12345678", False), ("1234567890", False), ("12345678a", False), (NON_ASCII_BSN, False)],
)  # fmt: skip
def test_the_eleven_test(bsn, valid):
    assert is_valid_bsn(bsn) is valid


def test_invalid_bsn_is_refused(personas):
    errors = refused(personas.police_member, personas.municipality_a, bsn=INVALID_BSN)
    assert "elfproef" in errors["bsn"][0]


def test_an_organisation_that_may_not_process_bsn_cannot_register_one(personas):
    errors = refused(personas.school_member, personas.municipality_a, bsn=VALID_BSN)
    assert "mag geen BSN verwerken" in errors["bsn"][0]


def test_a_date_of_birth_in_the_future_is_refused(personas):
    tomorrow = timezone.localdate() + timedelta(days=1)
    errors = refused(personas.police_member, personas.municipality_a, date_of_birth=tomorrow)
    assert errors["date_of_birth"] == ["De geboortedatum ligt in de toekomst."]


def test_a_100000_character_text_is_refused(personas):
    errors = refused(personas.police_member, personas.municipality_a, observation="x" * 100_000)
    assert "Maximaal 10.000 tekens" in errors["observation"][0]


def test_every_problem_is_reported_at_once(personas):
    errors = refused(
        personas.school_member,
        personas.municipality_a,
        given_names="1234",
        surname="",
        bsn=VALID_BSN,
        observation="",
        related_persons=(RelatedPersonInput(relation="Broer", name=""),),
    )
    assert {"given_names", "surname", "bsn", "observation", "related_persons.0.name"} <= set(errors)


def test_only_the_meldpunt_registers_for_a_citizen(personas):
    errors = refused(
        personas.police_member,
        personas.municipality_a,
        reported_by=ReportedBy.CITIZEN,
        reporter_contact="06-00000000",
    )
    assert "reported_by" in errors
    done = register(
        personas.lead_a,
        residence=personas.municipality_a,
        reported_by=ReportedBy.CITIZEN,
        reporter_contact="Buurtbewoner, 06-00000000",
        source_domain=SourceDomain.CITIZEN,
    )
    assert done.signal.reporter_contact == "Buurtbewoner, 06-00000000"


def test_the_residence_must_be_a_municipality(personas):
    errors = refused(personas.police_member, personas.police)
    assert "residence" in errors


def test_roles_that_do_not_register_are_refused(personas):
    for user in (personas.privacy_officer_a, personas.admin_a):
        with pytest.raises(PermissionDenied):
            signal_register(
                membership=membership_of(user),
                data=signal_input(residence=personas.municipality_a),
            )


@pytest.mark.parametrize(
    ("given_names", "prefix", "surname"),
    [("Tim", "van 't", "Hof"), ("Wei", "", "Ng"), ("Ayşe", "", "Çelik-de Vries")],
)
def test_names_from_practice_are_stored_as_written(personas, given_names, prefix, surname):
    done = register(
        personas.police_member,
        residence=personas.municipality_a,
        given_names=given_names,
        surname_prefix=prefix,
        surname=surname,
    )
    stored = Signal.objects.get(pk=done.signal.pk)
    assert (stored.given_names, stored.surname_prefix, stored.surname) == (
        given_names,
        prefix,
        surname,
    )


def test_markup_in_free_text_is_stored_as_text(personas):
    script = '<script>alert("x")</script><b onmouseover="y">'
    done = register(
        personas.police_member,
        residence=personas.municipality_a,
        observation=script,
        address=script,
        related_persons=(RelatedPersonInput(relation=script, name="Els Hoogeveld"),),
    )
    stored = Signal.objects.get(pk=done.signal.pk)
    assert stored.observation == script
    assert stored.address == script
    assert RelatedPerson.objects.get().relation == script


def test_markup_in_names_is_refused_with_a_message(personas):
    script = '<script>alert("x")</script>'
    errors = refused(
        personas.police_member,
        personas.municipality_a,
        given_names=f"Kees {script}",
        surname_prefix=script,
        related_persons=(RelatedPersonInput(relation="Zus", name=script),),
    )
    message = "Een naam bestaat uit letters, spaties, koppeltekens, apostroffen en punten"
    for field in ("given_names", "surname_prefix", "related_persons.0.name"):
        assert errors[field][0].startswith(message), field


def test_a_registration_stores_encrypted_data_encoding_expiry_and_log(personas, settings):
    before = timezone.now()
    done = register(
        personas.police_member,
        residence=personas.municipality_b,
        bsn=VALID_BSN,
        related_persons=(RelatedPersonInput("Moeder", "Ineke Hoogeveld", date(1975, 1, 2)),),
    )
    signal = Signal.objects.get(pk=done.signal.pk)
    assert signal.status == SignalStatus.NEW
    assert signal.directing_municipality == personas.municipality_b
    assert signal.registering_organisation == personas.police
    assert signal.bsn == VALID_BSN
    months = term_months(RetentionKind.SIGNAL_NOT_WEIGHED)
    assert before + timedelta(days=28 * months) < signal.expires_at
    assert signal.expires_at < before + timedelta(days=31 * months + 1)
    assert BlockingKey.objects.filter(encoding__signal=signal).exists()
    records = LogRecord.objects.filter(name="signal_register")
    assert sorted(records.values_list("data_subject_type", flat=True)) == [
        "person",
        "related_person",
    ]


def test_a_failing_log_write_leaves_no_signal(personas, monkeypatch):
    for name in ("_INSERT_SQL", "_INSERT_ONE_AND_MOVE_HEAD_SQL"):
        broken = getattr(audit_services, name).replace("audit_logrecord", "audit_logrecord_gone")
        monkeypatch.setattr(audit_services, name, broken)
    with pytest.raises(DatabaseError):
        register(personas.police_member, residence=personas.municipality_a)
    assert Signal.objects.count() == 0
    assert IdentityEncoding.objects.count() == 0
    assert BlockingKey.objects.count() == 0


def test_equal_bsn_is_a_suggestion_never_an_automatic_link(personas):
    first = register(personas.police_member, residence=personas.municipality_a, bsn=VALID_BSN)
    second = register(
        personas.lead_a,
        residence=personas.municipality_a,
        given_names="D.P.",
        surname="Hoogeveldt",
        bsn=VALID_BSN,
    )
    [suggestion] = second.suggestions
    assert suggestion.score == 100
    first.signal.refresh_from_db()
    assert first.signal.subject_id is None
    assert Signal.objects.get(pk=second.signal.pk).subject_id is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("given_names", "Da\u200dan"),  # zero-width joiner
        ("surname", "Hoog\u202eveld"),  # right-to-left override
        ("surname", "Hoog\nveld"),
        ("given_names", "Daan\x85"),  # C1 control
    ],
)
def test_invisible_characters_in_names_are_refused(personas, field, value):
    errors = refused(personas.police_member, personas.municipality_a, **{field: value})
    assert "onzichtbare tekens" in errors[field][0]


def test_control_characters_in_the_address_and_related_persons_are_refused(personas):
    errors = refused(
        personas.police_member,
        personas.municipality_a,
        address="Laan 1\x07",
        related_persons=(RelatedPersonInput(relation="Oom\u202e", name="Kees\u200b"),),
    )
    assert {"address", "related_persons.0.relation", "related_persons.0.name"} <= set(errors)


def test_a_long_string_of_names_is_refused(personas):
    errors = refused(
        personas.police_member,
        personas.municipality_a,
        given_names="Daan Pieter Fatima Zahra Mohammed Noah Sem",
        surname="Hoogeveld-Amrani-Jansen-Bakker",
    )
    assert errors["given_names"] == ["Vul ten hoogste 6 voornamen in."]
    assert errors["surname"] == ["Een achternaam heeft ten hoogste 3 delen."]
