"""The meldpunt API for signals: registering, following the status, and who sees what."""

import json
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from schakel.accounts.models import User
from schakel.accounts.services import access_token_create
from schakel.audit.models import LogRecord
from schakel.intake.choices import SignalStatus, SourceDomain
from schakel.intake.models import RelatedPerson, Signal
from schakel.intake.tests.factories import INVALID_BSN, VALID_BSN, phenomenon, register

pytestmark = pytest.mark.django_db

LIST = "/api/v1/signals/"
PROBLEM = "application/problem+json"
PERSON_KEYS = {"given_names", "surname", "surname_prefix", "date_of_birth", "bsn", "address"}


def api(user: User) -> Client:
    """A client with a personal access token of the user (the API's own way in)."""
    raw = access_token_create(user=user, name="Test", days=1)[1]
    return Client(headers={"Authorization": f"Bearer {raw}"})


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


def detail(signal: Signal) -> str:
    return f"{LIST}{signal.pk}/"


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


# --- the status list ---------------------------------------------------------------------------


def ids(response: Any) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def signals(personas) -> dict[str, Signal]:
    return {
        "police_a": register(personas.police_member, residence=personas.municipality_a).signal,
        "school_a": register(
            personas.school_member,
            residence=personas.municipality_a,
            given_names="Sem",
            surname="Wolkenveld",
        ).signal,
        "police_b": register(
            personas.police_member,
            residence=personas.municipality_b,
            given_names="Noor",
            surname="Zeegras",
        ).signal,
        "lead_b": register(
            personas.lead_b,
            residence=personas.municipality_b,
            given_names="Lotte",
            surname="Duinhaver",
        ).signal,
    }


def test_partners_see_only_their_own_organisations_signals(personas, signals) -> None:
    police = ids(api(personas.police_member).get(LIST))
    school = ids(api(personas.school_member).get(LIST))

    assert police == {str(signals["police_a"].pk), str(signals["police_b"].pk)}
    assert school == {str(signals["school_a"].pk)}


def test_meldpunt_sees_its_residents_signals_not_other_municipalities(personas, signals) -> None:
    lead_a = ids(api(personas.lead_a).get(LIST))
    lead_b = ids(api(personas.lead_b).get(LIST))

    assert lead_a == {str(signals["police_a"].pk), str(signals["school_a"].pk)}
    assert lead_b == {str(signals["police_b"].pk), str(signals["lead_b"].pk)}


def test_outsider_sees_an_empty_list(personas, signals) -> None:
    assert ids(api(personas.outsider).get(LIST)) == set()


def test_list_rows_hold_status_and_metadata_only(personas, signals) -> None:
    response = api(personas.lead_a).get(LIST)

    row = next(r for r in response.json()["results"] if r["id"] == str(signals["police_a"].pk))
    assert set(row) == {
        "id",
        "reference",
        "status",
        "status_changed_at",
        "created_at",
        "source_domain",
        "phenomenon",
        "urgency",
        "registering_organisation",
        "directing_municipality",
        "expires_at",
    }
    assert row["registering_organisation"] == {
        "id": str(personas.police.pk),
        "name": personas.police.name,
    }
    assert row["reference"] == signals["police_a"].reference
    content = response.content.decode()
    for word in ("Daan", "Hoogeveld", "2004-03-17", "goedpraten"):
        assert word not in content
    assert not LogRecord.objects.filter(name="signal_read").exists()


def test_privacy_officer_list_is_metadata_without_person_data(personas, signals) -> None:
    response = api(personas.privacy_officer_a).get(LIST)

    assert ids(response) == {str(signals["police_a"].pk), str(signals["school_a"].pk)}
    content = response.content.decode()
    for row in response.json()["results"]:
        assert not PERSON_KEYS & set(row)
        assert "person" not in row
        assert "observation" not in row
    for word in ("Daan", "Sem", "Hoogeveld", "2004-03-17", "goedpraten"):
        assert word not in content


def test_filters_and_ordering(personas, signals) -> None:
    client = api(personas.lead_b)
    Signal.objects.filter(pk=signals["lead_b"].pk).update(
        status=SignalStatus.UNDER_REVIEW, source_domain=SourceDomain.SAFETY
    )

    assert ids(client.get(LIST, {"status": "under_review"})) == {str(signals["lead_b"].pk)}
    assert ids(client.get(LIST, {"source_domain": "safety"})) == {str(signals["lead_b"].pk)}
    oldest_first = client.get(LIST, {"ordering": "created_at"}).json()["results"]
    assert [r["id"] for r in oldest_first] == [
        str(signals["police_b"].pk),
        str(signals["lead_b"].pk),
    ]
    for bad in ({"status": "gone"}, {"ordering": "surname"}):
        response = client.get(LIST, bad)
        assert response.status_code == 400
        assert response["Content-Type"] == PROBLEM


def test_list_query_count_does_not_grow(personas, django_assert_max_num_queries) -> None:
    for index in range(6):
        register(
            personas.police_member,
            residence=personas.municipality_a,
            given_names=f"P{chr(97 + index)}",
        )
    client = api(personas.lead_a)
    client.get(LIST)  # token, memberships: warm up the session-independent parts

    with django_assert_max_num_queries(12):
        response = client.get(LIST)

    assert response.json()["count"] == 6


# --- one signal --------------------------------------------------------------------------------


def test_status_view_has_no_person_data_and_logs_no_read(personas, signals) -> None:
    response = api(personas.police_member).get(detail(signals["police_a"]))

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == str(signals["police_a"].pk)
    assert data["known_at"] == []
    assert "person" not in data
    assert "observation" not in data
    assert "Hoogeveld" not in response.content.decode()
    assert not LogRecord.objects.filter(name="signal_read").exists()


def test_include_person_reads_person_data_and_logs_it(personas, signals) -> None:
    register(personas.school_member, residence=personas.municipality_a, surname_prefix="")

    response = api(personas.lead_a).get(detail(signals["police_a"]), {"include": "person"})

    assert response.status_code == 200
    data = response.json()
    assert data["person"]["given_names"] == "Daan Pieter"
    assert data["person"]["surname_prefix"] == "van"
    assert data["person"]["date_of_birth"] == "2004-03-17"
    assert data["person"]["related_persons"] == []
    assert data["observation"]["observation"].startswith("Deelt op school")
    assert data["observation"]["observation_category"] == "ordinary"
    # The meldpunt sees the suggestion itself; "known at" is only for the registering side.
    assert data["known_at"] == []
    assert LogRecord.objects.filter(name="signal_read").exists()


def test_invalid_include_is_400(personas, signals) -> None:
    response = api(personas.lead_a).get(detail(signals["police_a"]), {"include": "everything"})

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["include"]


@pytest.mark.parametrize(
    ("user", "signal"),
    [
        ("outsider", "police_a"),
        ("school_member", "police_a"),  # partner A cannot read partner B's signal
        ("police_member", "school_a"),
        ("lead_b", "police_a"),  # the other municipality's lead: not their resident
        ("lead_a", "lead_b"),
        ("privacy_officer_a", "police_b"),
        ("admin_a", "school_a"),
    ],
)
def test_signals_one_may_not_see_are_404(personas, signals, user, signal) -> None:
    client = api(getattr(personas, user))

    for query in ({}, {"include": "person"}):
        response = client.get(detail(signals[signal]), query)
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
        assert response.json()["type"] == "urn:schakel:problem:not-found"
    assert not LogRecord.objects.filter(name="signal_read").exists()


def test_unknown_signal_is_404(personas) -> None:
    response = api(personas.lead_a).get(f"{LIST}00000000-0000-0000-0000-000000000000/")

    assert response.status_code == 404


def test_privacy_officer_reads_status_but_never_person_data(personas, signals) -> None:
    client = api(personas.privacy_officer_a)

    status = client.get(detail(signals["police_a"]))
    person = client.get(detail(signals["police_a"]), {"include": "person"})

    assert status.status_code == 200
    assert "person" not in status.json()
    assert person.status_code == 404


def test_expired_signal_keeps_status_but_has_no_person_data(personas, signals) -> None:
    from schakel.intake.expiry import signals_expire

    signals_expire(now=timezone.now() + timedelta(days=800))

    response = api(personas.lead_a).get(detail(signals["police_a"]), {"include": "person"})

    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "expired"
    assert data["person"] is None
    assert data["observation"] is None
