"""The online research log over the API: the meldpunt records, the privacy officer reads."""

from typing import Any

import pytest
from django.test import Client

from schakel.accounts.models import User
from schakel.accounts.services import access_token_create
from schakel.audit.models import LogRecord
from schakel.intake.models import OnlineResearchEntry
from schakel.intake.tests.factories import register

pytestmark = pytest.mark.django_db

LIST = "/api/v1/online-research"
PROBLEM = "application/problem+json"
CONFIRMATIONS = (
    "confirms_no_fictitious_profile",
    "confirms_no_closed_groups",
    "confirms_no_systematic_following",
)


def api(user: User) -> Client:
    raw = access_token_create(user=user, name="Test", days=1)[1]
    return Client(headers={"Authorization": f"Bearer {raw}"})


def plan(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "purpose": "Nagaan of de oproepen tot geweld openbaar worden gedeeld.",
        "occasion": "Signaal van de school over berichten op sociale media.",
        "legal_basis": "public_order",
        "public_order_interest": "Mogelijke verstoring bij een demonstratie.",
        "subsidiarity": "Een gesprek is eerst geprobeerd; openbare bronnen zijn minst ingrijpend.",
        "person_surname": "Vlinderhaven",
        **dict.fromkeys(CONFIRMATIONS, True),
    }
    values.update(overrides)
    return values


def start(client: Client, data: dict[str, Any]) -> Any:
    return client.post(LIST, data, content_type="application/json")


def complete(client: Client, entry_id: str, **overrides: Any) -> Any:
    data = {
        "sources_consulted": "Openbaar profiel op een videoplatform.",
        "outcome": "nothing_found",
    }
    data.update(overrides)
    return client.post(f"{LIST}/{entry_id}/completion", data, content_type="application/json")


def errors(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


@pytest.fixture
def entry(personas) -> dict[str, Any]:
    response = start(api(personas.lead_a), plan())
    assert response.status_code == 201, response.content
    return dict(response.json())


def test_start_records_the_considerations(personas) -> None:
    signal = register(personas.school_member, residence=personas.municipality_a).signal

    response = start(api(personas.lead_a), plan(signal=str(signal.pk)))

    assert response.status_code == 201, response.content
    data = response.json()
    saved = OnlineResearchEntry.objects.get()
    assert data["id"] == str(saved.pk)
    assert data["signal"] == str(signal.pk)
    assert data["purpose"].startswith("Nagaan")
    assert data["completed_at"] is None
    assert data["outcome"] == ""
    assert data["recorded_by"].endswith(f"– Gemeente Aldermeer ({personas.municipality_a.mailbox})")
    assert personas.lead_a.full_name not in response.content.decode()
    assert all(data[name] is True for name in CONFIRMATIONS)


def test_without_the_three_confirmations_nothing_is_saved(personas) -> None:
    response = start(api(personas.lead_a), plan(**dict.fromkeys(CONFIRMATIONS, False)))

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    found = errors(response)
    assert set(found) == set(CONFIRMATIONS)
    assert found["confirms_no_closed_groups"] == ["Bevestig dit voordat u zoekt."]
    assert OnlineResearchEntry.objects.count() == 0


def test_missing_confirmations_and_purpose_are_400(personas) -> None:
    data = plan()
    for name in (*CONFIRMATIONS, "purpose"):
        del data[name]

    response = start(api(personas.lead_a), data)

    assert response.status_code == 400
    assert "purpose" in errors(response)
    assert OnlineResearchEntry.objects.count() == 0


def test_purpose_and_legal_basis_are_required(personas) -> None:
    response = start(api(personas.lead_a), plan(purpose="   ", legal_basis="gut_feeling"))

    assert response.status_code == 400
    assert {"purpose", "legal_basis"} <= set(errors(response))
    assert OnlineResearchEntry.objects.count() == 0


def test_a_signal_of_another_municipality_or_unknown_is_the_same_400(personas) -> None:
    other = register(personas.police_member, residence=personas.municipality_b).signal
    client = api(personas.lead_a)

    for signal in (str(other.pk), "00000000-0000-0000-0000-000000000000", "geen-id"):
        response = start(client, plan(signal=signal))

        assert response.status_code == 400
        assert errors(response) == {"signal": ["Kies een signaal van uw gemeente."]}
    assert OnlineResearchEntry.objects.count() == 0


@pytest.mark.parametrize("user", ["privacy_officer_a", "police_member", "admin_a", "outsider"])
def test_only_the_meldpunt_of_the_municipality_completes(personas, entry, user) -> None:
    response = complete(api(getattr(personas, user)), entry["id"])

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert OnlineResearchEntry.objects.get().completed_at is None


@pytest.mark.parametrize("user", ["privacy_officer_a", "police_member", "admin_a"])
def test_other_roles_cannot_start(personas, user) -> None:
    response = start(api(getattr(personas, user)), plan())

    assert response.status_code == 404
    assert OnlineResearchEntry.objects.count() == 0


def test_complete_with_nothing_found_and_a_second_time_is_409(personas, entry) -> None:
    client = api(personas.lead_a)

    response = complete(client, entry["id"])

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["outcome"] == "nothing_found"
    assert data["completed_at"] is not None
    assert data["sources_consulted"] == "Openbaar profiel op een videoplatform."

    again = complete(api(personas.colleague_a), entry["id"], outcome="found", outcome_summary="X")
    assert again.status_code == 409
    assert again["Content-Type"] == PROBLEM
    assert OnlineResearchEntry.objects.get().outcome == "nothing_found"


def test_found_needs_a_summary(personas, entry) -> None:
    response = complete(api(personas.lead_a), entry["id"], outcome="found")

    assert response.status_code == 400
    assert errors(response) == {"outcome_summary": ["Beschrijf wat is gevonden."]}
    assert OnlineResearchEntry.objects.get().completed_at is None


def test_privacy_officer_lists_metadata_and_reads_entries(personas, entry) -> None:
    client = api(personas.privacy_officer_a)

    listed = client.get(LIST)
    read = client.get(f"{LIST}/{entry['id']}")

    assert listed.status_code == 200
    [row] = listed.json()["results"]
    assert set(row) == {
        "id",
        "created_at",
        "legal_basis",
        "outcome",
        "completed_at",
        "signal",
        "recorded_by",
    }
    content = listed.content.decode()
    for text in ("Nagaan", "Signaal van de school", "demonstratie", "gesprek"):
        assert text not in content
    assert read.status_code == 200
    assert read.json()["purpose"].startswith("Nagaan")
    assert LogRecord.objects.filter(name="online_research_read").count() == 1


@pytest.mark.parametrize(
    "user", ["outsider", "lead_b", "police_member", "police_privacy_officer", "admin_a"]
)
def test_outside_the_municipality_lists_are_empty_and_entries_404(personas, entry, user) -> None:
    client = api(getattr(personas, user))

    assert client.get(LIST).json()["results"] == []
    response = client.get(f"{LIST}/{entry['id']}")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert not LogRecord.objects.filter(name="online_research_read").exists()


def test_list_query_count_does_not_grow(personas, django_assert_max_num_queries) -> None:
    client = api(personas.lead_a)
    for _ in range(4):
        assert start(client, plan()).status_code == 201
    client.get(LIST)

    with django_assert_max_num_queries(12):
        response = client.get(LIST)

    assert response.json()["count"] == 4
