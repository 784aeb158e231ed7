"""Managing a case over the API: participations, informing, reviews, reassessment,
monitoring, de-escalation and closure."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from schakel.api.tests.helpers import PROBLEM, assert_not_found, messages, post, url
from schakel.cases.choices import InformingStatus
from schakel.cases.models import Participation
from schakel.cases.tests.api_helpers import later

pytestmark = pytest.mark.django_db


def assert_conflict(response: Any) -> None:
    assert response.status_code == 409, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == "urn:schakel:problem:conflict"


# --- participations ----------------------------------------------------------------------------


def test_participations_are_listed_and_added_by_the_zvh(personas, api_client, case) -> None:
    client = api_client(personas.director)

    response = post(
        client,
        url("case-participations", case.pk),
        {"organisation": str(personas.school.pk), "kind": "structural"},
    )

    assert response.status_code == 201, response.content
    assert response.json()["organisation"]["name"] == "Scholengroep Noordkaap"
    assert response.json()["starts_on"] == timezone.localdate().isoformat()
    listed = client.get(url("case-participations", case.pk)).json()
    assert listed["count"] == 3
    # The school's members now see the case (structural participation).
    assert api_client(personas.school_member).get(url("case-detail", case.pk)).status_code == 200


def test_an_incidental_participation_needs_an_end_date(personas, api_client, case) -> None:
    response = post(
        api_client(personas.lead_a),
        url("case-participations", case.pk),
        {"organisation": str(personas.ggz.pk), "kind": "incidental"},
    )

    assert response.status_code == 400
    assert messages(response) == {"ends_on": ["Een incidentele deelname heeft een einddatum."]}
    assert case.participations.count() == 2


def test_an_organisation_outside_the_directory_reads_like_an_unknown_one(
    personas, api_client, case
) -> None:
    client = api_client(personas.lead_a)
    for value in (str(personas.zvh_other.pk), "00000000-0000-0000-0000-000000000000"):
        response = post(
            client,
            url("case-participations", case.pk),
            {"organisation": value, "kind": "structural"},
        )
        assert messages(response) == {"organisation": ["Kies een organisatie uit de partnergids."]}


def test_structural_partners_see_participations_but_may_not_add(personas, api_client, case) -> None:
    client = api_client(personas.police_member)

    assert client.get(url("case-participations", case.pk)).status_code == 200
    assert_not_found(
        post(client, url("case-participations", case.pk), {"organisation": "x", "kind": "y"})
    )


def test_ending_a_participation_ends_the_partners_access(personas, api_client, case) -> None:
    police = case.participations.get(organisation=personas.police)
    today = timezone.localdate().isoformat()
    partner = api_client(personas.police_member)

    response = post(
        api_client(personas.director), url("participation-end", police.pk), {"ends_on": today}
    )

    assert response.status_code == 200, response.content
    assert response.json()["ends_on"] == today
    assert partner.get(url("case-detail", case.pk)).status_code == 200  # still today
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert_not_found(partner.get(url("case-detail", case.pk)))


def test_a_participation_cannot_end_before_it_starts(personas, api_client, case) -> None:
    police = case.participations.get(organisation=personas.police)

    response = post(
        api_client(personas.director),
        url("participation-end", police.pk),
        {"ends_on": "2000-01-01"},
    )

    assert messages(response) == {"ends_on": ["De einddatum ligt vóór de begindatum."]}


# --- informing, review, reassessment, phases ---------------------------------------------------


def test_informing_deferred_needs_a_reason_and_a_date(personas, api_client, case) -> None:
    client = api_client(personas.lead_a)

    response = post(client, url("case-informing", case.pk), {"status": "deferred"})
    assert response.status_code == 400
    assert messages(response) == {
        "note": ["Licht toe waarom het informeren wordt uitgesteld."],
        "reconsider_on": ["Vul in wanneer het uitstel wordt heroverwogen."],
    }

    response = post(
        client,
        url("case-informing", case.pk),
        {
            "status": "deferred",
            "note": "Lopend strafrechtelijk onderzoek.",
            "reconsider_on": later(60),
        },
    )
    assert response.status_code == 200, response.content
    assert response.json()["informing_status"] == "deferred"
    assert response.json()["reconsider_informing_on"] == later(60)
    assert "Lopend" not in response.content.decode()  # the answer holds no free text
    case.refresh_from_db()
    assert case.informing_status == InformingStatus.DEFERRED


def test_informed_records_when_and_by_whom(personas, api_client, case) -> None:
    response = post(
        api_client(personas.director),
        url("case-informing", case.pk),
        {
            "status": "informed",
            "informed_on": timezone.localdate().isoformat(),
            "informed_by": str(personas.municipality_a.pk),
        },
    )

    assert response.status_code == 200, response.content
    assert response.json()["informed_by"]["name"] == "Gemeente Aldermeer"


def test_review_and_reassessment_dates(personas, api_client, case) -> None:
    client = api_client(personas.lead_a)

    review = post(client, url("case-review", case.pk), {"next_review_on": later(14)})
    assert review.status_code == 200
    assert review.json()["next_review_on"] == later(14)

    too_far = post(client, url("case-reassessment", case.pk), {"next_due_on": later(400)})
    assert messages(too_far) == {"next_due_on": ["Kies een datum na vandaag en binnen een jaar."]}
    ok = post(client, url("case-reassessment", case.pk), {"next_due_on": later(200)})
    assert ok.status_code == 200
    assert ok.json()["reassessment_due_on"] == later(200)
    assert ok.json()["last_reassessed_on"] == timezone.localdate().isoformat()


def test_missing_fields_are_named_in_dutch(personas, api_client, case) -> None:
    response = post(api_client(personas.lead_a), url("case-deescalation", case.pk), {})

    assert response.status_code == 400
    assert messages(response) == {
        "destination": ["Dit veld is vereist."],
        "aftercare_until": ["Dit veld is vereist."],
    }


def test_monitoring_then_deescalation_then_closure(personas, api_client, case) -> None:
    client = api_client(personas.director)

    monitoring = post(client, url("case-monitoring", case.pk))
    assert monitoring.status_code == 200
    assert monitoring.json()["phase"] == "monitoring"
    assert_conflict(post(client, url("case-monitoring", case.pk)))

    response = post(
        client,
        url("case-deescalation", case.pk),
        {"destination": "neighbourhood_team", "aftercare_until": later(90)},
    )
    assert response.status_code == 200
    assert response.json()["phase"] == "aftercare"
    assert response.json()["deescalation_destination"] == "neighbourhood_team"
    assert_conflict(
        post(
            client,
            url("case-deescalation", case.pk),
            {"destination": "none", "aftercare_until": later(90)},
        )
    )

    other = post(client, url("case-closure", case.pk), {"reason": "other"})
    assert messages(other) == {"note": ["Licht de reden van afsluiting toe."]}
    closed = post(client, url("case-closure", case.pk), {"reason": "goals_reached"})
    assert closed.status_code == 200
    assert closed.json()["phase"] == "closed"
    assert closed.json()["retention_starts_on"] == timezone.localdate().isoformat()
    assert not Participation.objects.filter(case=case, ends_on__isnull=True).exists()

    again = post(client, url("case-closure", case.pk), {"reason": "goals_reached"})
    assert_conflict(again)
    assert "afgesloten" in again.json()["detail"]
    assert_conflict(post(client, url("case-review", case.pk), {"next_review_on": None}))


def test_partners_at_the_table_may_not_change_the_case(personas, api_client, case) -> None:
    client = api_client(personas.police_member)

    assert_not_found(post(client, url("case-closure", case.pk), {"reason": "goals_reached"}))
    assert_not_found(post(client, url("case-closure", case.pk), {}))
    assert_not_found(post(client, url("case-monitoring", case.pk)))
