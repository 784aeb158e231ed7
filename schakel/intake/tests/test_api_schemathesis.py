"""Property-based tests of the meldpunt operations against the OpenAPI document, with real data.

The general run in ``schakel/api/tests/test_schemathesis.py`` mostly meets unknown ids (404).
Here the ids are of an existing signal, suggestion and research entry, so the 200 answers with
person data, explanations and nullable fields are checked against their schemas too.
"""

from typing import Any

import pytest
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from schakel.api.tests.schema_helpers import bounded, excluded_checks, headers_for
from schakel.intake.online_services import ResearchPlan, online_research_start
from schakel.intake.tests.factories import VALID_BSN, membership_of, register

BOUNDED = bounded(25)


@pytest.fixture
def data(personas: Any) -> dict[str, str]:
    register(personas.police_member, residence=personas.municipality_a, bsn=VALID_BSN)
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
        related_persons=(),
    )
    [suggestion] = second.suggestions
    entry = online_research_start(
        membership=membership_of(personas.lead_a),
        plan=ResearchPlan(
            purpose="Doel",
            occasion="Aanleiding",
            legal_basis="public_order",
            public_order_interest="Belang",
            subsidiarity="Afweging",
            confirms_no_fictitious_profile=True,
            confirms_no_closed_groups=True,
            confirms_no_systematic_following=True,
            signal=second.signal,
        ),
    )
    return {
        "/signals/{id}": str(second.signal.pk),
        "/match-suggestions/{id}": str(suggestion.pk),
        "/match-suggestions/{id}/decision": str(suggestion.pk),
        "/online-research/{id}": str(entry.pk),
        "/online-research/{id}/completion": str(entry.pk),
    }


@pytest.fixture
def lead_a(personas: Any) -> dict[str, dict[str, str]]:
    auth, membership = headers_for(personas.lead_a)
    return {"auth": auth, "membership": membership}


@pytest.mark.parametrize(
    "path",
    [
        "/signals/{id}",
        "/match-suggestions/{id}",
        "/match-suggestions/{id}/decision",
        "/online-research/{id}",
        "/online-research/{id}/completion",
    ],
)
def test_operations_on_existing_objects_conform(api_schema, data, lead_a, path) -> None:
    operations = api_schema.include(path=path)
    statuses: set[int] = set()

    @BOUNDED
    @given(
        case=operations.as_strategy(
            headers=lead_a["membership"], path_parameters={"id": data[path]}
        )
    )
    def check(case: Any) -> None:
        response = case.call_and_validate(
            headers=lead_a["auth"], excluded_checks=excluded_checks(case)
        )
        statuses.add(response.status_code)

    check()
    assert statuses & {200, 409}, statuses


def test_lists_and_writes_conform(api_schema, data, lead_a) -> None:
    operations = api_schema.include(path_regex=r"^/(signals|match-suggestions|online-research)$")
    statuses: set[tuple[str, str, int]] = set()

    # One bounded run per operation: a run over all of them together would spread its examples
    # over every operation in the document and might never reach a list.
    for operation in operations.get_all_operations():
        operation = operation.ok()

        @BOUNDED
        @given(case=operation.as_strategy(headers=lead_a["membership"]))
        def check(case: Any) -> None:
            response = case.call_and_validate(
                headers=lead_a["auth"], excluded_checks=excluded_checks(case)
            )
            statuses.add((case.operation.method.upper(), case.operation.path, response.status_code))

        check()

    assert ("GET", "/signals", 200) in statuses
    assert ("GET", "/match-suggestions", 200) in statuses


def test_invalid_requests_never_cause_a_server_error(api_schema, data, lead_a) -> None:
    operations = api_schema.include(path_regex=r"^/(signals|match-suggestions|online-research)")

    @BOUNDED
    @given(case=operations.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    def check(case: Any) -> None:
        case.call_and_validate(headers=lead_a["auth"], checks=[not_a_server_error])

    check()
