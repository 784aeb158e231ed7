"""The collaboration API: lists and details for members, roles as function – organisation –
mailbox, the plan read by members and written (goals, progress) by the managing roles, the
refusals as problem+json."""

import pytest

from schakel.api.tests.helpers import assert_not_found, messages, post, url
from schakel.collaboration.choices import ProgressStatus
from schakel.collaboration.tests.test_services import BIRTH_TEXT

pytestmark = pytest.mark.django_db


def test_the_list_holds_the_callers_collaborations(api_client, personas, network, world):
    body = api_client(network.coordinator).get(url("collaboration-list")).json()
    assert [row["name"] for row in body["results"]] == [network.partnership.name]
    assert body["results"][0]["kind"] == "safety_partnership"
    other = api_client(network.coordinator_other).get(url("collaboration-list")).json()
    assert [row["name"] for row in other["results"]] == [network.alliance.name]


def test_the_detail_names_no_staff(api_client, personas, network, world):
    response = api_client(personas.om_member).get(
        url("collaboration-detail", network.partnership.pk)
    )
    assert response.status_code == 200
    body = response.json()
    assert body["has_policy_plan"] is True
    assert body["may_manage"] is False
    assert {m["name"] for m in body["members"]} >= {
        "Gemeente Aldermeer",
        "OM Arrondissement Noordkaap",
    }
    assert body["hosted_weighings"][0]["name"] == world.hosted.arrangement.name
    assert body["kind_explanation"]
    text = response.content.decode()
    for user in (network.chair, network.coordinator):
        assert user.full_name not in text
        assert user.email not in text
    roles = api_client(personas.om_member).get(
        url("collaboration-role-list", network.partnership.pk)
    )
    holders = [row["holder"] for row in roles.json()["results"]]
    assert any(personas.municipality_b.mailbox in holder for holder in holders)


def test_a_non_member_gets_404(api_client, personas, network, world):
    client = api_client(personas.outsider)
    names = ("detail", "role-list", "policy-plan-detail")
    for name in (f"collaboration-{name}" for name in names):
        assert_not_found(client.get(url(name, network.partnership.pk)))


def test_the_plan_is_read_by_members(api_client, personas, network, world):
    body = (
        api_client(personas.police_member)
        .get(url("collaboration-policy-plan-detail", network.partnership.pk))
        .json()
    )
    assert (body["start_year"], body["end_year"]) == (2025, 2028)
    goal = body["themes"][0]["goals"][0]
    assert goal["indicators"][0]["target"] == "6.00"
    assert goal["progress_updates"][0]["status"] == "on_track"


def test_the_chair_adds_a_goal_and_progress(api_client, network, world):
    client = api_client(network.chair)
    theme = world.plan.themes.get(position=3)
    response = post(
        client,
        url("collaboration-policy-goal-create", network.partnership.pk),
        {"theme": str(theme.pk), "title": "Plan van aanpak binnen zes weken",
         "indicator": {"name": "Binnen zes weken", "baseline": "50", "target": "90", "unit": "%"}},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    goal_id = response.json()["id"]
    response = post(
        client,
        url("policy-goal-progress-create", goal_id),
        {"period_label": "2026-H1", "status": ProgressStatus.BEHIND, "explanation": "Te traag."},
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "behind"


def test_a_member_who_does_not_manage_may_not_write(api_client, personas, network, world):
    client = api_client(personas.lead_a)
    assert_not_found(
        post(client, url("collaboration-policy-goal-create", network.partnership.pk), {})
    )
    assert_not_found(post(client, url("policy-goal-progress-create", world.goal.pk), {}))
    assert_not_found(
        post(
            api_client(network.coordinator_other),
            url("policy-goal-progress-create", world.goal.pk),
            {},
        )
    )


def test_person_data_and_a_wrong_theme_are_a_400(api_client, network, world):
    client = api_client(network.coordinator)
    response = post(
        client,
        url("collaboration-policy-goal-create", network.partnership.pk),
        {"theme": str(network.partnership.pk), "title": BIRTH_TEXT},
    )
    assert response.status_code == 400
    found = messages(response)
    assert "theme" in found
    assert "geboortedatum" in found["title"][0]


def test_the_schema_documents_the_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "/collaborations/{id}/policy-plan/goals" in paths
    assert "post" in paths["/policy-goals/{id}/progress-updates"]
