"""Regression tests of the security review of issue 5 (privacy and accountability).

Each test proves one fix: the access export is no way around supervision access; reads of
person data over the API are logged like on the pages; legal holds stop the sweep also when they
are placed while it runs or before it resumes; the processing log keeps a minimum term; a
supervision access shows an organisation's officer what that organisation could see, no more;
changing the legal-basis catalogue over the API needs a step-up like the pages; and every
object of the new pages and endpoints is a 404 for every persona outside its scope.
"""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.api.tests import conftest as api_fixtures
from schakel.audit.models import LogRecord
from schakel.cases.choices import ParticipationKind
from schakel.cases.services import ParticipationInput, participation_add
from schakel.cases.tests.factories import invite, open_case
from schakel.intake import expiry
from schakel.intake.models import Signal
from schakel.intake.tests.factories import membership_of
from schakel.privacy.choices import RetentionKind, RetentionRunStatus
from schakel.privacy.models import (
    LegalBasis,
    LegalHold,
    RetentionPolicy,
    RetentionRun,
    SubjectRequest,
    SupervisionAccess,
)
from schakel.privacy.retention import engine, policies
from schakel.privacy.retention.holds import HoldInput, hold_place
from schakel.privacy.tests.request_factories import register_request
from schakel.privacy.tests.retention_world import closed_case, never_weighed, traces
from schakel.privacy.tests.test_desk_support import (
    ANALYSIS,
    DECISION,
    DISCLOSURE,
    NOTE,
    plant,
)

pytestmark = pytest.mark.django_db

api_client = api_fixtures.api_client
token_for = api_fixtures.token_for

T0 = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
LATER = T0 + timedelta(days=2 * 365)
REASON = "Klacht van betrokkene over de verstrekking; toetsing van de rechtmatigheid."


def _hold(reference: str = "", kind: str = "", days: int = 60) -> HoldInput:
    return HoldInput(
        reference=reference,
        kind=kind,
        reason="Lopende procedure bij de rechtbank.",
        starts_on=None,
        ends_on=timezone.localdate() + timedelta(days=days),
    )


def _stale(client: Client) -> Client:
    session = client.session
    session["step_up_at"] = (timezone.now() - timedelta(hours=1)).isoformat()
    session.save()
    return client


# The access export is no way around supervision access ---------------------------------------


@pytest.fixture
def access_request(personas: Any) -> SubjectRequest:
    planted = plant(personas)
    return register_request(personas, planted.case)


def test_the_privacy_officer_cannot_read_case_content_through_an_access_export(
    personas, signed_in, access_request
) -> None:
    """The officer handles the request, but the export holds the case's content: that is for
    the contact point's municipal lead; the officer's way to content is a supervision access."""
    page = reverse("privacy:request_export", args=[access_request.pk, "json"])
    api = reverse("v1:subject-request-access-export", args=[access_request.pk])
    officer = signed_in(personas.privacy_officer_a)

    assert officer.get(page).status_code == 404
    assert officer.get(api).status_code == 404
    detail = officer.get(reverse("privacy:request_detail", args=[access_request.pk]))
    assert detail.status_code == 200
    assert page not in detail.content.decode()
    assert not LogRecord.objects.filter(name="access_export").exists()

    lead = signed_in(personas.lead_a)
    exported = lead.get(page)
    assert exported.status_code == 200
    assert ANALYSIS in exported.content.decode()
    assert LogRecord.objects.filter(name="access_export").count() == 1


# Reads of person data over the API are logged --------------------------------------------------


def test_reading_every_organisations_input_over_the_api_is_logged(
    personas, api_client, access_request
) -> None:
    path = reverse("v1:subject-request-contributions", args=[access_request.pk])

    response = api_client(personas.lead_a).get(path)

    assert response.status_code == 200
    record = LogRecord.objects.get(name="request_contributions_read")
    assert record.data_subject_id
    assert api_client(personas.police_member).get(path).status_code == 404
    assert LogRecord.objects.filter(name="request_contributions_read").count() == 1


def test_reading_a_holds_reason_over_the_api_is_logged(personas, api_client) -> None:
    included = closed_case(personas, "Leesreden")
    hold = hold_place(
        membership=membership_of(personas.privacy_officer_a),
        data=_hold(included.case.reference),  # type: ignore[union-attr]
    )
    path = reverse("v1:legal-hold-detail", args=[hold.pk])

    response = api_client(personas.privacy_officer_a).get(path)

    assert response.status_code == 200
    assert response.json()["reason"] == "Lopende procedure bij de rechtbank."
    record = LogRecord.objects.get(name="legal_hold_read")
    assert record.data_subject_id
    assert api_client(personas.police_privacy_officer).get(path).status_code == 404
    assert LogRecord.objects.filter(name="legal_hold_read").count() == 1


# Legal holds placed while the sweep runs, or before it resumes ---------------------------------


def test_a_hold_on_a_kind_placed_while_the_sweep_runs_stops_the_next_batches(personas) -> None:
    with time_machine.travel(T0, tick=False):
        first = never_weighed(personas, "Eerstx")
        second = never_weighed(personas, "Tweedx")
    officer = membership_of(personas.privacy_officer_a)
    placed: list[LegalHold] = []

    def place_after_first_batch(kind: str, done: int, total: int) -> None:
        if kind == RetentionKind.SIGNAL_NOT_WEIGHED and not placed:
            placed.append(hold_place(membership=officer, data=_hold(kind=kind)))

    with time_machine.travel(LATER, tick=False):
        run = engine.sweep(
            kinds=[RetentionKind.SIGNAL_NOT_WEIGHED],
            batch_size=1,
            progress=place_after_first_batch,
        )

    assert run.progress[RetentionKind.SIGNAL_NOT_WEIGHED]["deleted"] == 1
    assert run.progress[RetentionKind.SIGNAL_NOT_WEIGHED]["held"] is True
    kept = Signal.objects.filter(
        pk__in=[first.signal.pk, second.signal.pk], person_data_deleted_at=None
    )
    assert kept.count() == 1


def test_the_expire_signals_command_respects_a_hold_on_the_kind(personas) -> None:
    with time_machine.travel(T0, tick=False):
        never = never_weighed(personas, "Komando")
    with time_machine.travel(LATER, tick=False):
        hold_place(
            membership=membership_of(personas.police_privacy_officer),
            data=_hold(kind=RetentionKind.SIGNAL_NOT_WEIGHED),
        )
        result = expiry.signals_expire()

    assert result.expired == 0
    assert traces(["Komandovoornaam", "Komandowaarneming"]) != []
    assert Signal.objects.get(pk=never.signal.pk).person_data_deleted_at is None


def test_a_resumed_run_respects_a_hold_placed_after_its_moment(personas) -> None:
    """A run stopped late on day D resumes on day D+1 with D's moment; a hold placed on D+1
    (starting that day) must still keep the person's data."""
    with time_machine.travel(T0, tick=False):
        included = closed_case(personas, "Hervat")
    moment = datetime(2031, 3, 3, 22, 0, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        stopped = RetentionRun.objects.create(moment=moment, started_at=moment, progress={})
        stopped.status = RetentionRunStatus.FAILED
        stopped.save(update_fields=["status"])
    next_day = moment + timedelta(days=1)
    with time_machine.travel(next_day, tick=False):
        hold_place(
            membership=membership_of(personas.privacy_officer_a),
            data=_hold(included.case.reference),  # type: ignore[union-attr]
        )
        run = engine.sweep(resume=stopped)

    assert run.progress[RetentionKind.CLOSED_CASE]["deleted"] == 0
    assert traces(["Hervatinterventie"]) != []


# The processing log keeps a minimum term -------------------------------------------------------


def test_the_processing_log_cannot_be_set_to_a_term_that_erases_recent_processing(
    personas, signed_in
) -> None:
    minimum = policies.MIN_TERM_MONTHS[RetentionKind.PROCESSING_LOG]
    with pytest.raises(ValidationError):
        policies.policy_update(
            by=personas.admin_a, kind=RetentionKind.PROCESSING_LOG, months=1, note=""
        )
    url = reverse("privacy:retention_policy_update", args=[RetentionKind.PROCESSING_LOG])
    response = signed_in(personas.admin_a).post(url, {"term_months": "1", "note": ""})
    assert response.status_code == 200
    assert not RetentionPolicy.objects.filter(
        kind=RetentionKind.PROCESSING_LOG, term_months=1
    ).exists()
    # A term stored below the minimum (before this rule, or by hand) is not applied either.
    RetentionPolicy.objects.update_or_create(
        kind=RetentionKind.PROCESSING_LOG, defaults={"term_months": 1}
    )
    assert policies.terms()[RetentionKind.PROCESSING_LOG] == minimum
    # Other kinds keep their lower bound of one month.
    policies.policy_update(
        by=personas.admin_a, kind=RetentionKind.SIGN_IN_FAILURES, months=1, note=""
    )


# Supervision shows what the officer's organisation could see -----------------------------------


def _supervise(client: Client, reference: str) -> str:
    response = client.post(
        reverse("privacy:desk_supervision"), {"reference": reference, "reason": REASON}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"]).content.decode()


def test_a_partners_officer_sees_under_supervision_only_what_the_partner_could_see(
    personas, signed_in
) -> None:
    planted = plant(personas)
    participation_add(
        membership=membership_of(personas.lead_a),
        case=planted.case,
        data=ParticipationInput(
            organisation=personas.ggz,
            kind=ParticipationKind.STRUCTURAL,
            starts_on=timezone.localdate(),
        ),
    )
    invite(personas, planted.item, personas.school)
    ggz_officer = MembershipFactory(organisation=personas.ggz, role=Role.PRIVACY_OFFICER).user
    school_officer = MembershipFactory(organisation=personas.school, role=Role.PRIVACY_OFFICER).user
    reference = planted.case.reference

    steering = _supervise(signed_in(personas.privacy_officer_a), reference)
    assert all(text in steering for text in (ANALYSIS, DECISION, DISCLOSURE, NOTE))
    # The police made the disclosure: its officer sees it.
    police = _supervise(signed_in(personas.police_privacy_officer), reference)
    assert DISCLOSURE in police
    assert ANALYSIS in police
    # A structural partner sees the case, but not a disclosure it neither made nor received.
    ggz = _supervise(signed_in(ggz_officer), reference)
    assert ANALYSIS in ggz
    assert DECISION in ggz
    assert DISCLOSURE not in ggz
    assert NOTE not in ggz
    # An incidental partner sees only the item it was invited to: no plan, no disclosure.
    school = _supervise(signed_in(school_officer), reference)
    assert DECISION in school
    assert ANALYSIS not in school
    assert DISCLOSURE not in school
    assert SupervisionAccess.objects.count() == 4


# The catalogue over the API needs a step-up like the pages -------------------------------------


def test_changing_the_catalogue_over_the_api_needs_a_fresh_step_up(personas, signed_in) -> None:
    basis = LegalBasis.objects.get(code="wet-pga")
    path = reverse("v1:legal-basis-detail", kwargs={"id": basis.pk})
    stale = _stale(signed_in(personas.admin_a))

    response = stale.patch(path, {"name": "Anders"}, content_type="application/json")

    assert response.status_code == 403
    assert response.json()["type"] == "urn:schakel:problem:step-up-required"
    created = stale.post(
        reverse("v1:legal-basis-list"),
        {"code": "nieuw", "name": "Nieuw", "citation": "Art. 1", "description": "Omschrijving."},
        content_type="application/json",
    )
    assert created.status_code == 403
    basis.refresh_from_db()
    assert basis.name != "Anders"
    assert not LegalBasis.objects.filter(code="nieuw").exists()
    fresh = signed_in(personas.admin_a).patch(
        path, {"name": "Anders"}, content_type="application/json"
    )
    assert fresh.status_code == 200


# Not found equals forbidden, per persona -------------------------------------------------------

OUTSIDERS = [
    "lead_b",
    "police_member",
    "police_privacy_officer",
    "admin_a",
    "outsider",
    "superuser",
    "director",
    "school_member",
]


@pytest.fixture
def objects(personas: Any) -> dict[str, Any]:
    case = open_case(personas)
    request = register_request(personas, case)
    hold = hold_place(
        membership=membership_of(personas.privacy_officer_a), data=_hold(case.reference)
    )
    access = SupervisionAccess.objects.create(
        case=case,
        officer=personas.privacy_officer_a,
        organisation=personas.municipality_a,
        reason=REASON,
        granted_at=timezone.now(),
        valid_until=timezone.now() + timedelta(hours=4),
    )
    own = request.contributions.get(organisation=personas.municipality_a)
    return {"request": request, "hold": hold, "access": access, "contribution": own}


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_every_new_object_is_not_found_outside_its_scope(
    personas, signed_in, api_client, objects, persona
) -> None:
    user = getattr(personas, persona)
    request, hold = objects["request"], objects["hold"]
    pages = [
        reverse("privacy:request_detail", args=[request.pk]),
        reverse("privacy:request_withdraw", args=[request.pk]),
        reverse("privacy:request_export", args=[request.pk, "pdf"]),
        reverse("privacy:request_contribution", args=[objects["contribution"].pk]),
        reverse("privacy:retention_hold_detail", args=[hold.pk]),
        reverse("privacy:retention_hold_lift", args=[hold.pk]),
        reverse("privacy:desk_supervision_case", args=[objects["access"].pk]),
    ]
    endpoints = [
        reverse("v1:subject-request-detail", args=[request.pk]),
        reverse("v1:subject-request-contributions", args=[request.pk]),
        reverse("v1:subject-request-access-export", args=[request.pk]),
        reverse("v1:request-contribution-detail", args=[objects["contribution"].pk]),
        reverse("v1:legal-hold-detail", args=[hold.pk]),
    ]
    client = signed_in(user)
    for page in pages:
        assert client.get(page).status_code == 404, page
    token = api_client(user)
    for endpoint in endpoints:
        assert token.get(endpoint).status_code == 404, endpoint
    posts = [
        (reverse("privacy:request_decide", args=[request.pk]), {"decision": "refused"}),
        (reverse("privacy:retention_hold_lift", args=[hold.pk]), {}),
        (reverse("v1:legal-hold-lift", args=[hold.pk]), {}),
        (reverse("v1:subject-request-withdrawal", args=[request.pk]), {}),
    ]
    for path, data in posts:
        assert client.post(path, data).status_code == 404, path
    request.refresh_from_db()
    hold.refresh_from_db()
    assert request.status != "withdrawn"
    assert request.decision == ""
    assert hold.lifted_at is None
    assert not LogRecord.objects.filter(
        name__in=["request_read", "request_contributions_read", "legal_hold_read"]
    ).exists()


def test_another_officer_cannot_use_a_supervision_access_and_expiry_is_enforced(
    personas, signed_in, objects
) -> None:
    access = objects["access"]
    page = reverse("privacy:desk_supervision_case", args=[access.pk])
    colleague = MembershipFactory(
        organisation=personas.municipality_a, role=Role.PRIVACY_OFFICER
    ).user
    assert signed_in(colleague).get(page).status_code == 404
    assert signed_in(personas.privacy_officer_a).get(page).status_code == 200
    with time_machine.travel(access.valid_until + timedelta(seconds=1)):
        assert signed_in(personas.privacy_officer_a).get(page).status_code == 404
