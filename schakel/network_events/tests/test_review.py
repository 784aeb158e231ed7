"""Second review of the network events: mix-ups of objects across collaborations through the
URL or the body, staff of organisations that do not take part, and the case material kept out
of everything that is not the event itself (list, section, CSV)."""

from typing import Any

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from schakel.api.tests.helpers import assert_not_found, patch, post, url
from schakel.network_events.contributions import _events_section
from schakel.network_events.models import FollowUp, LearningPoint
from schakel.network_events.tests.helpers import CASE_MATERIAL, membership, world

pytestmark = pytest.mark.django_db


def test_a_learning_point_cannot_name_an_organisation_of_another_collaboration(
    personas, network, api_client
) -> None:
    w = world(personas, network)
    before = LearningPoint.objects.count()
    body = {
        "text": "Leerpunt.",
        "theme": "Kaders",
        "organisations": [str(personas.municipality_other_region.pk)],
    }

    response = post(
        api_client(network.coordinator), url("network-event-learning-points", w.held.pk), body
    )

    assert response.status_code == 400
    assert LearningPoint.objects.count() == before


def test_a_follow_up_cannot_be_owned_outside_the_collaboration(
    personas, network, api_client
) -> None:
    w = world(personas, network)
    body: dict[str, Any] = {
        "text": "Actie.",
        "owner": str(personas.municipality_other_region.pk),
        "due_on": timezone.localdate().isoformat(),
    }

    response = post(
        api_client(network.coordinator), url("network-event-follow-ups", w.held.pk), body
    )

    assert response.status_code == 400
    assert not FollowUp.objects.filter(owner=personas.municipality_other_region).exists()


def test_another_collaborations_manager_gets_404_on_every_write(
    personas, network, api_client
) -> None:
    w = world(personas, network)
    client = api_client(network.coordinator_other)
    body = {"text": "x", "theme": "x", "organisations": []}

    assert_not_found(post(client, url("network-event-learning-points", w.held.pk), body))
    assert_not_found(post(client, url("network-event-cancel", w.planned.pk)))
    assert_not_found(post(client, url("network-follow-up-complete", w.follow_up.pk)))
    assert_not_found(patch(client, url("network-event-detail", w.planned.pk), {"title": "x"}))


def test_the_api_refuses_staff_of_an_organisation_that_does_not_take_part(
    personas, network, api_client
) -> None:
    w = world(personas, network)
    body = {"participants": [str(membership(personas.lead_b).pk)]}

    response = patch(
        api_client(network.coordinator), url("network-event-detail", w.planned.pk), body
    )

    assert response.status_code == 400
    assert not w.planned.participants.filter(pk=membership(personas.lead_b).pk).exists()


def test_case_material_stays_out_of_list_section_and_csv(
    personas, network, api_client, signed_in
) -> None:
    world(personas, network)
    # The coordinator may read it on the event itself, yet not in the overviews.
    listed = api_client(network.coordinator).get(url("network-event-list")).content.decode()
    section = _events_section(membership(network.coordinator), network.partnership, frozenset())
    csv = signed_in(network.coordinator).get(
        reverse(
            "network_events:learning_points_csv", kwargs={"collaboration": network.partnership.pk}
        )
    )

    assert CASE_MATERIAL not in listed
    assert section is not None
    rendered = render_to_string(section.template, {"section": section})
    assert "Casussimulatie informatiedeling" in rendered or section.context["learning_points"]
    assert CASE_MATERIAL not in rendered
    assert CASE_MATERIAL not in csv.content.decode("utf-8-sig")
