"""Property-based tests of the network-events API against its own OpenAPI document: generated
requests by the coordinator never cause a server error and valid reads get documented answers;
invalid requests never cause a server error either."""

from typing import Any

import pytest
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from schakel.api.tests.schema_helpers import bounded, headers_for
from schakel.network_events.tests.helpers import world

pytestmark = pytest.mark.django_db

# Only this app's endpoints (not /network-meetings of the regional meetings).
PATHS = r"^/network-(events|learning-points|follow-ups)"
BOUNDED = bounded(15)


def _ids(w: Any, path: str) -> dict[str, str] | None:
    if "{id}" not in path:
        return None
    if path.startswith("/network-follow-ups"):
        return {"id": str(w.follow_up.pk)}
    return {
        "id": str(w.held.pk if "learning-points" in path or "follow-ups" in path else w.planned.pk)
    }


def test_valid_requests_conform_to_the_schema(personas, network, api_schema) -> None:
    w = world(personas, network)
    auth, membership = headers_for(network.coordinator)
    statuses: set[tuple[str, str, int]] = set()
    for operation in api_schema.include(path_regex=PATHS).get_all_operations():
        operation = operation.ok()

        @BOUNDED
        @given(
            case=operation.as_strategy(headers=membership, path_parameters=_ids(w, operation.path))
        )
        def check(case: Any) -> None:
            # Writes depend on stored data (ids of members) and on the event's state.
            excluded = [positive_data_acceptance] if case.method.upper() != "GET" else []
            response = case.call_and_validate(headers=auth, excluded_checks=excluded)
            statuses.add((case.method.upper(), case.operation.path, response.status_code))

        check()
    assert not {s for s in statuses if s[2] >= 500}
    assert ("GET", "/network-events/{id}", 200) in statuses
    assert ("GET", "/network-learning-points", 200) in statuses


def test_invalid_requests_never_cause_a_server_error(personas, network, api_schema) -> None:
    w = world(personas, network)
    auth, _membership = headers_for(network.coordinator)
    for operation in api_schema.include(path_regex=PATHS).get_all_operations():
        operation = operation.ok()

        @BOUNDED
        @given(
            case=operation.as_strategy(
                generation_mode=GenerationMode.NEGATIVE, path_parameters=_ids(w, operation.path)
            )
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=auth, checks=[not_a_server_error])

        check()
