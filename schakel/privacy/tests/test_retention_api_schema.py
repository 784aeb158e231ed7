"""Property-based tests of the retention API against its own OpenAPI document: generated
requests by a functional admin and a privacy officer never cause a server error, and valid
requests get documented answers."""

from typing import Any

import pytest
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from schakel.api.tests.schema_helpers import bounded, headers_for
from schakel.legal.choices import RetentionKind
from schakel.privacy.retention import engine
from schakel.privacy.tests.retention_api_helpers import place

pytestmark = pytest.mark.django_db

PATHS = r"^/(retention-policies|retention/|legal-holds|deletion-records|retention-runs)"
BOUNDED = bounded(20)


def parameters(path: str, hold_id: str) -> dict[str, str] | None:
    if "{kind}" in path:
        return {"kind": RetentionKind.CLOSED_CASE}
    if "{id}" in path:
        return {"id": hold_id}
    return None


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_valid_requests_conform_to_the_schema(personas, api_schema, persona) -> None:
    hold = place(personas)
    engine.sweep()
    auth, membership = headers_for(getattr(personas, persona))
    statuses: set[tuple[str, str, int]] = set()

    for operation in api_schema.include(path_regex=PATHS).get_all_operations():
        operation = operation.ok()

        @BOUNDED
        @given(
            case=operation.as_strategy(
                headers=membership, path_parameters=parameters(operation.path, str(hold.pk))
            )
        )
        def check(case: Any) -> None:
            # Writes depend on stored data and on rules a schema cannot express.
            excluded = [positive_data_acceptance] if case.method.upper() != "GET" else []
            response = case.call_and_validate(headers=auth, excluded_checks=excluded)
            statuses.add((case.method.upper(), case.operation.path, response.status_code))

        check()

    assert not {s for s in statuses if s[2] >= 500}
    if persona == "privacy_officer_a":
        assert ("GET", "/retention/outlook", 200) in statuses
        assert ("GET", "/legal-holds/{id}", 200) in statuses
        assert ("GET", "/deletion-records", 200) in statuses
    else:
        assert ("GET", "/retention-policies/{kind}", 200) in statuses
        assert ("PATCH", "/retention-policies/{kind}", 200) in statuses


def test_invalid_requests_never_cause_a_server_error(personas, api_schema) -> None:
    hold = place(personas)
    auth, _membership = headers_for(personas.privacy_officer_a)

    for operation in api_schema.include(path_regex=PATHS).get_all_operations():
        operation = operation.ok()

        @BOUNDED
        @given(
            case=operation.as_strategy(
                generation_mode=GenerationMode.NEGATIVE,
                path_parameters=parameters(operation.path, str(hold.pk)),
            )
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=auth, checks=[not_a_server_error])

        check()
