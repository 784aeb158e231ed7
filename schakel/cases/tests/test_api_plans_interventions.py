"""The action-plan API's interventions: adding, changing and removing them, and their owners'
progress (with the revision), which an owner reports without seeing the case."""

import pytest

from schakel.api.tests.helpers import (
    assert_conflict,
    assert_not_found,
    messages,
    patch,
    post,
    put,
    url,
)
from schakel.audit.models import LogRecord
from schakel.cases.choices import InterventionStatus, PlanVersionStatus
from schakel.cases.models import ActionPlanVersion, Intervention
from schakel.cases.tests.api_helpers import intervention_body, plan_body
from schakel.cases.tests.factories import participating, planned_intervention
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


# --- interventions -----------------------------------------------------------------------------


def test_the_zvh_adds_an_intervention(personas, api_client, case) -> None:
    response = post(
        api_client(personas.director),
        url("case-interventions", case.pk),
        intervention_body(personas),
    )

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["owner"]["name"] == "Politie-eenheid Noordkaap"
    assert data["status"] == "planned"
    assert data["revision"] == 1
    assert data["may_change"] is True
    assert data["may_update_progress"] is False
    assert ActionPlanVersion.objects.get().number == 1  # the first edit makes a draft


def test_an_intervention_needs_a_description_and_ordered_dates(personas, api_client, case) -> None:
    body = intervention_body(personas, description="", due_on="2000-01-01")

    response = post(api_client(personas.director), url("case-interventions", case.pk), body)

    assert response.status_code == 400
    assert messages(response) == {
        "description": ["Beschrijf de interventie."],
        "due_on": ["De einddatum ligt vóór de startdatum."],
    }
    assert not Intervention.objects.exists()


def test_lists_hold_no_description_and_do_not_grow_in_queries(
    personas, api_client, case, django_assert_max_num_queries
) -> None:
    director = membership_of(personas.director)
    for days in range(6):
        planned_intervention(
            director,
            case,
            kind="administrative",
            owner=personas.municipality_a,
            description="Geheime omschrijving",
            days=days,
        )
    client = api_client(personas.director)
    client.get(url("intervention-list"))

    # 12 to answer, and one read record per person on the page in one write (claim, insert,
    # chain head).
    with django_assert_max_num_queries(15):
        response = client.get(url("intervention-list"))

    assert response.json()["count"] == 6
    assert "Geheime" not in response.content.decode()
    row = response.json()["results"][0]
    assert row["case"] == {"id": str(case.pk), "reference": case.reference}
    assert row["overdue"] is False
    with django_assert_max_num_queries(17):
        per_case = client.get(url("case-interventions", case.pk))
    assert per_case.json()["count"] == 6
    assert client.get(url("intervention-list"), {"status": "done"}).status_code == 400
    assert client.get(url("intervention-list"), {"owner": "x"}).status_code == 400


def test_the_owner_sees_its_intervention_without_seeing_the_case(
    personas, api_client, case
) -> None:
    # The owner is at the table (incidentally).
    participating(personas, case, personas.ggz, "incidental", ends_in=30)
    owned = planned_intervention(
        membership_of(personas.director),
        case,
        kind="care",
        owner=personas.ggz,
        description="Traject bij de GGZ.",
    )
    client = api_client(personas.ggz_member)

    listed = client.get(url("intervention-list")).json()
    assert [row["id"] for row in listed["results"]] == [str(owned.pk)]
    detail = client.get(url("intervention-detail", owned.pk))
    assert detail.status_code == 200
    assert detail.json()["description"] == "Traject bij de GGZ."
    assert detail.json()["may_update_progress"] is True
    assert LogRecord.objects.filter(name="intervention_read").exists()
    assert_not_found(client.get(url("case-detail", case.pk)))
    assert_not_found(client.get(url("case-interventions", case.pk)))


def test_the_owner_reports_progress_with_the_revision(personas, api_client, intervention) -> None:
    client = api_client(personas.police_member)

    no_outcome = post(
        client,
        url("intervention-progress", intervention.pk),
        {"status": "completed", "revision": 1},
    )
    assert messages(no_outcome) == {"outcome": ["Beschrijf het resultaat."]}

    response = post(
        client,
        url("intervention-progress", intervention.pk),
        {"status": "in_progress", "outcome": "Eerste gesprek gevoerd.", "revision": 1},
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_progress"
    assert response.json()["outcome"] == "Eerste gesprek gevoerd."
    assert response.json()["revision"] == 2

    stale = post(
        client,
        url("intervention-progress", intervention.pk),
        {"status": "completed", "outcome": "Klaar.", "revision": 1},
    )
    data = assert_conflict(stale)
    assert data["saved"] is False
    assert data["current_revision"] == 2
    intervention.refresh_from_db()
    assert intervention.status == InterventionStatus.IN_PROGRESS


def test_only_the_owner_reports_progress(personas, api_client, intervention) -> None:
    response = post(
        api_client(personas.om_member),
        url("intervention-progress", intervention.pk),
        {"status": "in_progress", "revision": 1},
    )

    assert_not_found(response)


def test_a_definition_change_keeps_what_is_left_out(personas, api_client, intervention) -> None:
    client = api_client(personas.lead_a)

    response = patch(
        client,
        url("intervention-detail", intervention.pk),
        {"owner": str(personas.om.pk), "revision": 1},
    )

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["owner"]["name"] == "OM Arrondissement Noordkaap"
    assert data["description"] == "Gesprekken met de wijkagent over het forum."
    assert data["revision"] == 2
    assert_conflict(
        patch(client, url("intervention-detail", intervention.pk), {"kind": "other", "revision": 1})
    )
    intervention.refresh_from_db()
    assert intervention.kind == "care"


def test_the_owner_may_not_change_the_definition(personas, api_client, intervention) -> None:
    response = patch(
        api_client(personas.police_member),
        url("intervention-detail", intervention.pk),
        {"description": "Anders", "revision": 1},
    )

    assert_not_found(response)


def test_removal_takes_it_out_of_the_plan(personas, api_client, case, intervention) -> None:
    client = api_client(personas.director)

    response = post(client, url("intervention-removal", intervention.pk), {"revision": 1})

    assert response.status_code == 200, response.content
    assert response.json()["removed"] is True
    assert client.get(url("case-interventions", case.pk)).json()["count"] == 0
    again = post(client, url("intervention-removal", intervention.pk), {"revision": 2})
    assert_conflict(again)
    assert_conflict(
        post(
            api_client(personas.police_member),
            url("intervention-progress", intervention.pk),
            {"status": "in_progress", "revision": 2},
        )
    )


def test_a_revision_is_required(personas, api_client, intervention) -> None:
    response = post(api_client(personas.director), url("intervention-removal", intervention.pk))

    assert messages(response) == {"revision": ["Dit veld is vereist."]}


def test_draft_status_is_reported(personas, api_client, case) -> None:
    put(api_client(personas.director), url("case-plan", case.pk), plan_body(None))

    versions = api_client(personas.lead_a).get(url("plan-version-list", case.pk)).json()

    assert versions["results"][0]["status"] == PlanVersionStatus.DRAFT
