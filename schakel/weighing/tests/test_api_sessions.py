"""The weighing API's sessions: listed for the table without person data, scheduled by the
meldpunt, closed by the chair, and a person put on the agenda — scoped like the UI."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from schakel.api.tests.helpers import PROBLEM, assert_not_found, messages, post, url
from schakel.audit.models import LogRecord
from schakel.cases.tests.factories import (
    OUTSIDERS,
    arrangement_for,
    weighed_signal,
    weighing_session,
)
from schakel.intake.tests.factories import membership_of, register
from schakel.weighing.models import WeighingItem, WeighingSession
from schakel.weighing.services import session_close
from schakel.weighing.tests.api_helpers import PERSON_WORDS, decision_body

pytestmark = pytest.mark.django_db


def session_body(personas: Any, arrangement: Any, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "arrangement": str(arrangement.pk),
        "held_at": (timezone.now() + timedelta(days=3)).isoformat(),
        "participants": [
            str(personas.municipality_a.pk),
            str(personas.police.pk),
            str(personas.om.pk),
        ],
    }
    body.update(overrides)
    return body


# --- sessions ----------------------------------------------------------------------------------


def test_sessions_are_listed_for_the_table_without_person_data(personas, api_client) -> None:
    weighed = weighed_signal(personas)

    for persona in ("lead_a", "police_member", "om_member"):
        response = api_client(getattr(personas, persona)).get(url("weighing-session-list"))
        assert response.status_code == 200, persona
        [row] = response.json()["results"]
        assert row["id"] == str(weighed.session.pk)
        assert row["reference"] == weighed.session.reference
        assert row["status"] == "open"
        assert row["arrangement"]["name"] == weighed.session.arrangement.name
        for word in PERSON_WORDS:
            assert word not in response.content.decode()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_others_see_no_sessions_and_get_404_for_one(personas, api_client, persona) -> None:
    weighed = weighed_signal(personas)
    client = api_client(getattr(personas, persona))

    assert client.get(url("weighing-session-list")).json()["count"] == 0
    assert_not_found(client.get(url("weighing-session-detail", weighed.session.pk)))
    assert_not_found(post(client, url("weighing-session-close", weighed.session.pk)))
    assert_not_found(
        post(
            client,
            url("weighing-session-items", weighed.session.pk),
            {"signal": str(weighed.signal.pk)},
        )
    )
    assert_not_found(client.get(url("weighing-item-detail", weighed.item.pk)))
    assert_not_found(client.get(url("weighing-item-detail", weighed.item.pk) + "?include=person"))
    assert_not_found(post(client, url("weighing-item-decision", weighed.item.pk), decision_body()))
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == ""


def test_session_list_filters_on_status_and_refuses_unknown_values(personas, api_client) -> None:
    weighed = weighed_signal(personas)
    session_close(membership=membership_of(personas.lead_a), session=weighed.session)
    weighing_session(personas)
    client = api_client(personas.lead_a)

    closed = client.get(url("weighing-session-list"), {"status": "closed"}).json()
    assert [row["id"] for row in closed["results"]] == [str(weighed.session.pk)]
    assert client.get(url("weighing-session-list"), {"status": "ajar"}).status_code == 400
    assert client.get(url("weighing-session-list"), {"ordering": "chair"}).status_code == 400


def test_session_list_query_count_does_not_grow(
    personas, api_client, django_assert_max_num_queries
) -> None:
    for _ in range(5):
        weighing_session(personas)
    client = api_client(personas.lead_a)
    client.get(url("weighing-session-list"))

    with django_assert_max_num_queries(12):
        response = client.get(url("weighing-session-list"))

    assert response.json()["count"] == 5


def test_session_detail_shows_the_chair_as_function_and_items_without_person_data(
    personas, api_client
) -> None:
    weighed = weighed_signal(personas)

    response = api_client(personas.police_member).get(
        url("weighing-session-detail", weighed.session.pk)
    )

    assert response.status_code == 200
    data = response.json()
    assert data["chair"].endswith(f"– Gemeente Aldermeer ({personas.municipality_a.mailbox})")
    assert personas.lead_a.full_name not in response.content.decode()
    assert {p["name"] for p in data["participants"]} == {
        "Gemeente Aldermeer",
        "Politie-eenheid Noordkaap",
        "OM Arrondissement Noordkaap",
    }
    assert [item["id"] for item in data["items"]] == [str(weighed.item.pk)]
    assert data["may_add_items"] is False
    assert data["may_close"] is False
    for word in PERSON_WORDS:
        assert word not in response.content.decode()
    assert not LogRecord.objects.filter(name="weighing_item_read").exists()


def test_the_meldpunt_schedules_a_session(personas, api_client) -> None:
    weighed = weighed_signal(personas)  # creates the arrangement of Aldermeer
    arrangement = weighed.session.arrangement

    response = post(
        api_client(personas.lead_a),
        url("weighing-session-list"),
        session_body(personas, arrangement),
    )

    assert response.status_code == 201, response.content
    session = WeighingSession.objects.get(pk=response.json()["id"])
    assert session.chair == personas.lead_a
    assert set(session.participants.all()) == {
        personas.municipality_a,
        personas.police,
        personas.om,
    }


def test_scheduling_needs_police_and_om_with_a_dutch_message(personas, api_client) -> None:
    arrangement = weighed_signal(personas).session.arrangement
    body = session_body(
        personas, arrangement, participants=[str(personas.municipality_a.pk)], held_at="gisteren"
    )

    response = post(api_client(personas.lead_a), url("weighing-session-list"), body)

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert set(messages(response)) == {"held_at"}
    body["held_at"] = (timezone.now() + timedelta(days=1)).isoformat()
    response = post(api_client(personas.lead_a), url("weighing-session-list"), body)
    assert messages(response) == {
        "participants": ["Aan een weging nemen ten minste een gemeente, de politie en het OM deel."]
    }
    assert WeighingSession.objects.count() == 1


def test_an_unknown_arrangement_and_a_foreign_one_read_alike(personas, api_client) -> None:
    own = weighed_signal(personas).session.arrangement
    foreign = arrangement_for(personas.municipality_b)
    client = api_client(personas.lead_a)

    answers = [
        messages(
            post(client, url("weighing-session-list"), {**session_body(personas, own), **other})
        )
        for other in (
            {"arrangement": str(foreign.pk)},
            {"arrangement": "00000000-0000-0000-0000-000000000000"},
        )
    ]

    assert (
        answers[0]
        == answers[1]
        == {"arrangement": ["Kies een wegingsafspraak waarin u een weging mag plannen."]}
    )


def test_scheduling_is_404_for_who_may_plan_in_no_arrangement(personas, api_client) -> None:
    arrangement = weighed_signal(personas).session.arrangement

    for persona in ("police_member", "lead_b", "privacy_officer_a"):
        response = post(
            api_client(getattr(personas, persona)),
            url("weighing-session-list"),
            session_body(personas, arrangement),
        )
        assert_not_found(response)


def test_the_chair_closes_and_a_second_close_is_a_conflict(personas, api_client) -> None:
    weighed = weighed_signal(personas)
    client = api_client(personas.lead_a)

    assert_not_found(
        post(api_client(personas.police_member), url("weighing-session-close", weighed.session.pk))
    )
    response = post(client, url("weighing-session-close", weighed.session.pk))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "closed"

    again = post(client, url("weighing-session-close", weighed.session.pk))
    assert again.status_code == 409
    assert again["Content-Type"] == PROBLEM
    assert again.json()["type"] == "urn:schakel:problem:conflict"


def test_the_meldpunt_puts_a_resident_on_the_agenda(personas, api_client) -> None:
    session = weighing_session(personas)
    signal = register(personas.police_member, residence=personas.municipality_a).signal

    response = post(
        api_client(personas.lead_a),
        url("weighing-session-items", session.pk),
        {"signal": str(signal.pk)},
    )

    assert response.status_code == 201, response.content
    item = WeighingItem.objects.get(pk=response.json()["id"])
    assert item.session == session
    assert response.json()["directing_municipality"]["id"] == str(personas.municipality_a.pk)
    assert response.json()["outcome"] == ""


def test_a_signal_of_another_municipality_cannot_be_added(personas, api_client) -> None:
    session = weighing_session(personas)
    other = register(personas.lead_b, residence=personas.municipality_b).signal
    client = api_client(personas.lead_a)

    for value in (str(other.pk), "00000000-0000-0000-0000-000000000000", "iets"):
        response = post(client, url("weighing-session-items", session.pk), {"signal": value})
        assert response.status_code == 400
        assert messages(response) == {
            "signal": ["Dit signaal kan niet (meer) voor een weging worden aangemeld."]
        }


def test_adding_to_a_closed_session_is_a_conflict(personas, api_client) -> None:
    weighed = weighed_signal(personas)
    session_close(membership=membership_of(personas.lead_a), session=weighed.session)
    signal = register(personas.lead_a, residence=personas.municipality_a, surname="Veld").signal

    response = post(
        api_client(personas.lead_a),
        url("weighing-session-items", weighed.session.pk),
        {"signal": str(signal.pk)},
    )

    assert response.status_code == 409
    assert response.json()["type"] == "urn:schakel:problem:conflict"
