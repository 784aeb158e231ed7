"""Property-based tests of the meldpunt operations against the OpenAPI document, with real data.

The general run in ``schakel/api/tests/test_schemathesis.py`` mostly meets unknown ids (404).
Here the ids are of an existing signal, suggestion and research entry, so the 200 answers with
person data, explanations and nullable fields are checked against their schemas too.
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
from schakel.intake.online_services import ResearchPlan, online_research_start
from schakel.intake.tests.factories import VALID_BSN, membership_of, register

BOUNDED = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# Writes whose acceptance depends on stored data (ids of municipalities, phenomena, signals) or
# on rules a schema cannot express (the elfproef, dates not in the future, invisible control
# characters, a summary when something was found): a schema-valid body may rightly get a 400.
STATEFUL_WRITES = {
    ("POST", "/api/v1/signals/"),
    ("POST", "/api/v1/online-research/"),
    ("POST", "/api/v1/online-research/{id}/completion/"),
}


@pytest.fixture
def api_schema(db: None) -> Iterator[Any]:
    """The schema, loaded from and calling into Django's WSGI application (connection kept)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


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
        "/api/v1/signals/{id}/": str(second.signal.pk),
        "/api/v1/match-suggestions/{id}/": str(suggestion.pk),
        "/api/v1/match-suggestions/{id}/decision/": str(suggestion.pk),
        "/api/v1/online-research/{id}/": str(entry.pk),
        "/api/v1/online-research/{id}/completion/": str(entry.pk),
    }


@pytest.fixture
def lead_a(personas: Any) -> dict[str, dict[str, str]]:
    raw = access_token_create(user=personas.lead_a, name="Schemathesis", days=1)[1]
    return {
        "auth": {"Authorization": f"Bearer {raw}"},
        "membership": {MEMBERSHIP_HEADER: str(membership_of(personas.lead_a).pk)},
    }


def excluded(case: Any) -> list[Any]:
    key = (case.operation.method.upper(), case.operation.path)
    return [positive_data_acceptance] if key in STATEFUL_WRITES else []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/signals/{id}/",
        "/api/v1/match-suggestions/{id}/",
        "/api/v1/match-suggestions/{id}/decision/",
        "/api/v1/online-research/{id}/",
        "/api/v1/online-research/{id}/completion/",
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
        response = case.call_and_validate(headers=lead_a["auth"], excluded_checks=excluded(case))
        statuses.add(response.status_code)

    check()
    assert statuses & {200, 409}, statuses


def test_lists_and_writes_conform(api_schema, data, lead_a) -> None:
    operations = api_schema.include(
        path_regex=r"^/api/v1/(signals|match-suggestions|online-research)/$"
    )
    statuses: set[tuple[str, str, int]] = set()

    # One bounded run per operation: a run over all of them together would spread its examples
    # over every operation in the document and might never reach a list.
    for operation in operations.get_all_operations():
        operation = operation.ok()

        @BOUNDED
        @given(case=operation.as_strategy(headers=lead_a["membership"]))
        def check(case: Any) -> None:
            response = case.call_and_validate(
                headers=lead_a["auth"], excluded_checks=excluded(case)
            )
            statuses.add((case.operation.method.upper(), case.operation.path, response.status_code))

        check()

    assert ("GET", "/api/v1/signals/", 200) in statuses
    assert ("GET", "/api/v1/match-suggestions/", 200) in statuses


def test_invalid_requests_never_cause_a_server_error(api_schema, data, lead_a) -> None:
    operations = api_schema.include(
        path_regex=r"^/api/v1/(signals|match-suggestions|online-research)/"
    )

    @BOUNDED
    @given(case=operations.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    def check(case: Any) -> None:
        case.call_and_validate(headers=lead_a["auth"], checks=[not_a_server_error])

    check()
