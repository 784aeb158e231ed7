"""Data-subject requests: registered once at the contact point, fanned out to every organisation
that took part, with the statutory term (one month, extendable once by two), identity
verification without document numbers, the decision and its grounds, and a log record per step."""

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.audit.choices import Activity, SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.services import Subject
from schakel.cases.tests.factories import open_case
from schakel.intake.tests.factories import membership_of, register
from schakel.privacy.choices import ContributionStatus, RequestStatus
from schakel.privacy.models import RequestContribution
from schakel.privacy.request_selectors import (
    desk_summary,
    origin_by_reference,
    origin_for,
    requests_for_desk,
)
from schakel.privacy.request_services import (
    ContributionInput,
    ExtensionInput,
    NotContactPointError,
    Origin,
    RequestStateError,
    contact_point_for,
    contribution_answer,
    deadline_for,
    latest_extension,
    looks_like_identifier,
    request_extend,
    request_register,
    request_verify_identity,
    request_withdraw,
)
from schakel.privacy.tests.request_factories import (
    answer_all,
    decide,
    full_story,
    register_request,
    registration,
)

pytestmark = pytest.mark.django_db


def person_records(request: Any, name: str) -> list[LogRecord]:
    pseudonym = Subject(SubjectType.PERSON, str(request.subject_id)).pseudonym
    return list(LogRecord.objects.filter(name=name, data_subject_id=pseudonym))


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
    assert log.activity_id == Activity.SUBJECT_REQUEST
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
    assert origin_by_reference(membership=officer, reference="C-00000000") is None
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


# --- extension ----------------------------------------------------------------------------------


def extend(personas: Any, request: Any, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "extended_until": latest_extension(request.received_on),
        "reason": "Veel betrokken organisaties; de inbreng vraagt meer tijd.",
        "informed_on": timezone.localdate(),
    }
    values.update(overrides)
    return request_extend(
        membership=membership_of(personas.lead_a), request=request, data=ExtensionInput(**values)
    )


def test_the_term_is_extended_once_by_at_most_two_months_with_a_reason(personas) -> None:
    request = register_request(personas, open_case(personas))

    with pytest.raises(ValidationError) as error:
        extend(
            personas,
            request,
            extended_until=latest_extension(request.received_on) + timedelta(days=1),
            reason="",
            informed_on=None,
        )
    assert set(error.value.message_dict) == {"extended_until", "reason", "informed_on"}

    request = extend(personas, request)
    assert request.due_on == latest_extension(request.received_on)
    assert person_records(request, "request_extended")[0].attributes["days"] > 0

    with pytest.raises(ValidationError) as again:
        extend(personas, request)
    assert "maar één keer" in str(again.value.messages)


def test_no_extension_after_the_original_term_has_passed(personas) -> None:
    received = timezone.localdate() - timedelta(days=40)
    request = register_request(personas, open_case(personas), received_on=received)
    assert request.deadline_on < timezone.localdate()

    with pytest.raises(ValidationError) as error:
        extend(personas, request)

    assert "verstreken" in str(error.value.messages)
    request.refresh_from_db()
    assert request.extended_until is None


def test_the_person_must_be_informed_within_the_original_term(personas) -> None:
    received = timezone.localdate() - timedelta(days=3)
    request = register_request(personas, open_case(personas), received_on=received)

    with pytest.raises(ValidationError) as error:
        extend(personas, request, informed_on=received - timedelta(days=1))

    assert set(error.value.message_dict) == {"informed_on"}


# --- decision and withdrawal --------------------------------------------------------------------


def test_a_decision_before_all_input_needs_an_explicit_confirmation(personas) -> None:
    request = register_request(personas, open_case(personas))

    with pytest.raises(ValidationError) as error:
        decide(personas, request)
    assert set(error.value.message_dict) == {"without_all_input"}

    request = decide(personas, request, without_all_input=True)

    assert request.status == RequestStatus.DECIDED
    assert request.closed_at is not None
    [log] = person_records(request, "request_decided")
    assert log.attributes["without_all_input"] == 1
    assert log.attributes["open_contributions"] == request.contributions.count()


def test_grounds_are_required_unless_granted_in_full_and_restrictions_fit_the_decision(
    personas,
) -> None:
    request = register_request(personas, open_case(personas))
    answer_all(request, personas)

    with pytest.raises(ValidationError) as refused:
        decide(personas, request, "refused")
    assert set(refused.value.message_dict) == {"grounds"}
    with pytest.raises(ValidationError) as restricted:
        decide(personas, request, "granted", restriction="criminal_investigation")
    assert set(restricted.value.message_dict) == {"restriction", "grounds"}

    request = decide(
        personas,
        request,
        "partially_granted",
        restriction="criminal_investigation",
        grounds="Een deel van de gegevens raakt een lopend strafrechtelijk onderzoek.",
    )

    assert request.decision == "partially_granted"
    [log] = person_records(request, "request_decided")
    assert log.attributes["without_all_input"] == 0
    assert "strafrechtelijk" not in str(log.attributes)
    with pytest.raises(RequestStateError):
        request_withdraw(membership=membership_of(personas.lead_a), request=request)


def test_granting_needs_an_established_identity(personas) -> None:
    request = register_request(
        personas, open_case(personas), identity_verified_on=None, identity_verification_note=""
    )

    with pytest.raises(ValidationError) as error:
        decide(personas, request, without_all_input=True)

    assert "identiteit" in str(error.value.message_dict["decision"])


def test_a_withdrawn_request_is_closed_and_takes_no_more_input(personas) -> None:
    request = register_request(personas, open_case(personas))

    request = request_withdraw(
        membership=membership_of(personas.privacy_officer_a), request=request
    )

    assert request.status == RequestStatus.WITHDRAWN
    with pytest.raises(RequestStateError):
        contribution_answer(
            membership=membership_of(personas.police_member),
            contribution=request.contributions.get(organisation=personas.police),
            data=ContributionInput(holds_data=False, input=""),
        )


# --- contributions ------------------------------------------------------------------------------


def test_each_organisation_answers_for_itself_only(personas) -> None:
    request = register_request(personas, open_case(personas))
    police = request.contributions.get(organisation=personas.police)

    with pytest.raises(PermissionDenied):
        contribution_answer(
            membership=membership_of(personas.om_member),
            contribution=police,
            data=ContributionInput(holds_data=False, input=""),
        )
    with pytest.raises(ValidationError) as error:
        contribution_answer(
            membership=membership_of(personas.police_member),
            contribution=police,
            data=ContributionInput(holds_data=None, input="", objects_to_disclosure=True),
        )
    assert set(error.value.message_dict) == {"holds_data", "input"}

    answered = contribution_answer(
        membership=membership_of(personas.police_member),
        contribution=police,
        data=ContributionInput(
            holds_data=True,
            input="Lopend onderzoek; verstrekking schaadt het onderzoek.",
            objects_to_disclosure=True,
        ),
    )

    assert answered.status == ContributionStatus.ANSWERED
    assert answered.answered_by == personas.police_member
    [log] = person_records(request, "request_contribution_answered")
    assert log.attributes["objects_to_disclosure"] == 1


# --- the desk -----------------------------------------------------------------------------------


def test_the_desk_counts_open_overdue_and_extended_requests_per_organisation(personas) -> None:
    case = open_case(personas)
    today = timezone.localdate()
    overdue = register_request(personas, case, received_on=today - timedelta(days=45))
    soon = register_request(personas, case, received_on=today - timedelta(days=27))
    extended = register_request(personas, case, kind="erasure")
    extend(personas, extended)
    decided = register_request(personas, case)
    decide(personas, decided, without_all_input=True)

    officer = membership_of(personas.privacy_officer_a)
    summary = desk_summary(membership=officer)
    assert (summary.open, summary.overdue, summary.due_within_7_days, summary.extended) == (
        3,
        1,
        1,
        1,
    )
    rows = requests_for_desk(membership=officer)
    assert [row.reference for row in rows] == [
        overdue.reference,
        soon.reference,
        extended.reference,
    ]
    assert rows[0].overdue
    assert rows[0].days_left < 0
    assert rows[0].as_contact_point
    assert rows[0].url.endswith(f"/verzoeken/{overdue.pk}/")

    police_rows = requests_for_desk(membership=membership_of(personas.police_privacy_officer))
    assert len(police_rows) == 3
    assert not police_rows[0].as_contact_point
    assert "/verzoeken/inbreng/" in police_rows[0].url
    assert desk_summary(membership=membership_of(personas.police_privacy_officer)).open == 3
    assert desk_summary(membership=membership_of(personas.outsider)).open == 0


def test_the_desk_sees_a_request_become_overdue(personas) -> None:
    request = register_request(personas, open_case(personas))
    officer = membership_of(personas.privacy_officer_a)

    with time_machine.travel(timezone.now() + timedelta(days=32)):
        [row] = requests_for_desk(membership=officer)
        assert row.reference == request.reference
        assert row.overdue
        assert desk_summary(membership=officer).overdue == 1


def test_the_contact_point_follows_the_latest_open_case(personas) -> None:
    from schakel.cases.models import Case

    first = open_case(personas)
    assert contact_point_for(Origin(case=first)) == personas.municipality_a
    now = timezone.now()
    # The person moved: the first case was closed and Brookdam directs a new one.
    Case.objects.filter(pk=first.pk).update(
        phase="closed", closed_at=now, retention_starts_on=now.date(), closure_reason="moved"
    )
    second = Case.objects.create(
        subject=first.subject,
        directing_municipality=personas.municipality_b,
        zvh=personas.zvh,
        opened_at=now - timedelta(days=400),  # opened earlier, but the one still open
        reassessment_due_on=now.date(),
    )
    assert contact_point_for(Origin(case=first)) == personas.municipality_b
    Case.objects.filter(pk=second.pk).update(
        phase="closed", closed_at=now, retention_starts_on=now.date(), closure_reason="moved"
    )
    # Both closed: the latest case.
    assert contact_point_for(Origin(case=second)) == personas.municipality_a
