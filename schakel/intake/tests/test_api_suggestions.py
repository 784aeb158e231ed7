"""The meldpunt API for match suggestions: only municipal leads list, read and decide them."""

from typing import Any

import pytest
from django.test import Client

from schakel.accounts.models import User
from schakel.accounts.services import access_token_create
from schakel.audit.models import LogRecord
from schakel.intake.choices import SuggestionStatus
from schakel.intake.identity import identity_of
from schakel.intake.models import MatchSuggestion, Signal
from schakel.intake.tests.factories import VALID_BSN, register

pytestmark = pytest.mark.django_db

LIST = "/api/v1/match-suggestions"
PROBLEM = "application/problem+json"


def api(user: User) -> Client:
    raw = access_token_create(user=user, name="Test", days=1)[1]
    return Client(headers={"Authorization": f"Bearer {raw}"})


def detail(suggestion: MatchSuggestion) -> str:
    return f"{LIST}/{suggestion.pk}"


def decide(client: Client, suggestion: MatchSuggestion, decision: str) -> Any:
    return client.post(
        f"{detail(suggestion)}/decision", {"decision": decision}, content_type="application/json"
    )


@pytest.fixture
def same_municipality(personas) -> MatchSuggestion:
    """Police and school register the same resident of A (typo, missing prefix)."""
    register(
        personas.police_member,
        residence=personas.municipality_a,
        bsn=VALID_BSN,
        observation="Waarneming van de politie.",
    )
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
        observation="Waarneming van de school.",
    )
    [suggestion] = second.suggestions
    return suggestion


@pytest.fixture
def across_municipalities(personas) -> MatchSuggestion:
    """The earlier signal is Brookdam's (police), the new one Aldermeer's (school)."""
    register(
        personas.police_member,
        residence=personas.municipality_b,
        bsn=VALID_BSN,
        observation="Waarneming van de politie in Brookdam.",
    )
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname="Hogeveld",
        observation="Waarneming van de school in Aldermeer.",
    )
    [suggestion] = second.suggestions
    return suggestion


def ids(response: Any) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_lead_lists_the_suggestion_with_its_explanation(personas, same_municipality) -> None:
    response = api(personas.lead_a).get(LIST)

    [row] = response.json()["results"]
    assert row["id"] == str(same_municipality.pk)
    assert row["status"] == "open"
    assert row["score"] == same_municipality.score
    assert row["probability"] == pytest.approx(same_municipality.probability)
    assert row["band"] == "likely"
    assert row["explanation"] == same_municipality.explanation
    assert {p["part"] for p in row["explanation"]["parts"]} >= {
        "given_names",
        "surname",
        "date_of_birth",
    }
    assert row["signal"] == {
        "id": str(same_municipality.signal_id),
        "directing_municipality": {
            "id": str(personas.municipality_a.pk),
            "name": "Gemeente Aldermeer",
        },
    }
    assert row["earlier_signal"]["id"] == str(same_municipality.earlier_signal_id)
    content = response.content.decode()
    masked = f"******{VALID_BSN[-3:]}"
    for word in ("Daan", "Hoogeveld", "Hogeveld", "2004-03-17", "Waarneming", VALID_BSN, masked):
        assert word not in content
    assert not LogRecord.objects.filter(name="suggestion_read").exists()


@pytest.mark.parametrize(
    "user",
    [
        "lead_b",
        "outsider",
        "police_member",
        "school_member",
        "privacy_officer_a",
        "admin_a",
        "superuser",
    ],
)
def test_everyone_else_gets_an_empty_list_and_404s(personas, same_municipality, user) -> None:
    client = api(getattr(personas, user))

    assert ids(client.get(LIST)) == set()
    for response in (
        client.get(detail(same_municipality)),
        decide(client, same_municipality, "confirm"),
    ):
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
    assert MatchSuggestion.objects.get().status == SuggestionStatus.OPEN
    assert not LogRecord.objects.filter(name="suggestion_read").exists()


def test_both_leads_see_a_suggestion_across_municipalities(personas, across_municipalities):
    assert ids(api(personas.lead_a).get(LIST)) == {str(across_municipalities.pk)}
    assert ids(api(personas.lead_b).get(LIST)) == {str(across_municipalities.pk)}
    assert ids(api(personas.outsider).get(LIST)) == set()


def test_detail_shows_both_identities_with_masked_bsn(personas, same_municipality) -> None:
    response = api(personas.lead_a).get(detail(same_municipality))

    assert response.status_code == 200
    data = response.json()
    earlier, new = data["earlier_signal"], data["signal"]
    assert earlier["identity"] == {
        "given_names": "Daan Pieter",
        "surname_prefix": "van",
        "surname": "Hoogeveld",
        "date_of_birth": "2004-03-17",
        "birth_year": "",
        "age_estimate": "",
        "online_accounts": [],
        "sex": "",
        "bsn": f"******{VALID_BSN[-3:]}",
    }
    assert new["identity"]["surname"] == "Hogeveld"
    assert new["identity"]["bsn"] == ""
    assert VALID_BSN not in response.content.decode()
    assert earlier["directed_by_you"] is True
    assert earlier["observation"] == "Waarneming van de politie."
    assert earlier["registering_organisation"]["name"] == personas.police.name
    assert new["observation"] == "Waarneming van de school."
    assert LogRecord.objects.filter(name="suggestion_read").exists()


def test_other_municipalitys_signal_shows_identity_only(personas, across_municipalities) -> None:
    response = api(personas.lead_a).get(detail(across_municipalities))

    assert response.status_code == 200
    data = response.json()
    own, other = data["signal"], data["earlier_signal"]
    assert own["directed_by_you"] is True
    assert own["observation"] == "Waarneming van de school in Aldermeer."
    assert own["registering_organisation"]["name"] == personas.school.name
    assert other["directed_by_you"] is False
    assert set(other) == {"id", "directing_municipality", "identity", "directed_by_you"}
    assert other["identity"]["surname"] == "Hoogeveld"
    content = response.content.decode()
    assert "Brookdam." not in content
    assert personas.police.name not in content

    mirrored = api(personas.lead_b).get(detail(across_municipalities)).json()
    assert "observation" in mirrored["earlier_signal"]
    assert set(mirrored["signal"]) == {
        "id",
        "directing_municipality",
        "identity",
        "directed_by_you",
    }


def test_confirm_links_both_signals(personas, same_municipality) -> None:
    response = decide(api(personas.lead_a), same_municipality, "confirm")

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "confirmed"
    assert response.json()["decided_at"] is not None
    first = Signal.objects.get(pk=same_municipality.earlier_signal_id)
    second = Signal.objects.get(pk=same_municipality.signal_id)
    assert first.subject_id is not None
    assert first.subject_id == second.subject_id
    assert LogRecord.objects.filter(name="convergence_confirm").exists()


def test_reject_is_remembered(personas, same_municipality) -> None:
    response = decide(api(personas.colleague_a), same_municipality, "reject")

    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
    assert Signal.objects.filter(subject__isnull=False).count() == 0
    assert ids(api(personas.lead_a).get(LIST, {"status": "open"})) == set()
    assert ids(api(personas.lead_a).get(LIST, {"status": "rejected"})) == {
        str(same_municipality.pk)
    }


def test_a_second_decision_is_a_409(personas, same_municipality) -> None:
    assert decide(api(personas.lead_a), same_municipality, "confirm").status_code == 200

    response = decide(api(personas.colleague_a), same_municipality, "reject")

    assert response.status_code == 409
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 409
    assert "al afgehandeld" in problem["detail"]
    assert MatchSuggestion.objects.get().status == SuggestionStatus.CONFIRMED


def test_the_other_municipalitys_lead_may_decide(personas, across_municipalities) -> None:
    response = decide(api(personas.lead_b), across_municipalities, "confirm")

    assert response.status_code == 200


def test_a_confirmation_chooses_the_main_identity_per_field(personas, same_municipality):
    response = api(personas.lead_a).post(
        f"{detail(same_municipality)}/decision",
        {"decision": "confirm", "main_identity": {"surname": "signal"}},
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    subject = Signal.objects.get(pk=same_municipality.signal_id).subject
    assert subject is not None
    # The new signal's spelling, though the earlier one is more complete; aliases keep the other.
    assert identity_of(subject).surname == "Hogeveld"
    assert [a.text for a in identity_of(subject).aliases] == ["van Hoogeveld"]


def test_a_main_identity_choice_that_is_not_a_side_is_400(personas, same_municipality):
    response = api(personas.lead_a).post(
        f"{detail(same_municipality)}/decision",
        {"decision": "confirm", "main_identity": {"surname": "both"}},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert MatchSuggestion.objects.get().status == SuggestionStatus.OPEN


@pytest.mark.parametrize("payload", [{"decision": "maybe"}, {}, {"decision": True}])
def test_an_invalid_decision_is_400(personas, same_municipality, payload) -> None:
    response = api(personas.lead_a).post(
        f"{detail(same_municipality)}/decision", payload, content_type="application/json"
    )

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["decision"]
    assert MatchSuggestion.objects.get().status == SuggestionStatus.OPEN


def test_list_query_count_does_not_grow(
    personas, same_municipality, django_assert_max_num_queries
) -> None:
    for index in range(3):
        register(
            personas.police_member, residence=personas.municipality_a, address=f"Straat {index}"
        )
    client = api(personas.lead_a)
    client.get(LIST)

    # +3: the one write of the reads shown (claim, insert, chain head)
    with django_assert_max_num_queries(15):
        response = client.get(LIST)

    assert response.json()["count"] > 3


def test_ordering_and_invalid_filter(personas, same_municipality) -> None:
    client = api(personas.lead_a)

    assert client.get(LIST, {"ordering": "-created_at,score"}).status_code == 200
    assert client.get(LIST, {"ordering": "explanation"}).status_code == 400
    assert client.get(LIST, {"status": "maybe"}).status_code == 400
