"""Helpers for the property-based tests of the API against its OpenAPI document (schemathesis):
a bounded, reproducible hypothesis run, the headers of a user's token and membership, and the
writes whose acceptance a schema cannot predict. The schema itself is the ``api_schema`` fixture
(``schakel/api/tests/conftest.py``)."""

from typing import Any

from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from schakel.accounts.services import access_token_create
from schakel.api.authentication import MEMBERSHIP_HEADER
from schakel.intake.tests.factories import membership_of

# Writes whose acceptance depends on stored data (ids of municipalities, phenomena, signals) or
# on rules a schema cannot express (the elfproef, dates not in the future, invisible control
# characters, a summary when something was found): a schema-valid body may rightly get a 400.
STATEFUL_WRITES = {
    ("POST", "/signals"),
    ("POST", "/online-research"),
    ("POST", "/online-research/{id}/completion"),
}


def bounded(max_examples: int) -> Any:
    """Hypothesis settings for a run in the normal suite: few examples, derandomised, no example
    database, no deadline and no health check (the requests go through the whole application)."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def excluded_checks(case: Any) -> list[Any]:
    """Leave out the acceptance check for the ``STATEFUL_WRITES``; every other check runs."""
    key = (case.operation.method.upper(), case.operation.path)
    return [positive_data_acceptance] if key in STATEFUL_WRITES else []


def headers_for(user: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The user's headers: a fresh personal access token, and their own (active) membership
    (a schema-valid but foreign membership id is rightly a 400)."""
    raw = access_token_create(user=user, name="Schemathesis", days=1)[1]
    return (
        {"Authorization": f"Bearer {raw}"},
        {MEMBERSHIP_HEADER: str(membership_of(user).pk)},
    )
