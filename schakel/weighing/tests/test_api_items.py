"""The weighing API's items: the status, the person on request (a logged read) and the decision,
scoped like the UI; the criteria list, and no call without authentication."""

import pytest
from django.test import Client

from schakel.api.tests.helpers import PROBLEM, assert_not_found, messages, post, url
from schakel.audit.models import LogRecord
from schakel.cases.models import Case
from schakel.cases.tests.factories import weighed_signal
from schakel.intake.tests.factories import membership_of
from schakel.weighing.choices import SessionStatus, WeighingOutcome
from schakel.weighing.models import WeighingSession
from schakel.weighing.selectors import active_criteria
from schakel.weighing.services import session_close
from schakel.weighing.tests.api_helpers import PERSON_WORDS, decision_body

pytestmark = pytest.mark.django_db


# --- items -------------------------------------------------------------------------------------


def test_item_status_has_no_person_data_and_logs_no_read(personas, api_client) -> None:
    weighed = weighed_signal(personas)

    response = api_client(personas.police_member).get(url("weighing-item-detail", weighed.item.pk))

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == str(weighed.item.pk)
    assert data["session"] == str(weighed.session.pk)
    assert data["outcome"] == ""
    assert data["case"] is None
    assert data["may_decide"] is False
    for key in ("person", "signals", "justification", "criteria"):
        assert key not in data
    for word in PERSON_WORDS:
        assert word not in response.content.decode()
    assert not LogRecord.objects.filter(name="weighing_item_read").exists()


def test_include_person_adds_the_person_and_signals_and_logs_the_read(personas, api_client) -> None:
    weighed = weighed_signal(personas)

    response = api_client(personas.om_member).get(
        url("weighing-item-detail", weighed.item.pk), {"include": "person"}
    )

    assert response.status_code == 200
    data = response.json()
    assert data["person"]["surname"] == "Hoogeveld"
    assert data["person"]["date_of_birth"] == "2004-03-17"
    assert [s["id"] for s in data["signals"]] == [str(weighed.signal.pk)]
    assert "goedpraten" in data["signals"][0]["observation"]
    assert data["justification"] is None
    assert data["criteria"] == []
    assert LogRecord.objects.filter(name="weighing_item_read", activity_id="weighing").exists()


def test_any_other_include_is_a_400(personas, api_client) -> None:
    weighed = weighed_signal(personas)

    response = api_client(personas.lead_a).get(
        url("weighing-item-detail", weighed.item.pk), {"include": "everything"}
    )

    assert response.status_code == 400
    assert set(messages(response)) == {"include"}


def test_including_opens_a_case_with_the_directing_municipality(personas, api_client) -> None:
    weighed = weighed_signal(personas)

    response = post(
        api_client(personas.lead_a),
        url("weighing-item-decision", weighed.item.pk),
        decision_body(),
    )

    assert response.status_code == 200, response.content
    case = Case.objects.get(opened_from=weighed.item)
    data = response.json()
    assert data["outcome"] == "include"
    assert data["case"] == str(case.pk)
    assert data["decided_at"]
    assert case.directing_municipality == personas.municipality_a
    assert case.process_director == personas.director
    assert "justification" not in data


def test_a_decision_without_justification_or_criteria_is_refused_in_dutch(
    personas, api_client
) -> None:
    weighed = weighed_signal(personas)

    response = post(
        api_client(personas.lead_a),
        url("weighing-item-decision", weighed.item.pk),
        {"outcome": "include", "justification": "  ", "criteria": []},
    )

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert messages(response) == {
        "justification": [
            "Onderbouw de noodzaak, proportionaliteit en subsidiariteit van het besluit."
        ],
        "criteria": ["Geef aan welke criteria zijn overwogen."],
    }
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == ""
    assert not Case.objects.exists()


def test_reweigh_needs_a_date_and_criteria_are_named_once(personas, api_client) -> None:
    weighed = weighed_signal(personas)
    criterion = str(active_criteria()[0].pk)
    client = api_client(personas.lead_a)

    response = post(
        client,
        url("weighing-item-decision", weighed.item.pk),
        decision_body(outcome="reweigh"),
    )
    assert messages(response) == {
        "follow_up_on": ["Vul de datum in waarop de weging een vervolg krijgt."]
    }

    twice = [{"criterion": criterion, "note": ""}, {"criterion": criterion, "note": "x"}]
    response = post(
        client, url("weighing-item-decision", weighed.item.pk), decision_body(criteria=twice)
    )
    assert messages(response) == {"criteria": ["Noem elk criterium één keer."]}


def test_an_unknown_process_director_is_refused(personas, api_client) -> None:
    weighed = weighed_signal(personas)

    response = post(
        api_client(personas.lead_a),
        url("weighing-item-decision", weighed.item.pk),
        decision_body(process_director=str(personas.director_other.pk)),
    )

    assert messages(response) == {
        "process_director": ["Kies een procesregisseur van het Zorg- en Veiligheidshuis."]
    }


def test_a_second_decision_is_a_conflict_and_changes_nothing(personas, api_client) -> None:
    weighed = weighed_signal(personas)
    client = api_client(personas.lead_a)
    first = post(
        client,
        url("weighing-item-decision", weighed.item.pk),
        decision_body(outcome=WeighingOutcome.NO_ACTION),
    )
    assert first.status_code == 200

    again = post(client, url("weighing-item-decision", weighed.item.pk), decision_body())

    assert again.status_code == 409
    assert again["Content-Type"] == PROBLEM
    assert again.json()["type"] == "urn:schakel:problem:conflict"
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == WeighingOutcome.NO_ACTION
    assert not Case.objects.exists()


def test_participants_who_do_not_decide_get_404_on_the_decision(personas, api_client) -> None:
    weighed = weighed_signal(personas)

    response = post(
        api_client(personas.police_member),
        url("weighing-item-decision", weighed.item.pk),
        decision_body(),
    )

    assert_not_found(response)


def test_after_closing_participants_no_longer_see_the_item(personas, api_client) -> None:
    weighed = weighed_signal(personas)
    session_close(membership=membership_of(personas.lead_a), session=weighed.session)

    assert_not_found(
        api_client(personas.police_member).get(url("weighing-item-detail", weighed.item.pk))
    )
    response = api_client(personas.lead_a).get(url("weighing-item-detail", weighed.item.pk))
    assert response.status_code == 200
    assert WeighingSession.objects.get().status == SessionStatus.CLOSED


def test_criteria_are_listed_for_any_signed_in_user(
    personas, api_client, django_assert_max_num_queries
) -> None:
    client = api_client(personas.police_member)
    client.get(url("weighing-criterion-list"))

    with django_assert_max_num_queries(10):
        response = client.get(url("weighing-criterion-list"))

    assert response.status_code == 200
    names = [row["name"] for row in response.json()["results"]]
    assert names == [c.name for c in active_criteria()]
    assert len(names) >= 4


def test_unauthenticated_calls_get_401(personas) -> None:
    response = Client().get(url("weighing-session-list"))

    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
