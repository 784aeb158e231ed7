"""``GET /api/v1/work-items``: the same work as the page, paginated, filtered by ``kind``,
documented; nobody sees another organisation's work; no processing-log record."""

from typing import Any

import pytest
from django.test import Client

from schakel.audit.models import LogRecord
from schakel.core.work import work_items_for
from schakel.intake.tests.factories import membership_of
from schakel.work.tests.world import World

pytestmark = pytest.mark.django_db

URL = "/api/v1/work-items"


def test_the_lead_gets_its_work_in_the_page_s_order(personas, world, api_client) -> None:
    client = api_client(personas.lead_a)
    before = LogRecord.objects.count()
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    expected = work_items_for(membership_of(personas.lead_a))
    assert body["count"] == len(expected)
    assert [row["kind"] for row in body["results"]] == [item.kind for item in expected]
    first = body["results"][0]
    assert set(first) == {"kind", "label", "reference", "due_on", "overdue", "count", "url"}
    assert first["url"].startswith("http://testserver/")
    # The token's use only: no read of person data to log.
    written = LogRecord.objects.order_by("sequence")[before:].values_list("name", flat=True)
    assert list(written) == ["account.token.use"]


def test_kind_filters_and_pages(personas, world, api_client) -> None:
    client = api_client(personas.lead_a)
    body = client.get(URL, {"kind": "match_suggestion"}).json()
    assert [row["kind"] for row in body["results"]] == ["match_suggestion"]
    assert str(world.suggestion.pk) in body["results"][0]["url"]
    assert client.get(URL, {"kind": "no_such_kind"}).json()["count"] == 0
    paged = client.get(URL, {"pageSize": 1}).json()
    assert len(paged["results"]) == 1
    assert paged["next"]


def test_the_ggz_invitee_gets_the_invitation(personas, world: World, api_client) -> None:
    body = api_client(personas.ggz_member).get(URL, {"kind": "invitation"}).json()
    assert body["count"] == 1
    assert world.case.reference in body["results"][0]["label"]


@pytest.mark.parametrize("persona", ["outsider", "lead_b", "director_other", "admin_a"])
def test_others_see_none_of_aldermeer_s_work(personas, world, api_client, persona) -> None:
    body = api_client(getattr(personas, persona)).get(URL).json()
    text = str(body)
    assert world.case.reference not in text
    assert str(world.suggestion.pk) not in text
    assert world.expiring.reference not in text


def test_without_a_token_it_is_a_401_problem(db: Any) -> None:
    response = Client().get(URL)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")


def test_a_trailing_slash_and_a_snake_case_key_are_refused(personas, api_client) -> None:
    client = api_client(personas.lead_a)
    assert client.get(URL + "/").status_code == 404
    assert client.get(URL, {"page_size": 1}).status_code == 400


def test_the_endpoint_is_documented_in_dutch(db: Any) -> None:
    document = Client().get("/api/v1/openapi.json").json()
    operation = document["paths"]["/work-items"]["get"]
    assert operation["summary"] == "Mijn werk"
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"kind", "page", "pageSize"} <= names
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert "results" in str(schema) or "$ref" in schema


def test_the_api_s_queries_do_not_grow_with_the_work(
    personas, world, api_client, django_assert_max_num_queries
) -> None:
    client = api_client(personas.lead_a)
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    from schakel.intake.tests.factories import register

    for name in ("Aaltink", "Bosman", "Claassen"):
        register(personas.lead_a, residence=personas.municipality_a, surname=name)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
