"""The section on the collaboration's home page (``COLLABORATION_SECTIONS``) and changing a
planned event on its page."""

from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from schakel.collaboration.sections import collaboration_sections
from schakel.collaboration.selectors import roles_in
from schakel.network_events import services
from schakel.network_events.models import NetworkEvent
from schakel.network_events.tests.helpers import event_input, membership, world

pytestmark = pytest.mark.django_db


def test_the_section_shows_upcoming_events_and_recent_learning_points(personas, network) -> None:
    w = world(personas, network)
    coming = services.event_plan(
        membership=membership(network.coordinator),
        collaboration=network.partnership,
        data=event_input(
            personas, title="Intervisie volgende maand", starts_at=timezone.now() + timedelta(30)
        ),
    )
    director = membership(personas.director)
    sections = collaboration_sections(
        director, network.partnership, roles_in(director, network.partnership)
    )
    mine = next(s for s in sections if s.anchor == "netwerkbijeenkomsten")
    assert mine.context["upcoming"] == [coming]  # the planned event of two hours ago has begun
    assert [p.theme for p in mine.context["learning_points"]] == ["Wettelijke kaders"]
    html = render_to_string(mine.template, {"section": mine})
    assert "Intervisie volgende maand" in html
    assert "Vraag naar de grondslag." in html
    assert w.held.case_material not in html


def test_a_manager_changes_a_planned_event(personas, network, signed_in) -> None:
    w = world(personas, network)
    client = signed_in(personas.lead_a)  # staff of the organiser
    path = reverse("network_events:event_edit", kwargs={"pk": w.planned.pk})
    form = client.get(path)
    assert "Geplande intervisie" in form.content.decode()
    when = timezone.localtime(w.planned.starts_at)
    answer = client.post(
        path,
        {
            "kind": "case_evaluation",
            "title": "Casusevaluatie gewijzigd",
            "starts_on": when.date().isoformat(),
            "starts_time": when.strftime("%H:%M"),
            "location": "Politiebureau",
            "organiser": str(personas.municipality_a.pk),
            "purpose": "Terugblik.",
            "case_material": "",
            "organisations": [str(personas.om.pk)],
        },
    )
    assert answer.status_code == 302
    changed = NetworkEvent.objects.get(pk=w.planned.pk)
    assert (changed.kind, changed.title) == ("case_evaluation", "Casusevaluatie gewijzigd")
    assert list(changed.organisations.all()) == [personas.om]
    assert not changed.participants.exists()
    # Organising staff choose only their own organisation as organiser.
    refused = client.post(path, {"organiser": str(personas.police.pk)})
    assert "Kies een van de mogelijkheden die er staan." in refused.content.decode()
