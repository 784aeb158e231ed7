"""Property-based tests of the retention API against its own OpenAPI document: generated
requests by a functional admin and a privacy officer never cause a server error, and valid
requests get documented answers."""

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
from schakel.intake.tests.factories import membership_of
from schakel.legal.choices import RetentionKind
from schakel.privacy.retention import engine
from schakel.privacy.tests.retention_api_helpers import place

pytestmark = pytest.mark.django_db

PATHS = r"^/api/v1/(retention-policies|retention/|legal-holds|deletion-records|retention-runs)"
BOUNDED = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
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


def headers_for(user: Any) -> tuple[dict[str, str], dict[str, str]]:
    raw = access_token_create(user=user, name="Schemathesis", days=1)[1]
    return (
        {"Authorization": f"Bearer {raw}"},
        {MEMBERSHIP_HEADER: str(membership_of(user).pk)},
    )


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
        assert ("GET", "/api/v1/retention/outlook/", 200) in statuses
        assert ("GET", "/api/v1/legal-holds/{id}/", 200) in statuses
        assert ("GET", "/api/v1/deletion-records/", 200) in statuses
    else:
        assert ("GET", "/api/v1/retention-policies/{kind}/", 200) in statuses
        assert ("PATCH", "/api/v1/retention-policies/{kind}/", 200) in statuses


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
