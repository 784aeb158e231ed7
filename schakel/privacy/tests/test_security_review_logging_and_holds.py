"""Regression tests of the security review of issue 5 (privacy and accountability): logs and holds.

Each test proves one fix: reads of person data over the API are logged like on the pages;
changing the legal-basis catalogue over the API needs a step-up like the pages; legal holds stop
the sweep also when they are placed while it runs or before it resumes; and the processing log
keeps a minimum term.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.intake.models import Signal
from schakel.intake.tests.factories import membership_of
from schakel.legal import terms
from schakel.legal.choices import RetentionKind
from schakel.legal.models import LegalBasis, RetentionPolicy
from schakel.privacy.choices import RetentionRunStatus
from schakel.privacy.models import LegalHold, RetentionRun
from schakel.privacy.retention import engine, policies
from schakel.privacy.retention.holds import hold_place
from schakel.privacy.tests.retention_world import closed_case, never_weighed, traces
from schakel.privacy.tests.security_review_helpers import _hold

pytestmark = pytest.mark.django_db


T0 = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
LATER = T0 + timedelta(days=2 * 365)


def _stale(client: Client) -> Client:
    session = client.session
    session["step_up_at"] = (timezone.now() - timedelta(hours=1)).isoformat()
    session.save()
    return client


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


def test_a_sweep_of_never_weighed_signals_respects_a_hold_on_the_kind(personas) -> None:
    with time_machine.travel(T0, tick=False):
        never = never_weighed(personas, "Komando")
    with time_machine.travel(LATER, tick=False):
        hold_place(
            membership=membership_of(personas.police_privacy_officer),
            data=_hold(kind=RetentionKind.SIGNAL_NOT_WEIGHED),
        )
        run = engine.sweep(kinds=[RetentionKind.SIGNAL_NOT_WEIGHED])

    assert run.progress[RetentionKind.SIGNAL_NOT_WEIGHED]["deleted"] == 0
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
    minimum = terms.MIN_TERM_MONTHS[RetentionKind.PROCESSING_LOG]
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
    assert terms.terms()[RetentionKind.PROCESSING_LOG] == minimum
    # Other kinds keep their lower bound of one month.
    policies.policy_update(
        by=personas.admin_a, kind=RetentionKind.SIGN_IN_FAILURES, months=1, note=""
    )


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
