"""Every page of the meetings per persona: members of the collaboration read, its managers
(and a working group's members for their group) change, everyone else gets 404."""

from typing import Any

import pytest
from django.urls import reverse

from schakel.regional_meetings.choices import MeetingStatus
from schakel.regional_meetings.models import Decision
from schakel.regional_meetings.tests.helpers import MANAGERS, OUTSIDERS, READERS, user_of

pytestmark = pytest.mark.django_db


def u(name: str, **kwargs: Any) -> str:
    return reverse(f"regional_meetings:{name}", kwargs=kwargs)


def read_pages(world: Any, network: Any) -> list[str]:
    return [
        u("overview", collaboration=network.partnership.pk),
        u("series_detail", pk=world.series.pk),
        u("series_ics", pk=world.series.pk),
        u("meeting_detail", pk=world.meeting.pk),
        u("meeting_ics", pk=world.meeting.pk),
        u("meeting_detail", pk=world.group_meeting.pk),
        u("group_detail", pk=world.group.pk),
        u("attachment_download", pk=world.attachment.pk),
    ]


def edit_pages(world: Any, network: Any) -> list[str]:
    meeting = world.meeting.pk
    return [
        u("series_create", collaboration=network.partnership.pk),
        u("meeting_create", collaboration=network.partnership.pk),
        u("group_create", collaboration=network.partnership.pk),
        u("series_edit", pk=world.series.pk),
        u("group_edit", pk=world.group.pk),
        u("meeting_move", pk=meeting),
        u("meeting_cancel", pk=meeting),
        u("agenda_item_create", pk=meeting),
        u("minutes_edit", pk=meeting),
        u("decision_create", pk=meeting),
        u("action_create", pk=meeting),
        u("attachment_upload", pk=meeting),
        u("attachment_delete", pk=world.attachment.pk),
    ]


@pytest.mark.parametrize("persona", MANAGERS)
def test_managers_read_and_change_everything(personas, network, world, signed_in, persona) -> None:
    client = signed_in(user_of(personas, network, persona))
    for path in read_pages(world, network) + edit_pages(world, network):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("persona", READERS)
def test_members_read_but_do_not_change(personas, network, world, signed_in, persona) -> None:
    client = signed_in(user_of(personas, network, persona))
    for path in read_pages(world, network):
        assert client.get(path).status_code == 200, path
    for path in edit_pages(world, network):
        assert client.get(path).status_code == 404, path
    response = client.post(u("decision_create", pk=world.meeting.pk), {"text": "Besloten."})
    assert response.status_code == 404
    assert not Decision.objects.exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_others_get_404_everywhere(personas, network, world, signed_in, persona) -> None:
    client = signed_in(user_of(personas, network, persona))
    for path in read_pages(world, network) + edit_pages(world, network):
        assert client.get(path).status_code == 404, path
    response = client.post(
        u("meeting_cancel", pk=world.meeting.pk), {"reason": "x", "stap": "bevestigen"}
    )
    assert response.status_code == 404
    world.meeting.refresh_from_db()
    assert world.meeting.status == MeetingStatus.PLANNED
    index = client.get(u("index"))
    assert network.partnership.name not in index.content.decode()


def test_a_working_group_member_changes_the_groups_meetings_only(
    personas, network, world, signed_in
) -> None:
    client = signed_in(personas.police_member)
    group_meeting = world.group_meeting.pk
    assert client.get(u("minutes_edit", pk=group_meeting)).status_code == 200
    assert client.get(u("minutes_edit", pk=world.meeting.pk)).status_code == 404
    create_for_group = u("meeting_create", collaboration=network.partnership.pk)
    assert client.get(f"{create_for_group}?werkgroep={world.group.pk}").status_code == 200
    assert client.get(create_for_group).status_code == 404
    assert client.get(u("group_edit", pk=world.group.pk)).status_code == 404
    response = client.post(u("decision_create", pk=group_meeting), {"text": "Factsheet maken."})
    assert response.status_code == 302
    assert Decision.objects.filter(meeting_id=group_meeting).count() == 1


def test_the_index_lists_the_collaborations_of_a_member(
    personas, network, world, signed_in
) -> None:
    page = signed_in(personas.lead_a).get(u("index")).content.decode()
    assert network.partnership.name in page
    assert network.alliance.name not in page
