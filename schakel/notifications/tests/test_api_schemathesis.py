"""Property-based tests of ``/notification-preferences`` against the OpenAPI document: valid
requests get documented answers, invalid ones never a server error."""

from typing import Any

import pytest
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from schakel.api.tests.schema_helpers import bounded, excluded_checks, headers_for

BOUNDED = bounded(25)
PATH = "/notification-preferences"


@pytest.fixture
def lead_a(personas: Any) -> dict[str, dict[str, str]]:
    auth, membership = headers_for(personas.lead_a)
    return {"auth": auth, "membership": membership}


def test_valid_requests_conform(api_schema, lead_a) -> None:
    statuses: set[tuple[str, int]] = set()
    for operation in api_schema.include(path=PATH).get_all_operations():
        operation = operation.ok()

        @BOUNDED
        @given(case=operation.as_strategy(headers=lead_a["membership"]))
        def check(case: Any) -> None:
            response = case.call_and_validate(
                headers=lead_a["auth"], excluded_checks=excluded_checks(case)
            )
            statuses.add((case.operation.method.upper(), response.status_code))

        check()
    assert {("GET", 200), ("PUT", 200)} <= statuses


def test_invalid_requests_never_cause_a_server_error(api_schema, lead_a) -> None:
    @BOUNDED
    @given(case=api_schema.include(path=PATH).as_strategy(generation_mode=GenerationMode.NEGATIVE))
    def check(case: Any) -> None:
        case.call_and_validate(headers=lead_a["auth"], checks=[not_a_server_error])

    check()
