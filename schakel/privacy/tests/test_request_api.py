"""The subject-request API per persona: the contact point registers and handles (others 404, a
partner who sees the case 403 not-contact-point); partners read and answer their own input."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.cases.tests.factories import open_case
from schakel.privacy.models import SubjectRequest
from schakel.privacy.tests.request_factories import IDENTITY_NOTE, register_request

pytestmark = pytest.mark.django_db


PROBLEM = "application/problem+json"
DESCRIPTION = "De persoon wil weten welke gegevens over hem zijn vastgelegd."


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def fields(response: Any) -> set[str | None]:
    return {error["field"] for error in response.json()["errors"]}


@pytest.fixture
def case(personas):  # type: ignore[no-untyped-def]
    return open_case(personas)


@pytest.fixture
def request_(personas, case) -> SubjectRequest:
    return register_request(personas, case)


def registration_body(case: Any, **overrides: Any) -> dict[str, Any]:
    body = {
        "case": str(case.pk),
        "kind": "access",
        "received_on": timezone.localdate().isoformat(),
        "description": DESCRIPTION,
        "identity_verified_on": timezone.localdate().isoformat(),
        "identity_verification_note": IDENTITY_NOTE,
    }
    body.update(overrides)
    return body


def test_the_contact_point_registers_through_the_api(personas, api_client, case) -> None:
    response = post(
        api_client(personas.privacy_officer_a), url("subject-request-list"), registration_body(case)
    )

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["person"]["surname"] == "Hoogeveld"
    assert data["contact_point"]["name"] == "Gemeente Aldermeer"
    assert data["due_on"] == data["deadline_on"]
    assert {c["organisation"]["name"] for c in data["contributions"]} == {
        "Gemeente Aldermeer",
        "Politie-eenheid Noordkaap",
        "OM Arrondissement Noordkaap",
        "ZVH Noordkaap",
    }


def test_registration_problems(personas, api_client, case) -> None:
    client = api_client(personas.lead_a)

    both = post(client, url("subject-request-list"), registration_body(case, signal=str(case.pk)))
    assert both.status_code == 400
    invalid = post(
        client,
        url("subject-request-list"),
        registration_body(
            case, kind="", description="", identity_verification_note="BSN 999900006"
        ),
    )
    assert invalid.status_code == 400
    assert fields(invalid) == {"kind", "description", "identity_verification_note"}

    police = post(
        api_client(personas.police_member), url("subject-request-list"), registration_body(case)
    )
    assert police.status_code == 403
    assert police["Content-Type"] == PROBLEM
    assert police.json()["type"] == "urn:schakel:problem:not-contact-point"
    assert "Gemeente Aldermeer" in police.json()["detail"]

    for persona in ("lead_b", "outsider", "school_member"):
        response = post(
            api_client(getattr(personas, persona)),
            url("subject-request-list"),
            registration_body(case),
        )
        assert response.status_code == 404, persona
    assert not SubjectRequest.objects.exists()


def test_the_list_and_detail_are_for_the_contact_point_only(personas, api_client, request_) -> None:
    listing = api_client(personas.lead_a).get(url("subject-request-list")).json()
    assert [row["reference"] for row in listing["results"]] == [request_.reference]
    assert "person" not in listing["results"][0]
    assert "description" not in listing["results"][0]

    detail = api_client(personas.lead_a).get(url("subject-request-detail", request_.pk))
    assert detail.json()["description"] == DESCRIPTION
    assert LogRecord.objects.filter(name="request_read").count() == 1

    for persona in ("lead_b", "outsider", "police_member", "director", "admin_a"):
        client = api_client(getattr(personas, persona))
        assert client.get(url("subject-request-list")).json()["count"] == 0, persona
        assert client.get(url("subject-request-detail", request_.pk)).status_code == 404, persona
        assert client.get(url("subject-request-contributions", request_.pk)).status_code == 404
        assert post(client, url("subject-request-withdrawal", request_.pk)).status_code == 404


def test_extension_decision_and_a_closed_request(personas, api_client, request_) -> None:
    client = api_client(personas.lead_a)

    refused = post(
        client,
        url("subject-request-extension", request_.pk),
        {"extended_until": (request_.received_on + timedelta(days=120)).isoformat()},
    )
    assert refused.status_code == 400
    assert fields(refused) == {"extended_until", "reason", "informed_on"}
    extended = post(
        client,
        url("subject-request-extension", request_.pk),
        {
            "extended_until": (request_.received_on + timedelta(days=60)).isoformat(),
            "reason": "Veel organisaties.",
            "informed_on": timezone.localdate().isoformat(),
        },
    )
    assert extended.status_code == 200
    assert extended.json()["extended_until"] is not None

    not_confirmed = post(
        client,
        url("subject-request-decision", request_.pk),
        {"decision": "refused", "decided_on": timezone.localdate().isoformat()},
    )
    assert fields(not_confirmed) == {"grounds", "without_all_input"}
    decided = post(
        client,
        url("subject-request-decision", request_.pk),
        {
            "decision": "refused",
            "grounds": "Het verzoek is kennelijk ongegrond.",
            "decided_on": timezone.localdate().isoformat(),
            "without_all_input": True,
        },
    )
    assert decided.status_code == 200
    assert decided.json()["status"] == "decided"

    closed = post(client, url("subject-request-withdrawal", request_.pk))
    assert closed.status_code == 409
    assert closed.json()["type"] == "urn:schakel:problem:conflict"


def test_partners_read_and_answer_their_own_input(personas, api_client, request_, case) -> None:
    police = api_client(personas.police_member)

    inbox = police.get(url("request-contribution-list")).json()
    [row] = inbox["results"]
    assert row["request"]["reference"] == request_.reference
    own = police.get(url("request-contribution-detail", row["id"]))
    assert own.status_code == 200
    assert case.reference in own.json()["case_references"]
    assert "description" not in own.json()["request"]

    missing = police.put(
        url("request-contribution-detail", row["id"]), {}, content_type="application/json"
    )
    assert missing.status_code == 400
    assert fields(missing) == {"holds_data"}
    answered = police.put(
        url("request-contribution-detail", row["id"]),
        {"holds_data": True, "input": "Registraties in BVH.", "objects_to_disclosure": False},
        content_type="application/json",
    )
    assert answered.status_code == 200
    assert answered.json()["status"] == "answered"
    assert answered.json()["answered_by"].startswith(
        "Beleidsmedewerker – Politie-eenheid Noordkaap"
    )

    for persona in ("om_member", "lead_b", "outsider"):
        other = api_client(getattr(personas, persona))
        assert other.get(url("request-contribution-detail", row["id"])).status_code == 404
        assert (
            other.put(
                url("request-contribution-detail", row["id"]),
                {"holds_data": False},
                content_type="application/json",
            ).status_code
            == 404
        )

    everyone = (
        api_client(personas.lead_a).get(url("subject-request-contributions", request_.pk)).json()
    )
    answered_rows = [c for c in everyone["results"] if c["status"] == "answered"]
    assert [c["organisation"]["name"] for c in answered_rows] == ["Politie-eenheid Noordkaap"]


def test_list_query_count_does_not_grow(
    personas, api_client, case, django_assert_max_num_queries
) -> None:
    for _ in range(5):
        register_request(personas, case)
    client = api_client(personas.lead_a)
    client.get(url("subject-request-list"))

    with django_assert_max_num_queries(12):
        response = client.get(url("subject-request-list"))

    assert response.json()["count"] == 5
    police = api_client(personas.police_member)
    police.get(url("request-contribution-list"))
    with django_assert_max_num_queries(12):
        assert police.get(url("request-contribution-list")).json()["count"] == 5


def test_every_route_is_in_the_schema(personas, api_client) -> None:
    schema = Client().get(reverse("v1:openapi-json")).json()
    for path in (
        "/subject-requests",
        "/subject-requests/{id}",
        "/subject-requests/{id}/identity",
        "/subject-requests/{id}/extension",
        "/subject-requests/{id}/decision",
        "/subject-requests/{id}/withdrawal",
        "/subject-requests/{id}/contributions",
        "/subject-requests/{id}/access-export",
        "/request-contributions",
        "/request-contributions/{id}",
    ):
        assert path in schema["paths"], path
    export = schema["paths"]["/subject-requests/{id}/access-export"]["get"]
    assert "403" in export["responses"]
    assert set(export["responses"]["200"]["content"]) == {"application/json", "application/pdf"}
