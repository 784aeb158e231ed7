"""The meldpunt API for signals: registering, with Dutch problems for bad input, and who may."""

import json
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from schakel.audit.models import LogRecord
from schakel.intake.choices import SourceDomain
from schakel.intake.models import RelatedPerson, Signal
from schakel.intake.tests.factories import INVALID_BSN, VALID_BSN, phenomenon, register
from schakel.intake.tests.signal_api_helpers import LIST, PROBLEM, api, detail

pytestmark = pytest.mark.django_db


def body(residence: Any, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "given_names": "Daan Pieter",
        "surname_prefix": "van",
        "surname": "Hoogeveld",
        "date_of_birth": "2004-03-17",
        "residence": str(residence.pk),
        "phenomenon": str(phenomenon().pk),
        "observation": "Deelt op school teksten die geweld tegen een groep goedpraten.",
        "observed_on": "2026-01-12",
        "source_domain": SourceDomain.EDUCATION,
    }
    values.update(overrides)
    return values


def post(client: Client, data: dict[str, Any]) -> Any:
    return client.post(LIST, data, content_type="application/json")


def messages(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


# --- registering -------------------------------------------------------------------------------


def test_register_answers_status_and_directing_municipality_only(personas) -> None:
    response = post(api(personas.police_member), body(personas.municipality_a, bsn=VALID_BSN))

    assert response.status_code == 201, response.content
    data = response.json()
    signal = Signal.objects.get()
    assert data == {
        "id": str(signal.pk),
        "reference": signal.reference,
        "status": "new",
        "directing_municipality": {
            "id": str(personas.municipality_a.pk),
            "name": "Gemeente Aldermeer",
        },
        "created_at": data["created_at"],
        "known_at": [],
    }
    assert signal.registering_organisation == personas.police
    assert signal.bsn == VALID_BSN
    assert "Hoogeveld" not in response.content.decode()


def test_second_partner_learns_only_the_meldpunt_and_its_mailbox(personas) -> None:
    first = register(
        personas.police_member,
        residence=personas.municipality_b,
        observation="Eerdere waarneming van de politie.",
    )

    response = post(
        api(personas.school_member),
        body(personas.municipality_a, surname_prefix="", surname="Hogeveld"),
    )

    assert response.status_code == 201, response.content
    assert response.json()["known_at"] == [
        {
            "meldpunt": "Gemeente Brookdam",
            "mailbox": personas.municipality_b.mailbox,
            "confirmed": False,
        }
    ]
    content = response.content.decode()
    assert str(first.signal.pk) not in content
    assert "Eerdere waarneming" not in content
    assert personas.police.name not in content
    assert personas.police_member.email not in content


@pytest.mark.parametrize(
    ("user", "overrides", "field", "message"),
    [
        ("police_member", {"bsn": INVALID_BSN}, "bsn", "Dit is geen geldig BSN"),
        ("school_member", {"bsn": VALID_BSN}, "bsn", "Uw organisatie mag geen BSN verwerken"),
        (
            "police_member",
            {"date_of_birth": (date.today() + timedelta(days=2)).isoformat()},
            "date_of_birth",
            "De geboortedatum ligt in de toekomst.",
        ),
        ("police_member", {"observation": "x" * 100_000}, "observation", "10000"),
        ("police_member", {"surname": "x" * 100_000}, "surname", "200"),
        (
            "police_member",
            {"related_persons": [{"relation": "parent", "name": "", "date_of_birth": None}]},
            "related_persons.0.name",
            "",
        ),
        (
            "police_member",
            {
                "related_persons": [
                    {"relation": "parent", "name": "Els", "date_of_birth": "2999-01-01"}
                ]
            },
            "related_persons.0.date_of_birth",
            "De geboortedatum ligt in de toekomst.",
        ),
        ("police_member", {"observation": "Regel\x07"}, "observation", "stuurtekens"),
        ("police_member", {"capture_fingerprint": "abc"}, "capture_fingerprint", "SHA-256"),
    ],
)
def test_bad_input_is_a_dutch_problem_and_saves_nothing(
    personas, user, overrides, field, message
) -> None:
    response = post(api(getattr(personas, user)), body(personas.municipality_a, **overrides))

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["type"] == "urn:schakel:problem:validation"
    assert problem["title"] == "De invoer is ongeldig"
    assert problem["detail"] == "Controleer de invoer: zie errors."
    assert field in messages(response), problem
    assert any(message in m for m in messages(response)[field]), problem
    assert Signal.objects.count() == 0
    assert RelatedPerson.objects.count() == 0
    assert not LogRecord.objects.filter(name="signal_register").exists()
    assert "x" * 100 not in response.content.decode()


def test_residence_must_be_an_active_municipality(personas) -> None:
    client = api(personas.police_member)

    for residence in (personas.police.pk, "00000000-0000-0000-0000-000000000000", "Aldermeer"):
        response = post(client, {**body(personas.municipality_a), "residence": str(residence)})

        assert response.status_code == 400
        assert messages(response) == {"residence": ["Kies een gemeente uit de lijst."]}
    assert Signal.objects.count() == 0


def test_service_rules_are_checked_again(personas) -> None:
    response = post(
        api(personas.police_member),
        body(personas.municipality_a, reported_by="citizen", reporter_contact="06-12345678"),
    )

    assert response.status_code == 400
    assert set(messages(response)) == {"reported_by"}
    assert Signal.objects.count() == 0


def test_html_and_script_are_stored_as_given_and_returned_as_data(personas) -> None:
    script = "<script>alert('x')</script><b onmouseover=\"x()\">vet</b> & <i>"
    client = api(personas.lead_a)
    response = post(
        client,
        body(
            personas.municipality_a,
            given_names="Daan",
            surname_prefix="van 't",
            surname="Hof",
            address=script,
            observation=script,
            related_persons=[{"relation": "sibling", "name": "Els Hof"}],
        ),
    )

    assert response.status_code == 201, response.content
    signal = Signal.objects.get()
    assert signal.observation == script
    assert signal.address == script

    read = client.get(detail(signal), {"include": "person"})

    assert read.status_code == 200
    assert read["Content-Type"] == "application/json"
    data = read.json()
    assert data["observation"]["observation"] == script
    assert data["person"]["address"] == script
    assert json.loads(read.content)["observation"]["observation"] == script


def test_markup_in_a_name_is_a_400_with_a_dutch_message(personas) -> None:
    response = post(
        api(personas.police_member),
        body(personas.municipality_a, given_names="Daan <script>alert('x')</script>"),
    )

    assert response.status_code == 400
    assert "Een naam bestaat uit letters" in response.content.decode()
    assert Signal.objects.count() == 0


@pytest.mark.parametrize(
    ("prefix", "surname", "given_names"),
    [("van 't", "Hof", "Jan"), ("", "Ng", "Wei"), ("", "Çelik-de Vries", "Ünal Ayşe")],
)
def test_names_from_everywhere_are_accepted(personas, prefix, surname, given_names) -> None:
    response = post(
        api(personas.police_member),
        body(
            personas.municipality_a,
            surname_prefix=prefix,
            surname=surname,
            given_names=given_names,
        ),
    )

    assert response.status_code == 201, response.content
    assert Signal.objects.get().surname == surname


@pytest.mark.parametrize("user", ["privacy_officer_a", "admin_a", "police_privacy_officer"])
def test_roles_that_do_not_register_get_404(personas, user) -> None:
    response = post(api(getattr(personas, user)), body(personas.municipality_a))

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert Signal.objects.count() == 0


def test_session_registration_needs_no_token(personas, signed_in) -> None:
    response = post(signed_in(personas.school_member), body(personas.municipality_a))

    assert response.status_code == 201
    assert Signal.objects.get().registering_organisation == personas.school


def test_anonymous_gets_401(personas) -> None:
    assert Client().get(LIST).status_code == 401
    assert post(Client(), body(personas.municipality_a)).status_code == 401
