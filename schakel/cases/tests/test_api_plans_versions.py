"""The action-plan API: versions, editing with optimistic concurrency (a conflict saves nothing
and says where the plan stands), reading a version, and who may do what."""

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
from schakel.cases.choices import ClosureReason, LifeDomain
from schakel.cases.lifecycle_services import case_close
from schakel.cases.models import ActionPlanVersion
from schakel.cases.plans.services import plan_adopt
from schakel.cases.tests.api_helpers import analysis, intervention_body, plan_body
from schakel.cases.tests.factories import OUTSIDERS, first_draft, on_agenda
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


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
    draft = first_draft(director, case, goals="Doel")
    item = on_agenda(personas, case)
    adopted = plan_adopt(
        membership=director, item=item, based_on_revision=draft.revision, meeting_in_progress=True
    )

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
    assert_not_found(client.get(f"/api/v1/cases/{case.pk}/plan/versions/99999999999999999999"))


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
