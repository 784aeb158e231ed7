"""The processing-log export in the Logboek Dataverwerkingen shape (UI download).

Every line validates against the JSON Schema written for it; records carry trace and span ids
and the pseudonymous subject; nobody is named; the export is logged before it streams.
"""

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.logbook.logboek_export import DATA_SUBJECT_ID_TYPES, rfc3339
from schakel.privacy.tests.test_logbook_search_data import (
    PERSON_1,
    PERSON_2,
    RELATED_1,
    VALIDATOR,
    people_texts,
    seed_log,
)

EXPORT = reverse("audit:log_export")


def period(days_back: int = 30) -> dict[str, str]:
    today = timezone.localdate()
    return {"van": (today - dt.timedelta(days=days_back)).isoformat(), "tot": today.isoformat()}


def download(client: Client, query: dict[str, str] | None = None) -> tuple[Any, str]:
    response = client.get(EXPORT, query or period())
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content).decode()
    return response, body


def spans(body: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in body.splitlines()]


def test_every_line_validates_against_the_schema(personas, signed_in) -> None:
    seed_log(personas)

    response, body = download(signed_in(personas.privacy_officer_a))

    assert response["Content-Type"] == "application/jsonl; charset=utf-8"
    assert body.endswith("\n")
    lines = spans(body)
    assert len(lines) >= 9
    for line in lines:
        errors = [error.message for error in VALIDATOR.iter_errors(line)]
        assert errors == [], (line, errors)


def test_lines_carry_trace_span_subject_and_register_uri(personas, signed_in) -> None:
    seeded = seed_log(personas)

    _, body = download(signed_in(personas.privacy_officer_a))

    by_span = {line["span_id"]: line for line in spans(body)}
    case_read = [by_span[r.span_id] for r in seeded.own if r.name == "case_read"]
    assert {line["attributes"]["dpl.core.data_subject_id"] for line in case_read} == {
        PERSON_1.pseudonym,
        RELATED_1.pseudonym,
    }
    types = {line["attributes"]["dpl.core.data_subject_id_type"] for line in case_read}
    assert types == {"schakel-pseudonym-person", "schakel-pseudonym-related-person"}
    first = case_read[0]
    assert first["attributes"]["dpl.core.processing_activity_id"] == (
        "http://testserver/verwerkingsregister/#activiteit-case_consultation"
    )
    assert first["attributes"]["schakel.attributes.items"] == "2"
    assert first["attributes"]["schakel.attributes.confidential"] == "true"
    assert first["attributes"]["schakel.actor_organisation_id"] == str(personas.municipality_a.pk)
    assert first["attributes"]["schakel.actor_role"] == "municipal_lead"
    assert first["resource"]["name"] == "schakel"
    record = LogRecord.objects.get(span_id=first["span_id"])
    assert first["attributes"]["schakel.sequence"] == str(record.sequence)
    assert first["attributes"]["schakel.record_hash"] == record.record_hash
    assert first["start_time"] == rfc3339(record.start_time)
    assert first["start_time"].endswith("Z")


def test_one_trace_holds_several_spans_under_one_parent(personas, signed_in) -> None:
    seeded = seed_log(personas)

    _, body = download(signed_in(personas.privacy_officer_a))

    lines = spans(body)
    shared = [line for line in lines if line["trace_id"] == seeded.shared_trace.trace_id]
    assert sorted(line["name"] for line in shared) == ["agenda_item_read", "case_read", "case_read"]
    assert {line["parent_span_id"] for line in shared} == {seeded.shared_trace.span_id}
    assert len({line["span_id"] for line in lines}) == len(lines)
    assert seeded.shared_trace.span_id not in {line["span_id"] for line in lines}
    subjects = {line["attributes"].get("dpl.core.data_subject_id") for line in shared}
    assert subjects == {PERSON_1.pseudonym, RELATED_1.pseudonym, PERSON_2.pseudonym}


def test_parent_span_is_the_span_the_request_returned(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)
    search = client.get(reverse("audit:log_search"))
    _, trace_id, request_span, _ = search["traceparent"].split("-")

    _, body = download(client)

    [line] = [line for line in spans(body) if line["name"] == "log_search"]
    assert line["trace_id"] == trace_id
    assert line["parent_span_id"] == request_span
    assert "dpl.core.data_subject_id" not in line["attributes"]


def test_scope_is_own_organisation_and_system(personas, signed_in) -> None:
    seed_log(personas)

    _, body = download(signed_in(personas.privacy_officer_a))

    names = {line["name"] for line in spans(body)}
    assert {"signal_expire", "case_read", "account.user.update", "log_export"} <= names
    assert not names & {
        "police_only_read",
        "brookdam_only_read",
        "unaffiliated_sign_in",
        "old_weighing_read",
    }
    system = next(line for line in spans(body) if line["name"] == "signal_expire")
    assert "schakel.actor_user_id" not in system["attributes"]
    assert "schakel.actor_organisation_id" not in system["attributes"]


def test_police_officer_exports_police_records(personas, signed_in) -> None:
    seed_log(personas)

    _, body = download(signed_in(personas.police_privacy_officer))

    names = {line["name"] for line in spans(body)}
    assert "police_only_read" in names
    assert not names & {"case_read", "brookdam_only_read"}


def test_no_names_e_mail_addresses_or_ip_addresses(personas, signed_in) -> None:
    seed_log(personas)

    _, body = download(signed_in(personas.privacy_officer_a))

    for text in people_texts(personas):
        assert text not in body
    assert "192.0.2." not in body  # origin (an IP address) is not exported
    assert "Beleidsmedewerker" not in body


def test_employee_subject_is_typed(personas, signed_in) -> None:
    seed_log(personas)

    _, body = download(signed_in(personas.privacy_officer_a))

    line = next(line for line in spans(body) if line["name"] == "account.user.update")
    expected = DATA_SUBJECT_ID_TYPES[SubjectType.EMPLOYEE]
    assert line["attributes"]["dpl.core.data_subject_id_type"] == expected
    assert str(personas.colleague_a.pk) not in line["attributes"]["dpl.core.data_subject_id"]


def test_period_selects_the_records(personas, signed_in) -> None:
    seed_log(personas)
    today = timezone.localdate()
    query = {
        "van": (today - dt.timedelta(days=90)).isoformat(),
        "tot": (today - dt.timedelta(days=31)).isoformat(),
    }

    response, body = download(signed_in(personas.privacy_officer_a), query)

    assert [line["name"] for line in spans(body)] == ["old_weighing_read"]
    assert response["Content-Disposition"] == (
        f'attachment; filename="logboek-dataverwerkingen-{query["van"]}-{query["tot"]}.jsonl"'
    )


def test_the_export_is_logged_before_it_streams(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    response = client.get(EXPORT, period(10))

    [record] = LogRecord.objects.filter(name="log_export")
    assert record.activity_id == PrivacyActivity.SUPERVISION
    assert record.data_subject_id == ""
    today = timezone.localdate()
    assert record.attributes == {
        "from": (today - dt.timedelta(days=10)).isoformat(),
        "to": today.isoformat(),
        "channel": "ui",
    }
    # Its own record is in the file it announced.
    assert any(
        line["name"] == "log_export"
        for line in spans(b"".join(response.streaming_content).decode())
    )


def test_lines_are_read_in_batches(personas, signed_in, monkeypatch) -> None:
    from schakel.privacy.logbook import logboek_export

    seed_log(personas)
    monkeypatch.setattr(logboek_export, "CHUNK_SIZE", 3)

    response = signed_in(personas.privacy_officer_a).get(EXPORT, period())

    chunks = list(response.streaming_content)
    assert len(chunks) >= 3
    assert all(chunk.count(b"\n") <= 3 for chunk in chunks)


def test_stale_step_up_redirects_to_step_up_and_logs_nothing(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)
    session = client.session
    session["step_up_at"] = (timezone.now() - dt.timedelta(minutes=6)).isoformat()
    session.save()

    response = client.get(EXPORT, period())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert "next=" in response["Location"]
    assert not LogRecord.objects.filter(name="log_export").exists()


def test_form_without_period_shows_defaults_and_needs_no_step_up(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)
    session = client.session
    session.pop("step_up_at")
    session.save()

    page = client.get(EXPORT).content.decode()

    assert "Logboek exporteren" in page
    assert f'value="{timezone.localdate().isoformat()}"' in page
    assert not LogRecord.objects.filter(name="log_export").exists()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"van": "2024-01-01", "tot": "2025-06-01"}, "hoogstens één jaar"),
        ({"van": "2025-02-01", "tot": "2025-01-01"}, "vóór de begindatum"),
        ({"van": "nonsens", "tot": "2025-01-01"}, "jjjj-mm-dd"),
    ],
)
def test_invalid_period_shows_a_dutch_error(personas, signed_in, query, message) -> None:
    response = signed_in(personas.privacy_officer_a).get(EXPORT, query)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Controleer de zoekopdracht" in page
    assert message in page
    assert not LogRecord.objects.filter(name="log_export").exists()


@pytest.mark.parametrize("persona", ["lead_a", "admin_a", "police_member", "superuser"])
def test_others_get_404(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(EXPORT).status_code == 404
    assert client.get(EXPORT, period()).status_code == 404
    assert not LogRecord.objects.filter(name="log_export").exists()


def test_the_schema_is_valid_draft_2020_12_and_strict(personas, signed_in) -> None:
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    from schakel.privacy.tests.test_logbook_search_data import SCHEMA

    Draft202012Validator.check_schema(SCHEMA)
    seed_log(personas)
    _, body = download(signed_in(personas.privacy_officer_a))
    line = next(line for line in spans(body) if line["name"] == "case_read")

    wrong = [
        {**line, "actor_name": "Jan"},
        {**line, "status_code": "STATUS_CODE_OK"},
        {**line, "span_id": line["trace_id"]},
        {**line, "start_time": "2026-03-01T10:30:00+01:00"},
        {**line, "attributes": {**line["attributes"], "schakel.actor_name": "Jan"}},
        {**line, "attributes": {**line["attributes"], "schakel.sequence": 12}},
        {
            **line,
            "attributes": {
                k: v for k, v in line["attributes"].items() if k != "dpl.core.data_subject_id_type"
            },
        },
    ]
    for candidate in wrong:
        assert not VALIDATOR.is_valid(candidate), candidate
