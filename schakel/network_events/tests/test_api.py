"""The network-events API per persona: lists scoped to the collaborations one takes part in,
404 for anyone else, the case material null for members who may not read it, writes only for
those who manage the event, 409 when the state no longer fits."""

from typing import Any

import pytest
from django.utils import timezone

from schakel.api.tests.helpers import assert_conflict, assert_not_found, patch, post, url
from schakel.network_events.choices import EventStatus
from schakel.network_events.models import LearningPoint
from schakel.network_events.tests.helpers import (
    CASE_MATERIAL,
    EVERYONE,
    MANAGERS,
    PARTICIPANT,
    READERS,
    membership,
    user,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", EVERYONE)
def test_reads_per_persona(personas, network, api_client, persona) -> None:
    w = world(personas, network)
    client = api_client(user(personas, network, persona))
    events = client.get(url("network-event-list")).json()["results"]
    points = client.get(url("network-learning-point-list")).json()["results"]
    follow_ups = client.get(url("network-follow-up-list")).json()["results"]
    detail = client.get(url("network-event-detail", w.held.pk))
    if persona not in READERS:
        assert (events, points, follow_ups) == ([], [], [])
        assert_not_found(detail)
        return
    assert {e["id"] for e in events} == {str(w.planned.pk), str(w.held.pk)}
    assert "case_material" not in events[0]
    assert [p["theme"] for p in points] == ["Wettelijke kaders"]
    assert [f["id"] for f in follow_ups] == [str(w.follow_up.pk)]
    data = detail.json()
    reads = persona in (*MANAGERS, PARTICIPANT)
    assert data["case_material_visible"] is reads
    assert data["case_material"] == (CASE_MATERIAL if reads else None)
    assert data["may_manage"] is (persona in MANAGERS)
    police = personas.police_member
    assert [p["display"] for p in data["participants"]] == [
        f"{police.function_title} – {personas.police.name} ({personas.police.mailbox})"
    ]


@pytest.mark.parametrize("persona", [p for p in EVERYONE if p not in MANAGERS])
def test_writes_are_404_for_everyone_but_managers(personas, network, api_client, persona) -> None:
    w = world(personas, network)
    client = api_client(user(personas, network, persona))
    answers = [
        patch(client, url("network-event-detail", w.planned.pk), {"title": "Anders"}),
        post(client, url("network-event-record", w.planned.pk), {"discussion": "x"}),
        post(client, url("network-event-cancel", w.planned.pk)),
        post(client, url("network-event-learning-points", w.held.pk), {"text": "x", "theme": "y"}),
        post(
            client,
            url("network-event-follow-ups", w.held.pk),
            {"text": "x", "owner": str(personas.om.pk), "due_on": "2030-01-01"},
        ),
    ]
    for answer in answers:
        assert_not_found(answer)
    w.planned.refresh_from_db()
    assert (w.planned.status, w.planned.title) == (EventStatus.PLANNED, "Geplande intervisie")


def test_a_manager_plans_changes_records_and_cancels(personas, network, api_client) -> None:
    w = world(personas, network)
    client = api_client(network.chair)
    changed = patch(client, url("network-event-detail", w.planned.pk), {"title": "Intervisie OM"})
    assert changed.status_code == 200, changed.content
    assert changed.json()["title"] == "Intervisie OM"
    recorded = post(client, url("network-event-record", w.planned.pk), {"discussion": "Besproken."})
    assert recorded.json()["status"] == "held"
    point = post(
        client,
        url("network-event-learning-points", w.planned.pk),
        {"text": "Leer.", "theme": "Kaders", "organisations": [str(personas.om.pk)]},
    )
    assert point.status_code == 201
    assert point.json()["organisations"] == [{"id": str(personas.om.pk), "name": personas.om.name}]
    assert_conflict(post(client, url("network-event-cancel", w.planned.pk)))
    assert LearningPoint.objects.count() == 2


def test_plan_through_the_api_and_cancel(personas, network, api_client) -> None:
    client = api_client(personas.lead_a)
    body = {
        "collaboration": str(network.partnership.pk),
        "kind": "case_evaluation",
        "title": "Casusevaluatie",
        "starts_at": (timezone.now() + timezone.timedelta(days=3)).isoformat(),
        "location": "https://vergader.example/x",
        "online": True,
        "organiser": str(personas.municipality_a.pk),
        "purpose": "Terugblik.",
        "case_material": "",
        "organisations": [str(personas.police.pk)],
        "participants": [str(membership(personas.police_member).pk)],
    }
    created = post(client, url("network-event-list"), body)
    assert created.status_code == 201, created.content
    event = created.json()["id"]
    # Recording before the event has begun is refused.
    early = post(client, url("network-event-record", event), {"discussion": "x"})
    assert early.status_code == 400
    cancelled = post(client, url("network-event-cancel", event))
    assert cancelled.json()["status"] == "cancelled"
    assert_conflict(post(client, url("network-event-cancel", event)))


def test_outsiders_cannot_plan_in_a_collaboration_they_are_not_in(
    personas, network, api_client
) -> None:
    body: dict[str, Any] = {
        "collaboration": str(network.partnership.pk),
        "kind": "peer_review",
        "title": "x",
        "starts_at": timezone.now().isoformat(),
        "location": "x",
        "organiser": str(personas.municipality_other_region.pk),
        "purpose": "x",
        "case_material": "",
        "organisations": [str(personas.police.pk)],
    }
    assert_not_found(post(api_client(personas.outsider), url("network-event-list"), body))
    # A member who reads but does not plan is refused as well.
    assert_not_found(post(api_client(personas.admin_a), url("network-event-list"), body))


def test_follow_up_completion_by_owner_and_conflict(personas, network, api_client) -> None:
    w = world(personas, network)
    assert_not_found(
        post(api_client(personas.om_member), url("network-follow-up-complete", w.follow_up.pk))
    )
    client = api_client(personas.police_member)
    done = post(client, url("network-follow-up-complete", w.follow_up.pk))
    assert done.json()["status"] == "done"
    assert_conflict(post(client, url("network-follow-up-complete", w.follow_up.pk)))


def test_learning_points_filter_by_theme_and_organisation(personas, network, api_client) -> None:
    world(personas, network)
    client = api_client(network.coordinator)
    by_theme = client.get(url("network-learning-point-list") + "?theme=Wettelijke%20kaders")
    assert by_theme.json()["count"] == 1
    other = client.get(url("network-learning-point-list") + f"?organisation={personas.om.pk}")
    assert other.json()["count"] == 0
