"""The processing log over the API: search (keyset pages of spans) and export (JSON Lines)."""

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from schakel.audit.choices import StatusCode
from schakel.audit.models import LogRecord
from schakel.intake.activities import IntakeActivity
from schakel.privacy.tests.test_logbook_search_data import (
    PERSON_2,
    VALIDATOR,
    people_texts,
    seed_log,
    write,
)
from schakel.weighing.activities import WeighingActivity

SEARCH = "/api/v1/processing-log"
EXPORT = "/api/v1/processing-log/export"


def names(response: Any) -> set[str]:
    return {span["name"] for span in response.json()["results"]}


def lines(response: Any) -> list[dict[str, Any]]:
    body = b"".join(response.streaming_content).decode()
    return [json.loads(line) for line in body.splitlines()]


def test_officer_searches_with_a_token_and_gets_schema_valid_spans(personas, api_client) -> None:
    seed_log(personas)

    response = api_client(personas.privacy_officer_a).get(SEARCH)

    assert response.status_code == 200
    body = response.json()
    assert body["previous"] is None
    assert body["next"] is None
    for span in body["results"]:
        assert list(VALIDATOR.iter_errors(span)) == []
    found = names(response)
    assert {"case_read", "signal_expire", "log_search"} <= found
    assert not found & {"police_only_read", "brookdam_only_read", "old_weighing_read"}
    for text in people_texts(personas):
        assert text not in response.content.decode()
    [record] = LogRecord.objects.filter(name="log_search")
    assert record.attributes["channel"] == "api"


def test_police_privacy_officer_sees_police_records(personas, api_client) -> None:
    seed_log(personas)

    response = api_client(personas.police_privacy_officer).get(SEARCH)

    assert "police_only_read" in names(response)
    assert "case_read" not in names(response)


@pytest.mark.parametrize("persona", ["lead_a", "admin_a", "police_member", "outsider"])
def test_others_get_a_problem_404(personas, api_client, persona) -> None:
    client = api_client(getattr(personas, persona))

    for path in (SEARCH, EXPORT):
        response = client.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["type"] == "urn:schakel:problem:not-found"
    assert not LogRecord.objects.filter(name__in=["log_search", "log_export"]).exists()


def test_anonymous_gets_401(db) -> None:
    assert Client().get(SEARCH).status_code == 401
    assert Client().get(EXPORT).status_code == 401


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"activity": IntakeActivity.ONLINE_RESEARCH}, {"online_research_read"}),
        ({"organisation": "system"}, {"signal_expire"}),
        ({"status": StatusCode.ERROR}, {"online_research_read"}),
        ({"subject": PERSON_2.pseudonym}, {"agenda_item_read", "online_research_read"}),
    ],
)
def test_filters(personas, api_client, query, expected) -> None:
    seed_log(personas)

    response = api_client(personas.privacy_officer_a).get(SEARCH, query)

    assert names(response) == expected


def test_actor_filter(personas, api_client) -> None:
    seed_log(personas)

    response = api_client(personas.privacy_officer_a).get(
        SEARCH, {"actor": str(personas.colleague_a.pk)}
    )

    assert names(response) == {"online_research_read", "meeting_list_read"}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"from": "2024-01-01", "to": "2025-06-01"}, "to", "hoogstens één jaar"),
        ({"from": "2025-02-01", "to": "2025-01-01"}, "to", "vóór de begindatum"),
        ({"from": "01/02/2025"}, "from", "jjjj-mm-dd"),
        ({"subject": "xyz"}, "subject", "64 tekens"),
        ({"organisation": "00000000-0000-0000-0000-000000000000"}, "organisation", "lijst"),
        ({"after": "-1"}, "after", "volgnummer"),
        ({"after": "1", "before": "2"}, "before", "niet beide"),
    ],
)
def test_invalid_input_is_a_validation_problem(personas, api_client, query, field, message):
    response = api_client(personas.privacy_officer_a).get(SEARCH, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:schakel:problem:validation"
    [error] = problem["errors"]
    assert error["field"] == field
    assert message in error["message"]


def test_cursor_pages(personas, api_client) -> None:
    moment = timezone.now() - dt.timedelta(hours=1)
    for number in range(7):
        write(
            by=personas.lead_a,
            organisation=personas.municipality_a,
            role="municipal_lead",
            activity=WeighingActivity.WEIGHING,
            name=f"read_{number}",
            started_at=moment + dt.timedelta(seconds=number),
        )
    client = api_client(personas.privacy_officer_a)
    query = {"activity": WeighingActivity.WEIGHING, "pageSize": "3"}

    first = client.get(SEARCH, query).json()
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    back = client.get(third["previous"]).json()

    assert [s["name"] for s in first["results"]] == ["read_6", "read_5", "read_4"]
    assert [s["name"] for s in second["results"]] == ["read_3", "read_2", "read_1"]
    assert [s["name"] for s in third["results"]] == ["read_0"]
    assert third["next"] is None
    assert back["results"] == second["results"]
    assert "activity=weighing" in first["next"]


def test_page_size_is_capped(personas, api_client) -> None:
    response = api_client(personas.privacy_officer_a).get(SEARCH, {"pageSize": "5000"})

    assert response.status_code == 200


def test_search_query_count_is_bounded(personas, api_client, django_assert_max_num_queries):
    seed_log(personas)
    client = api_client(personas.privacy_officer_a)

    with django_assert_max_num_queries(18):
        assert client.get(SEARCH).status_code == 200


def test_export_with_a_token_alone_needs_step_up(personas, api_client) -> None:
    response = api_client(personas.privacy_officer_a).get(EXPORT)

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:schakel:problem:step-up-required"
    assert problem["title_en"] == "Step-up authentication required"
    assert not LogRecord.objects.filter(name="log_export").exists()


def test_export_from_a_stale_session_needs_step_up(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)
    session = client.session
    session["step_up_at"] = (timezone.now() - dt.timedelta(minutes=6)).isoformat()
    session.save()

    response = client.get(EXPORT)

    assert response.status_code == 403
    assert response.json()["type"] == "urn:schakel:problem:step-up-required"


def test_export_from_a_stepped_up_session_streams_json_lines(personas, signed_in) -> None:
    seed_log(personas)
    today = timezone.localdate()
    query = {"from": (today - dt.timedelta(days=5)).isoformat(), "to": today.isoformat()}

    response = signed_in(personas.privacy_officer_a).get(
        EXPORT, query, headers={"Accept": "application/jsonl"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/jsonl; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    spans = lines(response)
    for span in spans:
        assert list(VALIDATOR.iter_errors(span)) == []
    assert {"case_read", "signal_expire", "log_export"} <= {span["name"] for span in spans}
    [record] = LogRecord.objects.filter(name="log_export")
    assert record.attributes == {"from": query["from"], "to": query["to"], "channel": "api"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2024-01-01", "to": "2025-01-01"}, "to"),
        ({"from": "morgen"}, "from"),
        ({"to": "9999-12-31"}, "to"),
    ],
)
def test_export_refuses_bad_periods(personas, signed_in, query, field) -> None:
    response = signed_in(personas.privacy_officer_a).get(EXPORT, query)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field
    assert not LogRecord.objects.filter(name="log_export").exists()


def test_both_paths_are_in_the_openapi_document(db) -> None:
    schema = Client().get("/api/v1/openapi.json").json()

    search = schema["paths"][SEARCH.removeprefix("/api/v1")]["get"]
    export = schema["paths"][EXPORT.removeprefix("/api/v1")]["get"]
    assert {p["name"] for p in search["parameters"]} >= {
        "from",
        "to",
        "activity",
        "organisation",
        "actor",
        "subject",
        "status",
        "after",
        "before",
        "pageSize",
    }
    assert "application/jsonl" in export["responses"]["200"]["content"]
    assert "403" in export["responses"]
    assert "404" in search["responses"]
    assert "400" in search["responses"]
