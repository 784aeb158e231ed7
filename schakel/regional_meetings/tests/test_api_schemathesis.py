"""Property-based tests of the meetings API against the OpenAPI document: whatever a client
sends, the coordinator never gets a server error."""

from typing import Any

from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from schakel.api.tests.conftest import api_schema  # noqa: F401 (fixture)
from schakel.api.tests.schema_helpers import bounded, headers_for

BOUNDED = bounded(30)
PATHS = r"^/(network-|working-groups)"


def test_invalid_requests_never_cause_a_server_error(api_schema, network, world) -> None:  # noqa: F811
    auth, _membership = headers_for(network.coordinator)
    operations = list(api_schema.include(path_regex=PATHS).get_all_operations())
    assert len(operations) >= 20

    @BOUNDED
    @given(
        case=api_schema.include(path_regex=PATHS).as_strategy(
            generation_mode=GenerationMode.NEGATIVE
        )
    )
    def check(case: Any) -> None:
        case.call_and_validate(headers=auth, checks=[not_a_server_error])

    check()


def test_valid_requests_never_cause_a_server_error(api_schema, network, world) -> None:  # noqa: F811
    auth, _membership = headers_for(network.coordinator)

    @BOUNDED
    @given(case=api_schema.include(path_regex=PATHS).as_strategy())
    def check(case: Any) -> None:
        case.call_and_validate(headers=auth, checks=[not_a_server_error])

    check()
