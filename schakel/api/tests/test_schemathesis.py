"""Property-based tests of every API operation against its own OpenAPI document.

Runs in the normal suite on both databases: a bounded number of generated requests, sent with a
real personal access token through the Django WSGI application, must never produce a server
error; valid requests must also match the documented status codes, content types and bodies.

Schemathesis' Python API (``as_strategy``) is used inside ordinary pytest functions, so the
persona fixtures and the test database work as everywhere else.
"""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from schakel.accounts.services import access_token_create
from schakel.api.authentication import MEMBERSHIP_HEADER

# Writes whose acceptance depends on stored data (ids of municipalities, phenomena, signals) or
# on rules a schema cannot express (the elfproef, dates not in the future, control characters):
# a schema-valid body may rightly get a 400. Every other check still runs on them.
STATEFUL_WRITES = {
    ("POST", "/api/v1/signals/"),
    ("POST", "/api/v1/online-research/"),
    ("POST", "/api/v1/online-research/{id}/completion/"),
}


def excluded_checks(case: Any) -> list[Any]:
    key = (case.operation.method.upper(), case.operation.path)
    return [positive_data_acceptance] if key in STATEFUL_WRITES else []


BOUNDED = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def api_schema(db: None) -> Iterator[Any]:
    """The schema, loaded from and calling into Django's WSGI application.

    Like Django's test client, keep the connection open across requests: the handler would
    otherwise close it when a request ends, and with it the test's transaction (PostgreSQL).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def auth_header(personas: Any) -> dict[str, str]:
    raw = access_token_create(user=personas.lead_a, name="Schemathesis", days=1)[1]
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def own_membership(personas: Any) -> dict[str, str]:
    """A schema-valid but foreign membership id is rightly a 400: valid runs send their own."""
    return {MEMBERSHIP_HEADER: str(personas.lead_a.memberships.get().pk)}


def test_valid_requests_conform_to_the_schema(
    api_schema: Any, auth_header: Any, own_membership: Any
) -> None:
    statuses: set[tuple[str, int]] = set()
    # The API's own endpoints; each app's operations have their own property-based tests with
    # real data (intake, weighing, cases).
    plumbing = api_schema.include(path_regex=r"^/api/v1/(me|partners)/")

    @BOUNDED
    @given(case=plumbing.as_strategy(headers=own_membership))
    def check(case: Any) -> None:
        response = case.call_and_validate(
            headers=auth_header, excluded_checks=excluded_checks(case)
        )
        statuses.add((case.operation.path, response.status_code))

    check()
    assert ("/api/v1/me/", 200) in statuses
    assert ("/api/v1/partners/", 200) in statuses


def test_valid_requests_for_visible_partners_conform(
    api_schema: Any, auth_header: Any, own_membership: Any, personas: Any
) -> None:
    visible = {"id": str(personas.police.pk)}

    statuses: set[tuple[str, int]] = set()
    partner = api_schema.include(path="/api/v1/partners/{id}/")

    @BOUNDED
    @given(case=partner.as_strategy(headers=own_membership, path_parameters=visible))
    def check(case: Any) -> None:
        response = case.call_and_validate(headers=auth_header)
        statuses.add((case.operation.path, response.status_code))

    check()
    assert ("/api/v1/partners/{id}/", 200) in statuses


def test_invalid_requests_never_cause_a_server_error(api_schema: Any, auth_header: Any) -> None:
    @BOUNDED
    @given(case=api_schema.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    def check(case: Any) -> None:
        case.call_and_validate(headers=auth_header, checks=[not_a_server_error])

    check()
