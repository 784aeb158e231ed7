"""Property-based tests of every API operation against its own OpenAPI document.

Runs in the normal suite on both databases: a bounded number of generated requests, sent with a
real personal access token through the Django WSGI application, must never produce a server
error; valid requests must also match the documented status codes, content types and bodies.

Schemathesis' Python API (``as_strategy``) is used inside ordinary pytest functions, so the
persona fixtures and the test database work as everywhere else.
"""

from typing import Any

import pytest
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from schakel.api.tests.schema_helpers import bounded, excluded_checks, headers_for

BOUNDED = bounded(25)


@pytest.fixture
def lead_a(personas: Any) -> tuple[dict[str, str], dict[str, str]]:
    return headers_for(personas.lead_a)


@pytest.fixture
def auth_header(lead_a: Any) -> dict[str, str]:
    return lead_a[0]


@pytest.fixture
def own_membership(lead_a: Any) -> dict[str, str]:
    """A schema-valid but foreign membership id is rightly a 400: valid runs send their own."""
    return lead_a[1]


def test_valid_requests_conform_to_the_schema(
    api_schema: Any, auth_header: Any, own_membership: Any
) -> None:
    statuses: set[tuple[str, int]] = set()
    # The API's own endpoints; each app's operations have their own property-based tests with
    # real data (intake, weighing, cases).
    plumbing = api_schema.include(path_regex=r"^/(me|partners)(/|$)")

    @BOUNDED
    @given(case=plumbing.as_strategy(headers=own_membership))
    def check(case: Any) -> None:
        response = case.call_and_validate(
            headers=auth_header, excluded_checks=excluded_checks(case)
        )
        statuses.add((case.operation.path, response.status_code))

    check()
    assert ("/me", 200) in statuses
    assert ("/partners", 200) in statuses


def test_valid_requests_for_visible_partners_conform(
    api_schema: Any, auth_header: Any, own_membership: Any, personas: Any
) -> None:
    visible = {"id": str(personas.police.pk)}

    statuses: set[tuple[str, int]] = set()
    partner = api_schema.include(path="/partners/{id}")

    @BOUNDED
    @given(case=partner.as_strategy(headers=own_membership, path_parameters=visible))
    def check(case: Any) -> None:
        response = case.call_and_validate(headers=auth_header)
        statuses.add((case.operation.path, response.status_code))

    check()
    assert ("/partners/{id}", 200) in statuses


def test_invalid_requests_never_cause_a_server_error(api_schema: Any, auth_header: Any) -> None:
    @BOUNDED
    @given(case=api_schema.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    def check(case: Any) -> None:
        case.call_and_validate(headers=auth_header, checks=[not_a_server_error])

    check()
