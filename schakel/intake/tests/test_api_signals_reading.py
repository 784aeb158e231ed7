"""The meldpunt API for signals: following the status in the list and per signal, who sees what."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.intake.choices import SignalStatus, SourceDomain
from schakel.intake.models import Signal
from schakel.intake.tests.factories import register
from schakel.intake.tests.signal_api_helpers import LIST, PROBLEM, api, detail

pytestmark = pytest.mark.django_db

PERSON_KEYS = {"given_names", "surname", "surname_prefix", "date_of_birth", "bsn", "address"}


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
    assert ids(client.get(LIST, {"sourceDomain": "safety"})) == {str(signals["lead_b"].pk)}
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

    # +3: the one write of the reads shown (claim, insert, chain head)
    with django_assert_max_num_queries(15):
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
    response = api(personas.lead_a).get(f"{LIST}/00000000-0000-0000-0000-000000000000")

    assert response.status_code == 404


def test_privacy_officer_reads_status_but_never_person_data(personas, signals) -> None:
    client = api(personas.privacy_officer_a)

    status = client.get(detail(signals["police_a"]))
    person = client.get(detail(signals["police_a"]), {"include": "person"})

    assert status.status_code == 200
    assert "person" not in status.json()
    assert person.status_code == 404


def test_expired_signal_keeps_status_but_has_no_person_data(personas, signals) -> None:
    from schakel.intake.tests.expiry_helpers import expire_signals

    expire_signals(now=timezone.now() + timedelta(days=800))

    response = api(personas.lead_a).get(detail(signals["police_a"]), {"include": "person"})

    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "expired"
    assert data["person"] is None
    assert data["observation"] is None
