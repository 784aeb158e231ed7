"""The retention API's terms per persona: functional admins change them, privacy officers
read them, others get 404; step-up for a web session, a personal access token counts as
stepped up."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from schakel.legal import terms
from schakel.legal.choices import RetentionKind
from schakel.legal.models import RetentionPolicy
from schakel.privacy.tests.retention_api_helpers import PROBLEM, errors, url

pytestmark = pytest.mark.django_db


POLICIES = url("retention-policy-list")


def policy(kind: str = RetentionKind.CLOSED_CASE) -> str:
    return url("retention-policy-detail", kind)


def patch(client: Client, path: str, data: Any) -> Any:
    return client.patch(path, data, content_type="application/json")


# Terms --------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["admin_a", "privacy_officer_a", "superuser"])
def test_admins_and_officers_read_the_terms(personas, api_client, persona) -> None:
    response = api_client(getattr(personas, persona)).get(POLICIES)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(terms.kinds())  # own kinds and contributed ones
    closed = next(row for row in body["results"] if row["kind"] == RetentionKind.CLOSED_CASE)
    assert closed["term_months"] == 60
    assert closed["default_term_months"] == 60
    assert closed["clock_starts"] == "na afsluiting van de casus"
    assert closed["updated_by"] is None


@pytest.mark.parametrize("persona", ["lead_a", "police_member", "director", "outsider"])
def test_the_terms_are_not_found_for_others(personas, api_client, persona) -> None:
    client = api_client(getattr(personas, persona))

    for response in (client.get(POLICIES), client.get(policy())):
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM


def test_a_functional_admin_changes_a_term_with_a_token(personas, api_client) -> None:
    client = api_client(personas.admin_a)
    seeded = RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).note

    response = patch(client, policy(), {"term_months": 84})

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["term_months"] == 84
    assert body["note"] == seeded  # left out: stays
    assert body["updated_by"].startswith(f"{personas.admin_a.function_title} – Gemeente Aldermeer")
    assert personas.admin_a.full_name not in response.content.decode()
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 84
    # Only the note: the term stays.
    response = patch(client, policy(), {"note": "Besluit van 2026."})
    assert (response.json()["term_months"], response.json()["note"]) == (84, "Besluit van 2026.")


@pytest.mark.parametrize("persona", ["lead_a", "privacy_officer_a", "police_member", "outsider"])
def test_nobody_else_changes_a_term(personas, api_client, persona) -> None:
    response = patch(api_client(getattr(personas, persona)), policy(), {"term_months": 1})

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 60


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"term_months": 0}, "term_months"),
        ({"term_months": 1201}, "term_months"),
        ({"term_months": "vijf"}, "term_months"),
        ({"note": "x" * 2001}, "note"),
        ({"note": "nul\x00teken"}, "note"),
    ],
)
def test_a_wrong_term_is_a_dutch_validation_problem(personas, api_client, data, field) -> None:
    response = patch(api_client(personas.admin_a), policy(), data)

    assert response.status_code == 400
    assert response.json()["type"] == "urn:schakel:problem:validation"
    assert field in errors(response)
    if field == "term_months":
        assert errors(response)[field] == ["Kies een termijn van 1 tot en met 1200 maanden."]
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 60


def test_an_unknown_kind_is_not_found(personas, api_client) -> None:
    client = api_client(personas.admin_a)

    assert client.get(policy("forever")).status_code == 404
    assert patch(client, policy("forever"), {"term_months": 5}).status_code == 404


def test_a_web_session_needs_a_fresh_step_up(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)

    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        stale = patch(client, policy(), {"term_months": 24})
    fresh = patch(client, policy(), {"term_months": 24})

    assert stale.status_code == 403
    assert stale["Content-Type"] == PROBLEM
    assert stale.json()["type"] == "urn:schakel:problem:step-up-required"
    assert fresh.status_code == 200
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 24
