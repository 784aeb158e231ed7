"""Data-subject requests: the statutory term (one month), registered once at the contact point
and fanned out to every organisation that took part, identity verification without document
numbers, and a log record per step."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.cases.tests.factories import open_case
from schakel.intake.tests.factories import membership_of, register
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.choices import RequestStatus
from schakel.privacy.models import RequestContribution
from schakel.privacy.requests.origins import origin_by_reference, origin_for
from schakel.privacy.requests.rules import (
    NotContactPointError,
    deadline_for,
    latest_extension,
    looks_like_identifier,
)
from schakel.privacy.requests.services import request_register, request_verify_identity
from schakel.privacy.tests.request_factories import full_story, register_request, registration
from schakel.privacy.tests.request_service_helpers import person_records

pytestmark = pytest.mark.django_db


# --- the deadline -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "deadline", "latest"),
    [
        (date(2025, 1, 31), date(2025, 2, 28), date(2025, 4, 30)),
        (date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30)),
        (date(2025, 3, 31), date(2025, 4, 30), date(2025, 6, 30)),
        (date(2025, 11, 30), date(2025, 12, 30), date(2026, 2, 28)),
        (date(2025, 12, 15), date(2026, 1, 15), date(2026, 3, 15)),
    ],
)
def test_the_term_is_one_calendar_month_clamped_to_the_month_end(
    received: date, deadline: date, latest: date
) -> None:
    assert deadline_for(received) == deadline
    assert latest_extension(received) == latest


# --- registration and fan-out -------------------------------------------------------------------


def test_registration_at_the_contact_point_asks_every_participating_organisation(
    personas,
) -> None:
    story = full_story(personas)

    request = register_request(personas, story.case)

    organisations = set(request.contributions.values_list("organisation__name", flat=True))
    assert organisations == {
        "Gemeente Aldermeer",  # contact point, registered the signal, weighed, online research
        "Politie-eenheid Noordkaap",  # weighing participant, structural, disclosed
        "OM Arrondissement Noordkaap",  # weighing participant, structural
        "ZVH Noordkaap",  # the case's ZVH, received the disclosure
        "GGZ Noordkaap",  # structural participation, owns an intervention
        "Scholengroep Noordkaap",  # invited to the agenda item
    }
    assert request.contact_point == personas.municipality_a
    assert request.deadline_on == deadline_for(timezone.localdate())
    assert request.status == RequestStatus.IN_PROGRESS  # identity verified at registration
    assert request.identity_verified_by == personas.lead_a
    [log] = person_records(request, "request_registered")
    assert log.activity_id == PrivacyActivity.SUBJECT_REQUEST
    assert log.attributes == {
        "kind": "access",
        "contributions": 6,
        "identity_verified": 1,
        "origin": "case",
    }


def test_a_privacy_officer_of_the_directing_municipality_registers_by_reference(
    personas,
) -> None:
    case = open_case(personas)
    officer = membership_of(personas.privacy_officer_a)

    origin = origin_by_reference(membership=officer, reference=case.reference.lower())

    assert origin is not None
    assert origin.case == case
    request = request_register(membership=officer, origin=origin, data=registration())
    assert request.registered_by == personas.privacy_officer_a
    assert origin_by_reference(membership=officer, reference="CAS-2026-9999") is None
    assert origin_by_reference(membership=officer, reference="Daan") is None


def test_without_a_case_the_municipality_of_residence_of_the_signal_is_the_contact_point(
    personas,
) -> None:
    signal = register(personas.school_member, residence=personas.municipality_b).signal
    lead_b = membership_of(personas.lead_b)

    request = request_register(
        membership=lead_b,
        origin=origin_for(membership=lead_b, signal_pk=signal.pk),
        data=registration(),
    )

    signal.refresh_from_db()
    assert signal.subject_id == request.subject_id  # the signal got its own subject
    assert request.contact_point == personas.municipality_b
    assert set(request.contributions.values_list("organisation", flat=True)) == {
        personas.municipality_b.pk,
        personas.school.pk,
    }
    with pytest.raises(Http404):
        origin_for(membership=membership_of(personas.lead_a), signal_pk=signal.pk)


def test_who_sees_the_case_but_is_not_the_contact_point_is_told_which_municipality_is(
    personas,
) -> None:
    case = open_case(personas)
    police = membership_of(personas.police_member)
    origin = origin_for(membership=police, case_pk=case.pk)  # structural participant

    with pytest.raises(NotContactPointError) as refused:
        request_register(membership=police, origin=origin, data=registration())

    assert "Gemeente Aldermeer" in refused.value.message
    assert "regievoerder of de privacyfunctionaris" in refused.value.message


@pytest.mark.parametrize("persona", ["lead_b", "outsider", "admin_a", "police_privacy_officer"])
def test_a_case_out_of_reach_is_not_found(personas, persona) -> None:
    case = open_case(personas)

    with pytest.raises(Http404):
        origin_for(membership=membership_of(getattr(personas, persona)), case_pk=case.pk)


@pytest.mark.parametrize(
    "note",
    [
        "Paspoort NXC4R5TK3 gezien aan de balie",
        "BSN 999900006 gecontroleerd",
        "BSN 9999 00 006 gecontroleerd",
        "rijbewijs 5012345678",
        "ID-kaart SPECI2014 getoond",
    ],
)
def test_the_identity_note_never_holds_a_bsn_or_document_number(personas, note) -> None:
    case = open_case(personas)

    with pytest.raises(ValidationError) as error:
        register_request(personas, case, identity_verification_note=note)

    assert "nooit een BSN of het nummer" in str(error.value.message_dict)


def test_an_identity_note_with_dates_and_words_is_accepted() -> None:
    assert not looks_like_identifier("Paspoort getoond aan de balie op 12-03-2026 om 10:30.")
    assert not looks_like_identifier("Ingelogd met DigiD; bekend bij team V-1234.")
    assert looks_like_identifier("documentnummer IR1234567")


def test_registration_needs_kind_receipt_not_in_the_future_and_what_is_asked(personas) -> None:
    case = open_case(personas)

    with pytest.raises(ValidationError) as error:
        register_request(
            personas,
            case,
            kind="",
            received_on=timezone.localdate() + timedelta(days=1),
            description=" ",
            identity_verified_on=None,
            identity_verification_note="",
        )

    assert set(error.value.message_dict) == {"kind", "received_on", "description"}
    assert not RequestContribution.objects.exists()


def test_identity_can_be_recorded_later_and_is_logged(personas) -> None:
    case = open_case(personas)
    request = register_request(
        personas, case, identity_verified_on=None, identity_verification_note=""
    )
    assert request.status == RequestStatus.RECEIVED

    request = request_verify_identity(
        membership=membership_of(personas.privacy_officer_a),
        request=request,
        verified_on=timezone.localdate(),
        note="Ingelogd met DigiD op het aanvraagformulier.",
    )

    assert request.identity_verified_by == personas.privacy_officer_a
    assert request.status == RequestStatus.IN_PROGRESS
    assert person_records(request, "request_identity_verified")
    with pytest.raises(PermissionDenied):
        request_verify_identity(
            membership=membership_of(personas.lead_b),
            request=request,
            verified_on=timezone.localdate(),
            note="Aan de balie.",
        )
