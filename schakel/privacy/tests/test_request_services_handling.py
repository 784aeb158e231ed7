"""Data-subject requests after registration: the extension (once, by at most two months), the
decision and its grounds, withdrawal, each organisation's own answer, and the desk's counts."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from schakel.cases.tests.factories import open_case
from schakel.intake.tests.factories import membership_of
from schakel.privacy.choices import ContributionStatus, RequestStatus
from schakel.privacy.requests.decisions import ContributionInput, contribution_answer
from schakel.privacy.requests.desk_overview import desk_summary, requests_for_desk
from schakel.privacy.requests.rules import (
    Origin,
    RequestStateError,
    contact_point_for,
    latest_extension,
)
from schakel.privacy.requests.services import ExtensionInput, request_extend, request_withdraw
from schakel.privacy.tests.request_factories import answer_all, decide, register_request
from schakel.privacy.tests.request_service_helpers import person_records

pytestmark = pytest.mark.django_db


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
