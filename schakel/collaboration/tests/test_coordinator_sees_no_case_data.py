"""The regional coordinator sees the collaboration's work and no case data: with a real case,
meeting, intervention, disclosure, weighing, signal and subject request in the partnership's
region, every case, weighing, intake and privacy page with an id, and every such API endpoint,
answers 404 (405 for a method a read-only route does not take).

The routes and the world are those of the cases' access matrix
(``schakel.cases.tests.test_access_matrix``), extended with the signal and the privacy request
pages; the coordinator acts for Aldermeer, a member of the partnership whose cases these are.
"""

from typing import Any

import pytest
from django.urls import get_resolver, reverse

from schakel.cases.tests.test_access_matrix import (  # noqa: F401 (the world is a fixture)
    API_METHODS,
    _client,
    _url,
    _walk,
    routes,
    world,
)
from schakel.privacy.tests.request_factories import register_request

pytestmark = pytest.mark.django_db


def _other_routes() -> list[Any]:
    """The signal and subject-request routes with an id (intake and privacy)."""
    return [
        route
        for route in _walk(get_resolver().url_patterns, "", "")
        if route.params in (("pk",), ("id",))
        and route.path.startswith(
            ("signalen/", "verzoeken/", "api/v1/signals/", "api/v1/subject-requests/")
        )
    ]


def _statuses(client: Any, url: str, is_api: bool) -> set[int]:
    methods = API_METHODS if is_api else ("get", "post")
    return {
        getattr(client, method)(url, {}, content_type="application/json").status_code
        if method != "get"
        else client.get(url).status_code
        for method in methods
    }


def test_the_coordinator_gets_404_on_every_case_page_and_endpoint(
    personas,
    network,
    world,  # noqa: F811 (the cases' world)
) -> None:
    coordinator = network.coordinator
    pages, api = _client(coordinator, api=False), _client(coordinator, api=True)
    checked, failures = 0, []
    for route in routes():
        if route.resource is None:
            continue
        client = api if route.is_api else pages
        url = _url(route, world)
        statuses = _statuses(client, url, route.is_api)
        checked += 1
        if statuses - {404, 405} or 404 not in statuses:
            failures.append(f"{route.name}: {statuses}")
    signal = world["weighing_item"].signals.first()
    request = register_request(personas, world["case"])
    for route in _other_routes():
        target = signal if "signal" in route.path else request
        url = reverse(route.name, kwargs={route.params[0]: target.pk})
        client = api if route.is_api else pages
        statuses = _statuses(client, url, route.is_api)
        checked += 1
        if statuses - {404, 405} or 404 not in statuses:
            failures.append(f"{route.name}: {statuses}")
    assert checked >= 30
    assert not failures, "\n".join(failures)


def test_the_case_table_members_do_see_them(
    personas,
    network,
    world,  # noqa: F811 (the cases' world)
) -> None:
    """The check can fail: the same routes answer 200 to the municipal lead of Aldermeer."""
    client = _client(personas.lead_a, api=False)
    case_url = reverse("cases:case_detail", kwargs={"pk": world["case"].pk})
    assert client.get(case_url).status_code == 200
    assert _client(network.coordinator, api=False).get(case_url).status_code == 404
