"""The case API against its OpenAPI document, with real data: every operation conforms, and
no invalid request causes a server error."""

from typing import Any

import pytest
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from schakel.api.tests.schema_helpers import bounded, headers_for
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.tests.factories import first_draft, on_agenda, open_case, planned_intervention
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


# --- the OpenAPI document, with real data ------------------------------------------------------

BOUNDED = bounded(10)
PATHS = (
    r"^/(weighing-|cases|participations|meetings|agenda-items|disclosures|"
    r"interventions|legal-bases)"
)


@pytest.fixture
def world(personas) -> dict[str, str]:
    """A case on an agenda (acknowledged by the director), with a draft plan and intervention."""
    from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
    from schakel.cases.tests.factories import weighed_signal
    from schakel.legal.models import LegalBasis

    case = open_case(personas)
    item = on_agenda(personas, case)
    director = membership_of(personas.director)
    meeting_acknowledge(membership=director, meeting=item.meeting)
    first_draft(director, case, goals="Doel", housing="Woont bij ouders.")
    intervention = planned_intervention(
        director, case, kind="care", owner=personas.zvh, description="Gesprekken"
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
        "/cases": "case",
        "/participations": "participation",
        "/meetings": "meeting",
        "/agenda-items": "item",
        "/disclosures": "disclosure",
        "/interventions": "intervention",
        "/weighing-sessions": "session",
        "/weighing-items": "weighing_item",
        "/legal-bases": "legal_basis",
    }
    kind = next(value for prefix, value in kinds.items() if path.startswith(prefix))
    parameters = {"id": world[kind]}
    if "{number}" in path:
        parameters["number"] = world["number"]
    return parameters


@pytest.mark.parametrize("persona", ["director", "police_member"])
def test_operations_on_existing_objects_conform_to_the_schema(
    personas, api_schema, world, persona
) -> None:
    auth, membership = headers_for(getattr(personas, persona))
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
        assert ("GET", "/cases/{id}", 200) in statuses
        assert ("GET", "/agenda-items/{id}", 200) in statuses
        assert ("GET", "/cases/{id}/plan/versions/{number}", 200) in statuses


def test_lists_and_writes_conform_to_the_schema(personas, api_schema, world) -> None:
    auth, membership = headers_for(personas.director)
    operations = api_schema.include(path_regex=PATHS + r"[^{]*$")
    statuses: set[tuple[str, str, int]] = set()

    @BOUNDED
    @given(case=operations.as_strategy(headers=membership))
    def check(case: Any) -> None:
        response = case.call_and_validate(headers=auth, excluded_checks=excluded(case))
        statuses.add((case.operation.method.upper(), case.operation.path, response.status_code))

    check()
    assert not {s for s in statuses if s[2] >= 500}


def test_invalid_requests_never_cause_a_server_error(personas, api_schema, world) -> None:
    auth, _membership = headers_for(personas.director)
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
