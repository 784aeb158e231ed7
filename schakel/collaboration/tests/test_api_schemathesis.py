"""Property-based tests of the collaboration API against the OpenAPI document: reads of the
partnership get documented answers, invalid requests (also to the writes) never a server error."""

from typing import Any

from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from schakel.api.tests.schema_helpers import bounded, headers_for

BOUNDED = bounded(15)
PATHS = r"^/(collaborations|policy-goals)(/|$)"


def test_reads_conform_to_the_schema(api_schema, network, world) -> None:
    auth, membership = headers_for(network.coordinator)
    statuses: set[tuple[str, int]] = set()
    reads = api_schema.include(path_regex=PATHS, method="GET")
    for operation in reads.get_all_operations():
        operation = operation.ok()
        known = {"id": str(network.partnership.pk)} if "{id}" in operation.path else {}

        @BOUNDED
        @given(case=operation.as_strategy(headers=membership, path_parameters=known))
        def check(case: Any) -> None:
            response = case.call_and_validate(headers=auth)
            statuses.add((case.operation.path, response.status_code))

        check()
    assert {
        ("/collaborations", 200),
        ("/collaborations/{id}", 200),
        ("/collaborations/{id}/roles", 200),
        ("/collaborations/{id}/policy-plan", 200),
    } <= statuses


def test_invalid_requests_never_cause_a_server_error(api_schema, network, world) -> None:
    auth, _membership = headers_for(network.coordinator)

    @BOUNDED
    @given(
        case=api_schema.include(path_regex=PATHS).as_strategy(
            generation_mode=GenerationMode.NEGATIVE
        )
    )
    def check(case: Any) -> None:
        case.call_and_validate(headers=auth, checks=[not_a_server_error])

    check()
