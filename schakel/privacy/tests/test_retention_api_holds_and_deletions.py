"""The retention API of the privacy officer's own organisation: the outlook of what is due,
legal holds, the deletion register and the runs; others get 404, and placing or lifting a hold
from a web session needs a fresh step-up."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.models import DeletionRecord
from schakel.intake.tests.factories import membership_of
from schakel.legal.choices import RetentionKind
from schakel.privacy.models import LegalHold
from schakel.privacy.retention import engine
from schakel.privacy.retention.holds import HoldInput, hold_place
from schakel.privacy.tests.retention_api_helpers import PROBLEM, errors, place, url
from schakel.privacy.tests.retention_world import closed_case

pytestmark = pytest.mark.django_db


T0 = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
ALMOST_DUE = T0 + timedelta(days=5 * 365 + 1 - 30)
LATER = T0 + timedelta(days=6 * 365)
NOT_OFFICERS = ["lead_a", "admin_a", "police_member", "director", "outsider"]

OUTLOOK = url("retention-outlook")
HOLDS = url("legal-hold-list")
DELETIONS = url("deletion-record-list")
RUNS = url("retention-run-list")


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def hold_body(**overrides: Any) -> dict[str, Any]:
    return {
        "reference": "",
        "kind": "",
        "reason": "Lopende procedure bij de rechtbank.",
        "ends_on": (timezone.localdate() + timedelta(days=90)).isoformat(),
        **overrides,
    }


# The outlook --------------------------------------------------------------------------------


def test_the_outlook_lists_a_closed_case_due_and_marks_a_hold(personas, api_client) -> None:
    with time_machine.travel(T0, tick=False):
        planted = closed_case(personas, "Frumo")
    case = planted.case
    assert case is not None

    with time_machine.travel(ALMOST_DUE, tick=False):
        client = api_client(personas.privacy_officer_a)
        before = client.get(OUTLOOK)
        hold_place(
            membership=membership_of(personas.privacy_officer_a),
            data=HoldInput(
                reference=case.reference,
                kind="",
                reason="Een procedure die nog loopt.",
                starts_on=None,
                ends_on=(ALMOST_DUE + timedelta(days=200)).date(),
            ),
        )
        after = client.get(OUTLOOK, {"days": 90})
        police = api_client(_officer_elsewhere(personas)).get(OUTLOOK)

    assert before.status_code == 200
    kinds = {k["kind"]: k for k in before.json()["kinds"]}
    closed = kinds[RetentionKind.CLOSED_CASE]
    assert closed["total"] == 1
    assert closed["rows"] == [
        {
            "reference": case.reference,
            "organisation": "Gemeente Aldermeer",
            "due_on": "2031-01-12",
            "held": False,
        }
    ]
    assert before.json()["total"] >= 1
    held = {k["kind"]: k for k in after.json()["kinds"]}[RetentionKind.CLOSED_CASE]
    assert held["held"] == 1
    assert held["rows"][0]["held"] is True
    assert case.reference not in police.content.decode()
    text = before.content.decode().lower()
    assert not [value for value in planted.values if value.lower() in text]


@pytest.mark.parametrize("days", ["0", "367", "abc", "-5", "1.5"])
def test_an_unusable_outlook_period_is_a_validation_problem(personas, api_client, days) -> None:
    response = api_client(personas.privacy_officer_a).get(OUTLOOK, {"days": days})

    assert response.status_code == 400
    assert errors(response) == {"days": ["Kies een aantal dagen van 1 tot en met 366."]}


@pytest.mark.parametrize("persona", NOT_OFFICERS)
def test_officer_endpoints_are_not_found_for_others(personas, api_client, persona) -> None:
    hold = place(personas)
    client = api_client(getattr(personas, persona))

    for path in (OUTLOOK, HOLDS, DELETIONS, RUNS, url("legal-hold-detail", hold.pk)):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == PROBLEM
    assert post(client, HOLDS, hold_body(kind=RetentionKind.CLOSED_CASE)).status_code == 404
    assert post(client, url("legal-hold-lift", hold.pk)).status_code == 404
    assert LegalHold.objects.count() == 1


# Legal holds --------------------------------------------------------------------------------


def test_the_officer_places_a_hold_by_reference_and_lifts_it(personas, api_client) -> None:
    planted = closed_case(personas, "Glimbo")
    case = planted.case
    assert case is not None
    client = api_client(personas.privacy_officer_a)

    response = post(client, HOLDS, hold_body(reference=case.reference))

    assert response.status_code == 201, response.json()
    body = response.json()
    hold = LegalHold.objects.get()
    assert body["id"] == str(hold.pk)
    assert body["reference"] == hold.reference
    assert (body["scope"], body["kind"], body["status"]) == ("person", None, "active")
    assert body["reason"] == "Lopende procedure bij de rechtbank."
    assert body["starts_on"] == timezone.localdate().isoformat()
    assert hold.subject_id == case.subject_id

    listed = client.get(HOLDS).json()
    assert listed["count"] == 1
    assert "reason" not in listed["results"][0]
    detail = client.get(url("legal-hold-detail", hold.pk))
    assert detail.json()["reason"] == "Lopende procedure bij de rechtbank."
    text = (listed.__repr__() + detail.content.decode()).lower()
    assert case.reference.lower() not in text
    assert not [value for value in planted.values if value.lower() in text]

    lifted = post(client, url("legal-hold-lift", hold.pk))
    assert lifted.status_code == 200
    assert lifted.json()["status"] == "lifted"
    assert lifted.json()["lifted_at"] is not None
    again = post(client, url("legal-hold-lift", hold.pk))
    assert again.status_code == 409
    assert again.json()["type"] == "urn:schakel:problem:conflict"
    assert again.json()["detail"] == "Deze bewaarplicht is al beëindigd."


def test_another_organisations_officer_gets_404_for_the_hold(personas, api_client) -> None:
    hold = place(personas)
    police = api_client(personas.police_privacy_officer)

    assert police.get(url("legal-hold-detail", hold.pk)).status_code == 404
    assert post(police, url("legal-hold-lift", hold.pk)).status_code == 404
    assert police.get(HOLDS).json()["count"] == 0
    hold.refresh_from_db()
    assert hold.lifted_at is None


def test_a_reference_outside_the_organisation_is_not_found(personas, api_client) -> None:
    case = closed_case(personas, "Knarp").case
    assert case is not None
    officer_b = MembershipFactory(
        organisation=personas.municipality_b, role=Role.PRIVACY_OFFICER
    ).user

    response = post(api_client(officer_b), HOLDS, hold_body(reference=case.reference))

    assert response.status_code == 400
    assert errors(response) == {
        "reference": ["Geen casus of signaal met deze referentie gevonden."]
    }
    assert not LegalHold.objects.exists()


def test_a_hold_without_everything_is_a_validation_problem(personas, api_client) -> None:
    response = post(api_client(personas.privacy_officer_a), HOLDS, {})

    assert response.status_code == 400
    found = errors(response)
    assert found["reference"] == [
        "Vul een referentie van een casus of signaal in, of kies een soort gegevens."
    ]
    assert found["reason"] == ["Licht de reden van de bewaarplicht toe (minstens 10 tekens)."]
    assert found["ends_on"] == ["Vul de einddatum van de bewaarplicht in."]
    assert not LegalHold.objects.exists()


def test_a_hold_on_a_kind(personas, api_client) -> None:
    response = post(
        api_client(personas.privacy_officer_a),
        HOLDS,
        hold_body(kind=RetentionKind.PROCESSING_LOG),
    )

    assert response.status_code == 201
    assert (response.json()["scope"], response.json()["kind"]) == ("kind", "processing_log")


def test_placing_and_lifting_from_a_stale_web_session_needs_step_up(personas, signed_in) -> None:
    hold = place(personas)
    client = signed_in(personas.privacy_officer_a)

    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        placed = post(client, HOLDS, hold_body(kind=RetentionKind.CLOSED_CASE))
        lifted = post(client, url("legal-hold-lift", hold.pk))

    for response in (placed, lifted):
        assert response.status_code == 403
        assert response.json()["type"] == "urn:schakel:problem:step-up-required"
    assert LegalHold.objects.count() == 1
    hold.refresh_from_db()
    assert hold.lifted_at is None
    assert post(client, url("legal-hold-lift", hold.pk)).status_code == 200


def test_the_hold_list_reads_a_fixed_number_of_queries(
    personas, api_client, django_assert_max_num_queries
) -> None:
    for kind in (
        RetentionKind.ONLINE_RESEARCH,
        RetentionKind.CLOSED_CASE,
        RetentionKind.PROCESSING_LOG,
    ):
        place(personas, kind=kind)
    client = api_client(personas.privacy_officer_a)
    client.get(HOLDS)

    with django_assert_max_num_queries(12):
        response = client.get(HOLDS)
    assert response.json()["count"] == 3


# The deletion register and the runs ---------------------------------------------------------


def test_the_register_and_the_runs_after_a_sweep(personas, api_client) -> None:
    with time_machine.travel(T0, tick=False):
        planted = closed_case(personas, "Wixel")
    with time_machine.travel(LATER, tick=False):
        run = engine.sweep()
        client = api_client(personas.privacy_officer_a)
        register = client.get(DELETIONS, {"run": str(run.pk), "pageSize": 200})
        runs = client.get(RUNS)

    assert register.status_code == 200
    kinds = {row["object_kind"]: row for row in register.json()["results"]}
    assert kinds["case_content"]["count"] == 1
    assert kinds["case_content"]["object_kind_label"] == "Inhoud van casussen"
    assert kinds["case_content"]["policy"] == RetentionKind.CLOSED_CASE
    assert kinds["case_content"]["policy_label"] == "Afgesloten casussen"
    assert kinds["case_content"]["run"] == str(run.pk)
    body = runs.json()
    assert body["count"] == 1
    assert body["results"][0]["status"] == "finished"
    closed = next(k for k in body["results"][0]["kinds"] if k["kind"] == "closed_case")
    assert (closed["due"], closed["done"], closed["deleted"], closed["finished"]) == (1, 1, 1, True)
    text = (register.content + runs.content).decode().lower()
    assert not [value for value in planted.values if value.lower() in text]


def test_the_register_filters_and_pages(
    personas, api_client, django_assert_max_num_queries
) -> None:
    run_id = engine.sweep().pk
    now = timezone.now()
    DeletionRecord.objects.bulk_create(
        DeletionRecord(
            object_kind="log_record",
            count=n + 1,
            policy=RetentionKind.PROCESSING_LOG,
            run_id=run_id,
            deleted_at=now - timedelta(minutes=n),
        )
        for n in range(60)
    )
    client = api_client(personas.privacy_officer_a)
    client.get(DELETIONS)

    with django_assert_max_num_queries(12):
        first = client.get(DELETIONS)
    with django_assert_max_num_queries(12):
        client.get(RUNS)

    assert first.json()["count"] == 60
    assert len(first.json()["results"]) == 50
    assert first.json()["results"][0]["count"] == 1  # newest first
    assert client.get(DELETIONS, {"page": 2}).json()["results"][-1]["count"] == 60
    assert client.get(DELETIONS, {"policy": "closed_case"}).json()["count"] == 0
    assert client.get(DELETIONS, {"run": "not-a-uuid"}).status_code == 400


def _officer_elsewhere(personas):  # type: ignore[no-untyped-def]
    """A privacy officer of a municipality that took no part in the test's cases."""
    from schakel.accounts.choices import Role
    from schakel.accounts.tests.factories import MembershipFactory

    return MembershipFactory(
        organisation=personas.municipality_other_region, role=Role.PRIVACY_OFFICER
    ).user
