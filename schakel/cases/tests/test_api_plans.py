"""The action-plan API: versions, editing with optimistic concurrency (a conflict saves nothing
and says where the plan stands), interventions and their owners' progress."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.api.tests import conftest as api_fixtures
from schakel.audit.models import LogRecord
from schakel.cases.choices import ClosureReason, InterventionStatus, LifeDomain, PlanVersionStatus
from schakel.cases.models import ActionPlanVersion, Case, Intervention
from schakel.cases.plan_services import (
    InterventionInput,
    PlanInput,
    intervention_add,
    plan_adopt,
    plan_update,
)
from schakel.cases.services import ParticipationInput, case_close, participation_add
from schakel.cases.tests.factories import on_agenda, open_case
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db

# The API tests' token fixtures (a client per persona), shared with this module.
api_client = api_fixtures.api_client
token_for = api_fixtures.token_for

PROBLEM = "application/problem+json"
OUTSIDERS = [
    "lead_b",
    "outsider",
    "director_other",
    "school_member",
    "privacy_officer_a",
    "admin_a",
]


def url(name: str, *args: Any) -> str:
    return reverse(f"v1:{name}", args=args)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(path, data or {}, content_type="application/json")


def put(client: Client, path: str, data: Any) -> Any:
    return client.put(path, data, content_type="application/json")


def patch(client: Client, path: str, data: Any) -> Any:
    return client.patch(path, data, content_type="application/json")


def messages(response: Any) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def assert_not_found(response: Any) -> None:
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"] == "urn:schakel:problem:not-found"


def assert_conflict(response: Any) -> dict[str, Any]:
    assert response.status_code == 409, response.content
    assert response["Content-Type"] == PROBLEM
    data: dict[str, Any] = response.json()
    assert data["type"] == "urn:schakel:problem:conflict"
    return data


def analysis(**texts: str) -> dict[str, str]:
    return {domain.value: texts.get(domain.value, "") for domain in LifeDomain}


def plan_body(version: ActionPlanVersion | None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "analysis": analysis(housing="Woont bij ouders.", online="Actief op een forum."),
        "goals": "Afstand tot de groep; school afmaken.",
        "based_on_version": str(version.pk) if version else None,
        "based_on_revision": version.revision if version else None,
    }
    body.update(overrides)
    return body


def intervention_body(personas: Any, **overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    body: dict[str, Any] = {
        "kind": "care",
        "owner": str(personas.police.pk),
        "life_domain": "online",
        "description": "Gesprekken met de wijkagent over het forum.",
        "starts_on": today.isoformat(),
        "due_on": (today + timedelta(days=30)).isoformat(),
    }
    body.update(overrides)
    return body


@pytest.fixture
def case(personas) -> Case:
    return open_case(personas)


@pytest.fixture
def intervention(personas, case) -> Intervention:
    return intervention_add(
        membership=membership_of(personas.director),
        case=case,
        data=InterventionInput(
            kind="care",
            owner=personas.police,
            life_domain="online",
            description="Gesprekken met de wijkagent over het forum.",
            starts_on=timezone.localdate(),
            due_on=timezone.localdate() + timedelta(days=30),
        ),
    )


# --- the plan ----------------------------------------------------------------------------------


def test_the_first_edit_makes_version_one(personas, api_client, case) -> None:
    response = put(api_client(personas.director), url("case-plan", case.pk), plan_body(None))

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["number"] == 1
    assert data["status"] == "draft"
    assert data["analysis"]["housing"] == "Woont bij ouders."
    assert data["analysis"]["education"] is None
    assert data["goals"].startswith("Afstand")
    version = ActionPlanVersion.objects.get()
    assert data["revision"] == version.revision
    assert LogRecord.objects.filter(name="plan_updated").exists()


def test_an_outdated_edit_is_refused_and_nothing_is_saved(personas, api_client, case) -> None:
    client = api_client(personas.director)
    first = put(client, url("case-plan", case.pk), plan_body(None)).json()
    version = ActionPlanVersion.objects.get()
    # Someone else saves in between.
    second = put(
        api_client(personas.lead_a),
        url("case-plan", case.pk),
        plan_body(version, goals="Doelen van de gemeente."),
    )
    assert second.status_code == 200

    stale = plan_body(None, goals="Mijn versie van de doelen.")
    stale["based_on_version"] = first["id"]
    stale["based_on_revision"] = first["revision"]
    response = put(client, url("case-plan", case.pk), stale)

    data = assert_conflict(response)
    assert data["saved"] is False
    assert "niets opgeslagen" in data["detail"]
    assert data["current_version"] == first["id"]
    assert data["current_number"] == 1
    assert data["current_revision"] == second.json()["revision"]
    version.refresh_from_db()
    assert version.goals == "Doelen van de gemeente."


def test_a_plan_edit_needs_every_life_domain(personas, api_client, case) -> None:
    body = plan_body(None, analysis={"housing": "x"})

    response = put(api_client(personas.director), url("case-plan", case.pk), body)

    assert response.status_code == 400
    assert set(messages(response)) == {
        f"analysis.{d.value}" for d in LifeDomain if d != LifeDomain.HOUSING
    }
    assert not ActionPlanVersion.objects.exists()


def test_control_characters_are_named_per_life_domain(personas, api_client, case) -> None:
    body = plan_body(None, analysis=analysis(health="Slaapt slecht\u0007"))

    response = put(api_client(personas.director), url("case-plan", case.pk), body)

    assert response.status_code == 400
    assert set(messages(response)) == {"analysis.health"}


def test_editing_after_adoption_starts_a_new_version(personas, api_client, case) -> None:
    director = membership_of(personas.director)
    draft = plan_update(
        membership=director,
        case=case,
        data=PlanInput(analysis={}, goals="Doel", based_on_version=None, based_on_revision=None),
    )
    item = on_agenda(personas, case)
    adopted = plan_adopt(membership=director, item=item, based_on_revision=draft.revision)

    response = put(api_client(personas.director), url("case-plan", case.pk), plan_body(adopted))

    assert response.status_code == 200, response.content
    assert response.json()["number"] == 2
    adopted.refresh_from_db()
    assert adopted.goals == "Doel"
    versions = api_client(personas.police_member).get(url("plan-version-list", case.pk)).json()
    assert [(v["number"], v["status"]) for v in versions["results"]] == [
        (2, "draft"),
        (1, "adopted"),
    ]


def test_a_version_shows_its_content_and_logs_the_read(
    personas, api_client, case, intervention
) -> None:
    draft = ActionPlanVersion.objects.get()  # adding the intervention started the draft
    saved = put(api_client(personas.director), url("case-plan", case.pk), plan_body(draft))
    assert saved.status_code == 200, saved.content
    client = api_client(personas.om_member)

    response = client.get(url("plan-version-detail", case.pk, 1))

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["case"] == {"id": str(case.pk), "reference": case.reference}
    assert data["analysis"]["online"] == "Actief op een forum."
    [row] = data["interventions"]
    assert row["id"] == str(intervention.pk)
    assert row["owner"] == {"id": str(personas.police.pk), "name": "Politie-eenheid Noordkaap"}
    assert LogRecord.objects.filter(name="plan_read").exists()
    assert_not_found(client.get(url("plan-version-detail", case.pk, 7)))
    assert_not_found(client.get(f"/api/v1/cases/{case.pk}/plan/versions/99999999999999999999/"))


def test_partners_read_the_plan_but_may_not_edit(personas, api_client, case) -> None:
    client = api_client(personas.police_member)

    assert client.get(url("plan-version-list", case.pk)).status_code == 200
    assert_not_found(put(client, url("case-plan", case.pk), plan_body(None)))
    assert_not_found(post(client, url("case-interventions", case.pk), intervention_body(personas)))


def test_a_closed_case_is_a_conflict_for_who_steers_it(personas, api_client, case) -> None:
    case_close(
        membership=membership_of(personas.lead_a), case=case, reason=ClosureReason.GOALS_REACHED
    )

    assert_conflict(put(api_client(personas.lead_a), url("case-plan", case.pk), plan_body(None)))
    assert not ActionPlanVersion.objects.exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_others_get_404_for_plans_and_interventions(
    personas, api_client, case, intervention, persona
) -> None:
    client = api_client(getattr(personas, persona))

    assert_not_found(client.get(url("plan-version-list", case.pk)))
    assert_not_found(client.get(url("plan-version-detail", case.pk, 1)))
    assert_not_found(put(client, url("case-plan", case.pk), plan_body(None)))
    assert_not_found(client.get(url("case-interventions", case.pk)))
    assert_not_found(post(client, url("case-interventions", case.pk), intervention_body(personas)))
    assert client.get(url("intervention-list")).json()["count"] == 0
    assert_not_found(client.get(url("intervention-detail", intervention.pk)))
    assert_not_found(patch(client, url("intervention-detail", intervention.pk), {"revision": 1}))
    assert_not_found(
        post(
            client,
            url("intervention-progress", intervention.pk),
            {"status": "in_progress", "revision": 1},
        )
    )
    assert_not_found(post(client, url("intervention-removal", intervention.pk), {"revision": 1}))
    intervention.refresh_from_db()
    assert intervention.revision == 1
    assert intervention.removed_in_id is None


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
        intervention_add(
            membership=director,
            case=case,
            data=InterventionInput(
                kind="administrative",
                owner=personas.municipality_a,
                description="Geheime omschrijving",
                starts_on=timezone.localdate(),
                due_on=timezone.localdate() + timedelta(days=days),
            ),
        )
    client = api_client(personas.director)
    client.get(url("intervention-list"))

    with django_assert_max_num_queries(12):
        response = client.get(url("intervention-list"))

    assert response.json()["count"] == 6
    assert "Geheime" not in response.content.decode()
    row = response.json()["results"][0]
    assert row["case"] == {"id": str(case.pk), "reference": case.reference}
    assert row["overdue"] is False
    with django_assert_max_num_queries(14):
        per_case = client.get(url("case-interventions", case.pk))
    assert per_case.json()["count"] == 6
    assert client.get(url("intervention-list"), {"status": "done"}).status_code == 400
    assert client.get(url("intervention-list"), {"owner": "x"}).status_code == 400


def test_the_owner_sees_its_intervention_without_seeing_the_case(
    personas, api_client, case
) -> None:
    participation_add(  # the owner is at the table (incidentally)
        membership=membership_of(personas.director),
        case=case,
        data=ParticipationInput(
            organisation=personas.ggz,
            kind="incidental",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=30),
        ),
    )
    owned = intervention_add(
        membership=membership_of(personas.director),
        case=case,
        data=InterventionInput(
            kind="care",
            owner=personas.ggz,
            description="Traject bij de GGZ.",
            starts_on=timezone.localdate(),
            due_on=timezone.localdate() + timedelta(days=30),
        ),
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
