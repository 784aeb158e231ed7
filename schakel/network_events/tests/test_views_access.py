"""The access matrix of every network-event page per persona: members of the collaboration see
the events, learning points and follow-ups; only those who manage an event plan, change, record
and cancel it; the case material only for them and the participating staff; everyone else 404.
"""

from typing import Any

import pytest
from django.urls import reverse

from schakel.network_events.choices import EventStatus
from schakel.network_events.models import LearningPoint, NetworkEvent
from schakel.network_events.tests.helpers import (
    CASE_MATERIAL,
    EVERYONE,
    MANAGERS,
    PARTICIPANT,
    PLANNERS,
    READERS,
    user,
    world,
)

pytestmark = pytest.mark.django_db


def _pages(network: Any, w: Any) -> dict[str, tuple[str, ...]]:
    """Each page's URL and who gets a 200 there."""
    collaboration = {"collaboration": network.partnership.pk}
    return {
        reverse("network_events:event_list", kwargs=collaboration): READERS,
        reverse("network_events:event_list", kwargs=collaboration) + "?weergave=gehouden": READERS,
        reverse("network_events:learning_points", kwargs=collaboration): READERS,
        reverse("network_events:learning_points_csv", kwargs=collaboration): READERS,
        reverse("network_events:event_plan", kwargs=collaboration): PLANNERS,
        reverse("network_events:event_detail", kwargs={"pk": w.planned.pk}): READERS,
        reverse("network_events:event_detail", kwargs={"pk": w.held.pk}): READERS,
        reverse("network_events:event_edit", kwargs={"pk": w.planned.pk}): MANAGERS,
        reverse("network_events:event_record", kwargs={"pk": w.planned.pk}): MANAGERS,
        reverse("network_events:event_record", kwargs={"pk": w.held.pk}): MANAGERS,
        reverse("network_events:event_cancel", kwargs={"pk": w.planned.pk}): MANAGERS,
        reverse("network_events:learning_point_add", kwargs={"pk": w.held.pk}): MANAGERS,
        reverse("network_events:follow_up_add", kwargs={"pk": w.held.pk}): MANAGERS,
    }


@pytest.mark.parametrize("persona", EVERYONE)
def test_every_page_answers_200_or_404_per_persona(personas, network, signed_in, persona) -> None:
    w = world(personas, network)
    client = signed_in(user(personas, network, persona))
    answers = {url: client.get(url).status_code for url in _pages(network, w)}
    expected = {
        url: 200 if persona in allowed else 404 for url, allowed in _pages(network, w).items()
    }
    assert answers == expected


@pytest.mark.parametrize("persona", EVERYONE)
def test_case_material_only_for_managers_and_participants(
    personas, network, signed_in, persona
) -> None:
    w = world(personas, network)
    client = signed_in(user(personas, network, persona))
    response = client.get(reverse("network_events:event_detail", kwargs={"pk": w.held.pk}))
    if persona not in READERS:
        assert response.status_code == 404
        return
    page = response.content.decode()
    assert (CASE_MATERIAL in page) == (persona in (*MANAGERS, PARTICIPANT))
    # Every member sees the learning points and follow-ups.
    assert "Vraag naar de grondslag." in page
    assert "Factsheet maken." in page


def test_other_organisations_staff_appear_as_function_organisation_mailbox(
    personas, network, signed_in
) -> None:
    w = world(personas, network)
    police = personas.police_member
    url = reverse("network_events:event_detail", kwargs={"pk": w.held.pk})
    seen_by_other = signed_in(network.coordinator).get(url).content.decode()
    assert police.full_name not in seen_by_other
    assert f"– {personas.police.name} ({personas.police.mailbox})" in seen_by_other


@pytest.mark.parametrize("persona", [p for p in EVERYONE if p not in MANAGERS])
def test_nobody_else_changes_an_event(personas, network, signed_in, persona) -> None:
    w = world(personas, network)
    client = signed_in(user(personas, network, persona))
    posts = [
        (reverse("network_events:event_record", kwargs={"pk": w.planned.pk}), {"discussion": "x"}),
        (
            reverse("network_events:event_cancel", kwargs={"pk": w.planned.pk}),
            {"stap": "bevestigen"},
        ),
        (
            reverse("network_events:learning_point_add", kwargs={"pk": w.held.pk}),
            {"text": "x", "theme": "y"},
        ),
        (reverse("network_events:event_edit", kwargs={"pk": w.planned.pk}), {"title": "x"}),
    ]
    assert [client.post(url, data).status_code for url, data in posts] == [404] * len(posts)
    w.planned.refresh_from_db()
    assert w.planned.status == EventStatus.PLANNED
    assert LearningPoint.objects.count() == 1


def test_cancel_asks_first_then_cancels(personas, network, signed_in) -> None:
    w = world(personas, network)
    client = signed_in(network.chair)
    url = reverse("network_events:event_cancel", kwargs={"pk": w.planned.pk})
    question = client.get(url)
    assert "Annuleren kan niet ongedaan worden gemaakt." in question.content.decode()
    assert NetworkEvent.objects.get(pk=w.planned.pk).status == EventStatus.PLANNED
    client.post(url, {"stap": "bevestigen"})
    assert NetworkEvent.objects.get(pk=w.planned.pk).status == EventStatus.CANCELLED
    # A cancelled event cannot be cancelled, changed or recorded again.
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("network_events:event_record", kwargs={"pk": w.planned.pk})).status_code
        == 404
    )


def test_follow_up_is_finished_by_its_owner_organisation(personas, network, signed_in) -> None:
    w = world(personas, network)
    url = reverse("network_events:follow_up_complete", kwargs={"pk": w.follow_up.pk})
    assert signed_in(personas.om_member).post(url).status_code == 404
    assert signed_in(personas.outsider).post(url).status_code == 404
    assert signed_in(personas.police_member).post(url).status_code == 302
    w.follow_up.refresh_from_db()
    assert w.follow_up.status == "done"
