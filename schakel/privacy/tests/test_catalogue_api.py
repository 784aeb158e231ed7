"""The catalogue over the API: functional admins create and change legal bases (problem+json
on bad input), privacy officers and functional admins read the register of processing
activities; everyone else gets a problem+json 404."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from schakel.audit.models import LogRecord, ProcessingActivity
from schakel.legal.models import LegalBasis, RetentionPolicy
from schakel.privacy.tests.test_desk_support import plant

pytestmark = pytest.mark.django_db


PROBLEM = "application/problem+json"
BASES = reverse("v1:legal-basis-list")
ACTIVITIES = reverse("v1:processing-activity-list")


def detail(basis: LegalBasis) -> str:
    return reverse("v1:legal-basis-detail", kwargs={"id": basis.pk})


def send(client: Client, method: str, path: str, data: Any) -> Any:
    return getattr(client, method)(path, data, content_type="application/json")


def body(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "wjsg-8a",
        "name": "Verstrekking van justitiële gegevens",
        "citation": "Wjsg art. 8a",
        "description": "Justitiële gegevens voor het casusoverleg.",
        "organisation_kinds": ["public_prosecution"],
        "processing_activities": ["case_consultation"],
    }
    data.update(overrides)
    return data


def assert_problem(response: Any, status: int, slug: str) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == f"urn:schakel:problem:{slug}"


def test_a_functional_admin_adds_a_legal_basis(personas, api_client) -> None:
    response = send(api_client(personas.admin_a), "post", BASES, body())

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["code"] == "wjsg-8a"
    assert data["organisation_kinds"] == ["public_prosecution"]
    assert data["processing_activities"] == ["case_consultation"]
    assert data["is_active"] is True
    assert data["in_use"] is False
    assert data["position"] == 100
    assert LegalBasis.objects.get(code="wjsg-8a").citation == "Wjsg art. 8a"
    assert LogRecord.objects.filter(name="legal_basis.created").count() == 1


def test_invalid_input_is_a_validation_problem_with_every_message(personas, api_client) -> None:
    response = send(
        api_client(personas.admin_a),
        "post",
        BASES,
        {"code": "Niet Goed", "organisation_kinds": ["planeet"]},
    )

    assert_problem(response, 400, "validation")
    fields = {error["field"] for error in response.json()["errors"]}
    assert "organisation_kinds.0" in fields or "organisation_kinds" in fields
    again = send(api_client(personas.admin_a), "post", BASES, {"code": "Niet Goed"})
    assert_problem(again, 400, "validation")
    messages = {error["field"]: error["message"] for error in again.json()["errors"]}
    assert set(messages) == {"code", "name", "citation", "description"}
    assert "kleine letters" in messages["code"]
    assert messages["name"] == "Vul de naam in."
    assert not LogRecord.objects.filter(name="legal_basis.created").exists()


@pytest.mark.parametrize(
    "persona", ["lead_a", "privacy_officer_a", "police_member", "director", "outsider"]
)
def test_others_cannot_change_the_catalogue(personas, api_client, persona) -> None:
    client = api_client(getattr(personas, persona))
    basis = LegalBasis.objects.get(code="wet-pga")

    assert_problem(send(client, "post", BASES, body()), 404, "not-found")
    assert_problem(send(client, "patch", detail(basis), {"name": "Anders"}), 404, "not-found")
    assert not LegalBasis.objects.filter(code="wjsg-8a").exists()
    assert LegalBasis.objects.get(code="wet-pga").name != "Anders"


def test_a_change_touches_only_the_fields_sent_and_may_deactivate(personas, api_client) -> None:
    basis = LegalBasis.objects.get(code="gemeentewet-172")
    before = basis.description
    client = api_client(personas.admin_a)

    response = send(client, "patch", detail(basis), {"citation": "Gemeentewet art. 172 lid 1"})
    deactivated = send(client, "patch", detail(basis), {"is_active": False})

    assert response.status_code == 200, response.content
    basis.refresh_from_db()
    assert basis.citation == "Gemeentewet art. 172 lid 1"
    assert basis.description == before
    assert basis.organisation_kinds == ["municipality"]
    assert deactivated.json()["is_active"] is False
    assert not basis.__class__.objects.get(pk=basis.pk).is_active
    listed = client.get(BASES).json()["results"]
    assert "gemeentewet-172" not in {row["code"] for row in listed}


def test_the_code_of_a_used_basis_cannot_change(personas, api_client) -> None:
    plant(personas)
    basis = LegalBasis.objects.get(code="wet-pga")

    response = send(api_client(personas.admin_a), "patch", detail(basis), {"code": "wet-pga-2"})

    assert_problem(response, 400, "validation")
    assert response.json()["errors"][0]["field"] == "code"
    basis.refresh_from_db()
    assert basis.code == "wet-pga"


def test_patching_an_unknown_basis_is_404(personas, api_client) -> None:
    basis = LegalBasis(pk="00000000-0000-0000-0000-000000000000")

    assert_problem(
        send(api_client(personas.admin_a), "patch", detail(basis), {"name": "x"}), 404, "not-found"
    )


@pytest.mark.parametrize("persona", ["privacy_officer_a", "admin_a"])
def test_the_register_is_read_by_privacy_officers_and_functional_admins(
    personas, api_client, persona, django_assert_max_num_queries
) -> None:
    client = api_client(getattr(personas, persona))
    client.get(ACTIVITIES)

    with django_assert_max_num_queries(12):
        response = client.get(ACTIVITIES)

    assert response.status_code == 200, response.content
    rows = {row["key"]: row for row in response.json()["results"]}
    assert set(rows) == set(ProcessingActivity.objects.values_list("key", flat=True))
    consultation = rows["case_consultation"]
    assert "wet-pga" in {basis["code"] for basis in consultation["legal_bases"]}
    closed = RetentionPolicy.objects.get(kind="closed_case")
    assert {"kind": "closed_case", "term_months": closed.term_months}.items() <= (
        consultation["retention_terms"][0].items()
    )
    assert set(consultation) >= {
        "purpose", "legal_basis", "data_categories", "data_subject_categories", "recipients",
        "retention", "controller",
    }  # fmt: skip


@pytest.mark.parametrize("persona", ["lead_a", "police_member", "director"])
def test_others_do_not_read_the_register(personas, api_client, persona) -> None:
    assert_problem(api_client(getattr(personas, persona)).get(ACTIVITIES), 404, "not-found")


def test_the_new_operations_are_in_the_schema(personas, api_client) -> None:
    schema = Client().get("/api/v1/openapi.json").json()

    assert "post" in schema["paths"]["/legal-bases"]
    assert "patch" in schema["paths"]["/legal-bases/{id}"]
    assert "get" in schema["paths"]["/processing-activities"]
