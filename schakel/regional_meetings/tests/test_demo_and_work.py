"""The demo data, Mijn werk (open action points due soon, in a fixed number of queries) and
the section on the collaboration's home page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from schakel.accounts import demo as accounts_demo
from schakel.accounts.models import User
from schakel.collaboration.sections import collaboration_sections
from schakel.regional_meetings import services
from schakel.regional_meetings.demo import SERIES, seed_demo
from schakel.regional_meetings.models import ActionPoint, Meeting, MeetingSeries, WorkingGroup
from schakel.regional_meetings.tests.helpers import membership
from schakel.regional_meetings.work import action_points

pytestmark = pytest.mark.django_db


def test_the_demo_is_made_once_and_shows_to_the_coordinator(settings) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    accounts_demo.seed()
    assert seed_demo()
    assert seed_demo() == ""
    series = MeetingSeries.objects.get(title=SERIES)
    past = Meeting.objects.filter(series=series, starts_at__lt=timezone.now(), minutes__gt="")
    assert past.count() == 1
    assert past.get().decisions.count() == 2
    assert ActionPoint.objects.filter(status="open").count() == 1
    assert WorkingGroup.objects.count() == 1
    coordinator = User.objects.get(email="coordinator@aldermeer.example")
    page = sign_in(Client(), coordinator).get(
        reverse("regional_meetings:meeting_detail", kwargs={"pk": past.get().pk})
    )
    assert "Notulen schrijven" in page.content.decode()
    assert action_points(membership(coordinator))


def add_action(world, network, owner, days: int) -> ActionPoint:  # type: ignore[no-untyped-def]
    return services.action_add(
        membership=membership(network.coordinator),
        meeting=world.meeting,
        description="Factsheet rondsturen",
        owner=owner,
        owner_membership=None,
        due_on=timezone.localdate() + timedelta(days=days),
    )


def test_open_action_points_due_soon_wait_for_the_owner(personas, network, world) -> None:
    add_action(world, network, personas.municipality_a, 3)
    add_action(world, network, personas.municipality_a, -2)
    add_action(world, network, personas.municipality_a, 60)  # not due soon
    add_action(world, network, personas.police, 3)  # another owner
    mine = action_points(membership(personas.lead_a))
    assert len(mine) == 2
    assert any(item.overdue for item in mine)
    assert action_points(membership(personas.outsider)) == []
    with CaptureQueriesContext(connection) as few:
        action_points(membership(personas.lead_a))
    for _ in range(5):
        add_action(world, network, personas.municipality_a, 1)
    with CaptureQueriesContext(connection) as many:
        assert len(action_points(membership(personas.lead_a))) == 7
    assert len(many) == len(few)


def test_the_section_shows_next_meetings_and_open_actions(personas, network, world) -> None:
    add_action(world, network, personas.municipality_a, 3)
    lead = membership(personas.lead_a)
    sections = [
        s
        for s in collaboration_sections(lead, network.partnership, frozenset())
        if s.anchor == "overleg"
    ]
    assert len(sections) == 1
    context = sections[0].context
    assert world.meeting in context["upcoming"]
    assert len(context["actions"]) == 1
    html = render_to_string(sections[0].template, {"section": sections[0]})
    assert 'id="overleg"' in html
    assert "Factsheet rondsturen" in html


def test_writes_that_name_staff_are_logged(personas, network, world) -> None:
    from schakel.audit.models import LogRecord

    police = personas.police_member
    members = LogRecord.objects.filter(
        activity__key="network_meetings", name="working_group_members_changed"
    )
    # One record per staff member added (their id pseudonymised in the log).
    assert members.count() == 1
    assert members.get().data_subject_id not in ("", str(police.pk))
    owner = membership(personas.lead_a)
    services.action_add(
        membership=membership(network.coordinator),
        meeting=world.meeting,
        description="Factsheet rondsturen",
        owner=personas.municipality_a,
        owner_membership=owner,
        due_on=timezone.localdate(),
    )
    assigned = LogRecord.objects.get(name="network_action_point_assigned")
    assert assigned.data_subject_id
    assert assigned.attributes["action_point"]
