"""The case API: list and detail scoped like the UI, participations, informing, reviews,
reassessment, monitoring, de-escalation and closure; and the OpenAPI document with real data."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
import time_machine
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from schakel.api.authentication import MEMBERSHIP_HEADER
from schakel.api.tests import conftest as api_fixtures
from schakel.audit.models import LogRecord
from schakel.cases.choices import CasePhase, ClosureReason, InformingStatus
from schakel.cases.meeting_services import meeting_acknowledge
from schakel.cases.models import Case, Participation
from schakel.cases.plan_services import InterventionInput, intervention_add
from schakel.cases.services import case_close
from schakel.cases.tests.factories import invite, on_agenda, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

# The API tests' token fixtures (a client per persona), shared with this module.
api_client = api_fixtures.api_client
token_for = api_fixtures.token_for

PROBLEM = "application/problem+json"
OUTSIDERS = [
    "lead_b",
    "outsider",
    "director_other",
    "school_member",
    "privacy_officer_a",
    "admin_a",
]
FULL_ACCESS = ["lead_a", "colleague_a", "director", "police_member", "om_member"]
PERSON_WORDS = ("Daan", "Hoogeveld", "2004-03-17")


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def messages(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def assert_not_found(response: Any) -> None:
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == "urn:schakel:problem:not-found"


def assert_conflict(response: Any) -> None:
    assert response.status_code == 409, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == "urn:schakel:problem:conflict"


@pytest.fixture
def case(personas) -> Case:
    return open_case(personas)


def later(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


# --- list and detail ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", FULL_ACCESS)
def test_the_case_list_is_metadata_for_whoever_sees_the_case(
    personas, api_client, case, persona
) -> None:
    response = api_client(getattr(personas, persona)).get(url("case-list"))

    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row == {
        "id": str(case.pk),
        "reference": case.reference,
        "phase": "consultation",
        "opened_at": row["opened_at"],
        "next_review_on": None,
        "reassessment_due_on": case.reassessment_due_on.isoformat(),
        "closed_at": None,
        "directing_municipality": {
            "id": str(personas.municipality_a.pk),
            "name": "Gemeente Aldermeer",
        },
        "zvh": {"id": str(personas.zvh.pk), "name": "ZVH Noordkaap"},
    }
    for word in PERSON_WORDS:
        assert word not in response.content.decode()
    assert not LogRecord.objects.filter(name="case_read").exists()


@pytest.mark.parametrize("persona", [*OUTSIDERS, "ggz_member", "superuser"])
def test_others_see_no_case_and_get_404_for_everything_about_it(
    personas, api_client, case, persona
) -> None:
    client = api_client(getattr(personas, persona))
    participation = case.participations.first()

    assert client.get(url("case-list")).json()["count"] == 0
    assert_not_found(client.get(url("case-detail", case.pk)))
    assert_not_found(client.get(url("case-participations", case.pk)))
    assert_not_found(
        post(
            client,
            url("case-participations", case.pk),
            {"organisation": str(personas.ggz.pk), "kind": "structural"},
        )
    )
    assert_not_found(
        post(client, url("participation-end", participation.pk), {"ends_on": later(1)})
    )
    assert_not_found(post(client, url("case-informing", case.pk), {"status": "undecided"}))
    assert_not_found(post(client, url("case-reassessment", case.pk), {"next_due_on": later(30)}))
    assert_not_found(post(client, url("case-review", case.pk), {"next_review_on": None}))
    assert_not_found(post(client, url("case-monitoring", case.pk)))
    assert_not_found(
        post(
            client,
            url("case-deescalation", case.pk),
            {"destination": "none", "aftercare_until": later(30)},
        )
    )
    assert_not_found(post(client, url("case-closure", case.pk), {"reason": "goals_reached"}))
    case.refresh_from_db()
    assert case.phase == CasePhase.CONSULTATION
    assert not LogRecord.objects.filter(name="case_read").exists()


def test_the_case_detail_holds_the_person_and_logs_the_read(personas, api_client, case) -> None:
    response = api_client(personas.police_member).get(url("case-detail", case.pk))

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["person"]["given_names"] == "Daan Pieter"
    assert data["person"]["surname"] == "Hoogeveld"
    assert data["person"]["date_of_birth"] == "2004-03-17"
    assert data["process_director"].endswith(f"– ZVH Noordkaap ({personas.zvh.mailbox})")
    assert personas.director.full_name not in response.content.decode()
    assert {(p["organisation"]["name"], p["kind"]) for p in data["participations"]} == {
        ("Politie-eenheid Noordkaap", "structural"),
        ("OM Arrondissement Noordkaap", "structural"),
    }
    assert data["informing_status"] == "undecided"
    assert data["plan_versions"] == []
    assert data["interventions"] == []
    assert data["may_manage"] is False
    record = LogRecord.objects.get(name="case_read")
    assert record.activity_id == "case_consultation"


def test_the_directing_lead_may_manage(personas, api_client, case) -> None:
    data = api_client(personas.lead_a).get(url("case-detail", case.pk)).json()

    assert data["may_manage"] is True
    assert data["may_edit_plan"] is True


def test_an_incidental_partner_sees_the_item_but_never_the_case(personas, api_client, case) -> None:
    item = on_agenda(personas, case)
    invite(personas, item, personas.ggz)
    meeting_acknowledge(membership=membership_of(personas.ggz_member), meeting=item.meeting)
    client = api_client(personas.ggz_member)

    assert client.get(url("agenda-item-detail", item.pk)).status_code == 200
    assert_not_found(client.get(url("case-detail", case.pk)))
    assert client.get(url("case-list")).json()["count"] == 0


def test_a_closed_case_is_gone_for_partners_but_not_for_the_lead(
    personas, api_client, case
) -> None:
    case_close(
        membership=membership_of(personas.lead_a), case=case, reason=ClosureReason.GOALS_REACHED
    )

    assert_not_found(api_client(personas.police_member).get(url("case-detail", case.pk)))
    assert api_client(personas.lead_a).get(url("case-detail", case.pk)).status_code == 200


def test_list_filters_on_phase_and_orders_strictly(personas, api_client, case) -> None:
    other = open_case(personas, given_names="Ilse", surname="Brandsma")
    case_close(
        membership=membership_of(personas.lead_a), case=other, reason=ClosureReason.GOALS_REACHED
    )
    client = api_client(personas.lead_a)

    closed = client.get(url("case-list"), {"phase": "closed"}).json()["results"]
    assert [row["id"] for row in closed] == [str(other.pk)]
    ordered = client.get(url("case-list"), {"ordering": "opened_at"}).json()["results"]
    assert [row["id"] for row in ordered] == [str(case.pk), str(other.pk)]
    assert client.get(url("case-list"), {"phase": "open"}).status_code == 400
    response = client.get(url("case-list"), {"ordering": "subject"})
    assert response.status_code == 400
    assert set(messages(response)) == {"ordering"}


def test_case_list_query_count_does_not_grow(
    personas, api_client, django_assert_max_num_queries
) -> None:
    for name in ("Anna", "Bram", "Cato", "Daan", "Eva"):
        open_case(personas, given_names=name, surname=f"{name}sen")
    client = api_client(personas.director)
    client.get(url("case-list"))

    with django_assert_max_num_queries(12):
        response = client.get(url("case-list"))

    assert response.json()["count"] == 5


def test_case_detail_query_count_does_not_grow_with_interventions(
    personas, api_client, case, django_assert_max_num_queries
) -> None:
    director = membership_of(personas.director)
    for days in range(5):
        intervention_add(
            membership=director,
            case=case,
            data=InterventionInput(
                kind="care",
                owner=personas.police,
                description="Gesprekken",
                starts_on=timezone.localdate(),
                due_on=timezone.localdate() + timedelta(days=days),
            ),
        )
    client = api_client(personas.director)
    client.get(url("case-detail", case.pk))

    with django_assert_max_num_queries(30):
        response = client.get(url("case-detail", case.pk))

    assert len(response.json()["interventions"]) == 5


# --- participations ----------------------------------------------------------------------------


def test_participations_are_listed_and_added_by_the_zvh(personas, api_client, case) -> None:
    client = api_client(personas.director)

    response = post(
        client,
        url("case-participations", case.pk),
        {"organisation": str(personas.school.pk), "kind": "structural"},
    )

    assert response.status_code == 201, response.content
    assert response.json()["organisation"]["name"] == "Scholengroep Noordkaap"
    assert response.json()["starts_on"] == timezone.localdate().isoformat()
    listed = client.get(url("case-participations", case.pk)).json()
    assert listed["count"] == 3
    # The school's members now see the case (structural participation).
    assert api_client(personas.school_member).get(url("case-detail", case.pk)).status_code == 200


def test_an_incidental_participation_needs_an_end_date(personas, api_client, case) -> None:
    response = post(
        api_client(personas.lead_a),
        url("case-participations", case.pk),
        {"organisation": str(personas.ggz.pk), "kind": "incidental"},
    )

    assert response.status_code == 400
    assert messages(response) == {"ends_on": ["Een incidentele deelname heeft een einddatum."]}
    assert case.participations.count() == 2


def test_an_organisation_outside_the_directory_reads_like_an_unknown_one(
    personas, api_client, case
) -> None:
    client = api_client(personas.lead_a)
    for value in (str(personas.zvh_other.pk), "00000000-0000-0000-0000-000000000000"):
        response = post(
            client,
            url("case-participations", case.pk),
            {"organisation": value, "kind": "structural"},
        )
        assert messages(response) == {"organisation": ["Kies een organisatie uit de partnergids."]}


def test_structural_partners_see_participations_but_may_not_add(personas, api_client, case) -> None:
    client = api_client(personas.police_member)

    assert client.get(url("case-participations", case.pk)).status_code == 200
    assert_not_found(
        post(client, url("case-participations", case.pk), {"organisation": "x", "kind": "y"})
    )


def test_ending_a_participation_ends_the_partners_access(personas, api_client, case) -> None:
    police = case.participations.get(organisation=personas.police)
    today = timezone.localdate().isoformat()
    partner = api_client(personas.police_member)

    response = post(
        api_client(personas.director), url("participation-end", police.pk), {"ends_on": today}
    )

    assert response.status_code == 200, response.content
    assert response.json()["ends_on"] == today
    assert partner.get(url("case-detail", case.pk)).status_code == 200  # still today
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert_not_found(partner.get(url("case-detail", case.pk)))


def test_a_participation_cannot_end_before_it_starts(personas, api_client, case) -> None:
    police = case.participations.get(organisation=personas.police)

    response = post(
        api_client(personas.director),
        url("participation-end", police.pk),
        {"ends_on": "2000-01-01"},
    )

    assert messages(response) == {"ends_on": ["De einddatum ligt vóór de begindatum."]}


# --- informing, review, reassessment, phases ---------------------------------------------------


def test_informing_deferred_needs_a_reason_and_a_date(personas, api_client, case) -> None:
    client = api_client(personas.lead_a)

    response = post(client, url("case-informing", case.pk), {"status": "deferred"})
    assert response.status_code == 400
    assert messages(response) == {
        "note": ["Licht toe waarom het informeren wordt uitgesteld."],
        "reconsider_on": ["Vul in wanneer het uitstel wordt heroverwogen."],
    }

    response = post(
        client,
        url("case-informing", case.pk),
        {
            "status": "deferred",
            "note": "Lopend strafrechtelijk onderzoek.",
            "reconsider_on": later(60),
        },
    )
    assert response.status_code == 200, response.content
    assert response.json()["informing_status"] == "deferred"
    assert response.json()["reconsider_informing_on"] == later(60)
    assert "Lopend" not in response.content.decode()  # the answer holds no free text
    case.refresh_from_db()
    assert case.informing_status == InformingStatus.DEFERRED


def test_informed_records_when_and_by_whom(personas, api_client, case) -> None:
    response = post(
        api_client(personas.director),
        url("case-informing", case.pk),
        {
            "status": "informed",
            "informed_on": timezone.localdate().isoformat(),
            "informed_by": str(personas.municipality_a.pk),
        },
    )

    assert response.status_code == 200, response.content
    assert response.json()["informed_by"]["name"] == "Gemeente Aldermeer"


def test_review_and_reassessment_dates(personas, api_client, case) -> None:
    client = api_client(personas.lead_a)

    review = post(client, url("case-review", case.pk), {"next_review_on": later(14)})
    assert review.status_code == 200
    assert review.json()["next_review_on"] == later(14)

    too_far = post(client, url("case-reassessment", case.pk), {"next_due_on": later(400)})
    assert messages(too_far) == {"next_due_on": ["Kies een datum na vandaag en binnen een jaar."]}
    ok = post(client, url("case-reassessment", case.pk), {"next_due_on": later(200)})
    assert ok.status_code == 200
    assert ok.json()["reassessment_due_on"] == later(200)
    assert ok.json()["last_reassessed_on"] == timezone.localdate().isoformat()


def test_missing_fields_are_named_in_dutch(personas, api_client, case) -> None:
    response = post(api_client(personas.lead_a), url("case-deescalation", case.pk), {})

    assert response.status_code == 400
    assert messages(response) == {
        "destination": ["Dit veld is vereist."],
        "aftercare_until": ["Dit veld is vereist."],
    }


def test_monitoring_then_deescalation_then_closure(personas, api_client, case) -> None:
    client = api_client(personas.director)

    monitoring = post(client, url("case-monitoring", case.pk))
    assert monitoring.status_code == 200
    assert monitoring.json()["phase"] == "monitoring"
    assert_conflict(post(client, url("case-monitoring", case.pk)))

    response = post(
        client,
        url("case-deescalation", case.pk),
        {"destination": "neighbourhood_team", "aftercare_until": later(90)},
    )
    assert response.status_code == 200
    assert response.json()["phase"] == "aftercare"
    assert response.json()["deescalation_destination"] == "neighbourhood_team"
    assert_conflict(
        post(
            client,
            url("case-deescalation", case.pk),
            {"destination": "none", "aftercare_until": later(90)},
        )
    )

    other = post(client, url("case-closure", case.pk), {"reason": "other"})
    assert messages(other) == {"note": ["Licht de reden van afsluiting toe."]}
    closed = post(client, url("case-closure", case.pk), {"reason": "goals_reached"})
    assert closed.status_code == 200
    assert closed.json()["phase"] == "closed"
    assert closed.json()["retention_starts_on"] == timezone.localdate().isoformat()
    assert not Participation.objects.filter(case=case, ends_on__isnull=True).exists()

    again = post(client, url("case-closure", case.pk), {"reason": "goals_reached"})
    assert_conflict(again)
    assert "afgesloten" in again.json()["detail"]
    assert_conflict(post(client, url("case-review", case.pk), {"next_review_on": None}))


def test_partners_at_the_table_may_not_change_the_case(personas, api_client, case) -> None:
    client = api_client(personas.police_member)

    assert_not_found(post(client, url("case-closure", case.pk), {"reason": "goals_reached"}))
    assert_not_found(post(client, url("case-closure", case.pk), {}))
    assert_not_found(post(client, url("case-monitoring", case.pk)))


# --- the OpenAPI document, with real data ------------------------------------------------------

BOUNDED = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
PATHS = (
    r"^/api/v1/(weighing-|cases|participations|meetings|agenda-items|disclosures|"
    r"interventions|legal-bases)"
)


@pytest.fixture
def api_schema(db: None) -> Iterator[Any]:
    """The schema, calling into Django's WSGI application (connection kept across requests)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def world(personas) -> dict[str, str]:
    """A case on an agenda (acknowledged by the director), with a draft plan and intervention."""
    from schakel.cases.plan_services import PlanInput, plan_update
    from schakel.cases.tests.factories import weighed_signal
    from schakel.privacy.models import LegalBasis
    from schakel.privacy.services import DisclosureInput, disclosure_record

    case = open_case(personas)
    item = on_agenda(personas, case)
    director = membership_of(personas.director)
    meeting_acknowledge(membership=director, meeting=item.meeting)
    plan_update(
        membership=director,
        case=case,
        data=PlanInput(
            analysis={"housing": "Woont bij ouders."},
            goals="Doel",
            based_on_version=None,
            based_on_revision=None,
        ),
    )
    intervention = intervention_add(
        membership=director,
        case=case,
        data=InterventionInput(
            kind="care",
            owner=personas.zvh,
            description="Gesprekken",
            starts_on=timezone.localdate(),
            due_on=timezone.localdate() + timedelta(days=30),
        ),
    )
    disclosure = disclosure_record(
        membership=director,
        item=item,
        data=DisclosureInput(
            content="Informatie",
            categories=["ordinary"],
            legal_basis=LegalBasis.objects.filter(is_active=True).first(),
            purpose="Doel",
            necessity_note="Noodzakelijk",
            recipients=[personas.police],
        ),
    )
    weighed = weighed_signal(personas, given_names="Ilse", surname="Brandsma")
    return {
        "case": str(case.pk),
        "item": str(item.pk),
        "meeting": str(item.meeting_id),
        "intervention": str(intervention.pk),
        "disclosure": str(disclosure.pk),
        "participation": str(case.participations.first().pk),  # type: ignore[union-attr]
        "session": str(weighed.session.pk),
        "weighing_item": str(weighed.item.pk),
        "legal_basis": str(LegalBasis.objects.get(code="wet-pga").pk),
        "number": "1",
    }


# Writes whose acceptance depends on stored ids or on rules a schema cannot express.
STATEFUL = {"POST", "PUT", "PATCH"}


def excluded(case: Any) -> list[Any]:
    return [positive_data_acceptance] if case.operation.method.upper() in STATEFUL else []


def path_parameters(world: dict[str, str], path: str) -> dict[str, str]:
    kinds = {
        "/api/v1/cases/": "case",
        "/api/v1/participations/": "participation",
        "/api/v1/meetings/": "meeting",
        "/api/v1/agenda-items/": "item",
        "/api/v1/disclosures/": "disclosure",
        "/api/v1/interventions/": "intervention",
        "/api/v1/weighing-sessions/": "session",
        "/api/v1/weighing-items/": "weighing_item",
        "/api/v1/legal-bases/": "legal_basis",
    }
    kind = next(value for prefix, value in kinds.items() if path.startswith(prefix))
    parameters = {"id": world[kind]}
    if "{number}" in path:
        parameters["number"] = world["number"]
    return parameters


@pytest.mark.parametrize("persona", ["director", "police_member"])
def test_operations_on_existing_objects_conform_to_the_schema(
    personas, api_schema, world, token_for, persona
) -> None:
    user = getattr(personas, persona)
    auth = {"Authorization": f"Bearer {token_for(user)}"}
    membership = {MEMBERSHIP_HEADER: str(membership_of(user).pk)}
    operations = api_schema.include(path_regex=PATHS + r".*\{id\}")
    statuses: set[tuple[str, str, int]] = set()

    for operation in operations.get_all_operations():
        operation = operation.ok()
        params = path_parameters(world, operation.path)

        @BOUNDED
        @given(case=operation.as_strategy(headers=membership, path_parameters=params))
        def check(case: Any) -> None:
            response = case.call_and_validate(headers=auth, excluded_checks=excluded(case))
            statuses.add((case.operation.method.upper(), case.operation.path, response.status_code))

        check()

    assert not {s for s in statuses if s[2] >= 500}
    if persona == "director":
        assert ("GET", "/api/v1/cases/{id}/", 200) in statuses
        assert ("GET", "/api/v1/agenda-items/{id}/", 200) in statuses
        assert ("GET", "/api/v1/cases/{id}/plan/versions/{number}/", 200) in statuses


def test_lists_and_writes_conform_to_the_schema(personas, api_schema, world, token_for) -> None:
    auth = {"Authorization": f"Bearer {token_for(personas.director)}"}
    membership = {MEMBERSHIP_HEADER: str(membership_of(personas.director).pk)}
    operations = api_schema.include(path_regex=PATHS + r"[^{]*$")
    statuses: set[tuple[str, str, int]] = set()

    @BOUNDED
    @given(case=operations.as_strategy(headers=membership))
    def check(case: Any) -> None:
        response = case.call_and_validate(headers=auth, excluded_checks=excluded(case))
        statuses.add((case.operation.method.upper(), case.operation.path, response.status_code))

    check()
    assert not {s for s in statuses if s[2] >= 500}


def test_invalid_requests_never_cause_a_server_error(
    personas, api_schema, world, token_for
) -> None:
    auth = {"Authorization": f"Bearer {token_for(personas.director)}"}
    operations = api_schema.include(path_regex=PATHS)

    for operation in operations.get_all_operations():
        operation = operation.ok()
        params = path_parameters(world, operation.path) if "{id}" in operation.path else {}

        @BOUNDED
        @given(
            case=operation.as_strategy(
                generation_mode=GenerationMode.NEGATIVE, path_parameters=params or None
            )
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=auth, checks=[not_a_server_error])

        check()
