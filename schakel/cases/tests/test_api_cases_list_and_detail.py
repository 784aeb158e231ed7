"""The case API's list and detail, scoped like the UI: metadata in the list, the person in
the detail (a logged read), 404 for everyone else, and query counts that do not grow."""

import pytest

from schakel.api.tests.helpers import assert_not_found, messages, post, url
from schakel.audit.models import LogRecord
from schakel.cases.choices import CasePhase, ClosureReason
from schakel.cases.lifecycle_services import case_close
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.tests.api_helpers import later
from schakel.cases.tests.factories import (
    OUTSIDERS,
    invite,
    on_agenda,
    open_case,
    planned_intervention,
)
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


FULL_ACCESS = ["lead_a", "colleague_a", "director", "police_member", "om_member"]
PERSON_WORDS = ("Daan", "Hoogeveld", "2004-03-17")


# --- list and detail ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", FULL_ACCESS)
def test_the_case_list_is_metadata_for_whoever_sees_the_case(
    personas, api_client, case, persona
) -> None:
    response = api_client(getattr(personas, persona)).get(url("case-list"))

    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row == {
        "id": str(case.pk),
        "reference": case.reference,
        "phase": "consultation",
        "opened_at": row["opened_at"],
        "next_review_on": None,
        "reassessment_due_on": case.reassessment_due_on.isoformat(),
        "closed_at": None,
        "directing_municipality": {
            "id": str(personas.municipality_a.pk),
            "name": "Gemeente Aldermeer",
        },
        "zvh": {"id": str(personas.zvh.pk), "name": "ZVH Noordkaap"},
    }
    for word in PERSON_WORDS:
        assert word not in response.content.decode()
    assert not LogRecord.objects.filter(name="case_read").exists()


@pytest.mark.parametrize("persona", [*OUTSIDERS, "ggz_member", "superuser"])
def test_others_see_no_case_and_get_404_for_everything_about_it(
    personas, api_client, case, persona
) -> None:
    client = api_client(getattr(personas, persona))
    participation = case.participations.first()

    assert client.get(url("case-list")).json()["count"] == 0
    assert_not_found(client.get(url("case-detail", case.pk)))
    assert_not_found(client.get(url("case-participations", case.pk)))
    assert_not_found(
        post(
            client,
            url("case-participations", case.pk),
            {"organisation": str(personas.ggz.pk), "kind": "structural"},
        )
    )
    assert_not_found(
        post(client, url("participation-end", participation.pk), {"ends_on": later(1)})
    )
    assert_not_found(post(client, url("case-informing", case.pk), {"status": "undecided"}))
    assert_not_found(post(client, url("case-reassessment", case.pk), {"next_due_on": later(30)}))
    assert_not_found(post(client, url("case-review", case.pk), {"next_review_on": None}))
    assert_not_found(post(client, url("case-monitoring", case.pk)))
    assert_not_found(
        post(
            client,
            url("case-deescalation", case.pk),
            {"destination": "none", "aftercare_until": later(30)},
        )
    )
    assert_not_found(post(client, url("case-closure", case.pk), {"reason": "goals_reached"}))
    case.refresh_from_db()
    assert case.phase == CasePhase.CONSULTATION
    assert not LogRecord.objects.filter(name="case_read").exists()


def test_the_case_detail_holds_the_person_and_logs_the_read(personas, api_client, case) -> None:
    response = api_client(personas.police_member).get(url("case-detail", case.pk))

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["person"]["given_names"] == "Daan Pieter"
    assert data["person"]["surname"] == "Hoogeveld"
    assert data["person"]["date_of_birth"] == "2004-03-17"
    assert data["process_director"].endswith(f"– ZVH Noordkaap ({personas.zvh.mailbox})")
    assert personas.director.full_name not in response.content.decode()
    assert {(p["organisation"]["name"], p["kind"]) for p in data["participations"]} == {
        ("Politie-eenheid Noordkaap", "structural"),
        ("OM Arrondissement Noordkaap", "structural"),
    }
    assert data["informing_status"] == "undecided"
    assert data["plan_versions"] == []
    assert data["interventions"] == []
    assert data["may_manage"] is False
    record = LogRecord.objects.get(name="case_read")
    assert record.activity_id == "case_consultation"


def test_the_directing_lead_may_manage(personas, api_client, case) -> None:
    data = api_client(personas.lead_a).get(url("case-detail", case.pk)).json()

    assert data["may_manage"] is True
    assert data["may_edit_plan"] is True


def test_an_incidental_partner_sees_the_item_but_never_the_case(personas, api_client, case) -> None:
    item = on_agenda(personas, case)
    invite(personas, item, personas.ggz)
    meeting_acknowledge(membership=membership_of(personas.ggz_member), meeting=item.meeting)
    client = api_client(personas.ggz_member)

    assert client.get(url("agenda-item-detail", item.pk)).status_code == 200
    assert_not_found(client.get(url("case-detail", case.pk)))
    assert client.get(url("case-list")).json()["count"] == 0


def test_a_closed_case_is_gone_for_partners_but_not_for_the_lead(
    personas, api_client, case
) -> None:
    case_close(
        membership=membership_of(personas.lead_a), case=case, reason=ClosureReason.GOALS_REACHED
    )

    assert_not_found(api_client(personas.police_member).get(url("case-detail", case.pk)))
    assert api_client(personas.lead_a).get(url("case-detail", case.pk)).status_code == 200


def test_list_filters_on_phase_and_orders_strictly(personas, api_client, case) -> None:
    other = open_case(personas, given_names="Ilse", surname="Brandsma")
    case_close(
        membership=membership_of(personas.lead_a), case=other, reason=ClosureReason.GOALS_REACHED
    )
    client = api_client(personas.lead_a)

    closed = client.get(url("case-list"), {"phase": "closed"}).json()["results"]
    assert [row["id"] for row in closed] == [str(other.pk)]
    ordered = client.get(url("case-list"), {"ordering": "opened_at"}).json()["results"]
    assert [row["id"] for row in ordered] == [str(case.pk), str(other.pk)]
    assert client.get(url("case-list"), {"phase": "open"}).status_code == 400
    response = client.get(url("case-list"), {"ordering": "subject"})
    assert response.status_code == 400
    assert set(messages(response)) == {"ordering"}


def test_case_list_query_count_does_not_grow(
    personas, api_client, django_assert_max_num_queries
) -> None:
    for name in ("Anna", "Bram", "Cato", "Daan", "Eva"):
        open_case(personas, given_names=name, surname=f"{name}sen")
    client = api_client(personas.director)
    client.get(url("case-list"))

    with django_assert_max_num_queries(12):
        response = client.get(url("case-list"))

    assert response.json()["count"] == 5


def test_case_detail_query_count_does_not_grow_with_interventions(
    personas, api_client, case, django_assert_max_num_queries
) -> None:
    director = membership_of(personas.director)
    for days in range(5):
        planned_intervention(
            director, case, kind="care", owner=personas.police, description="Gesprekken", days=days
        )
    client = api_client(personas.director)
    client.get(url("case-detail", case.pk))

    with django_assert_max_num_queries(30):
        response = client.get(url("case-detail", case.pk))

    assert len(response.json()["interventions"]) == 5
