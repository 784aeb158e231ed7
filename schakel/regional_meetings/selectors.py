"""Reads of the meetings, scoped by the acting membership: whoever takes part in the
collaboration (``collaboration.selectors.collaborations_of``) reads all its meetings, also its
working groups'; for anyone else they do not exist (404). No person data of data subjects, so
no processing log on reads."""

import uuid
from datetime import datetime

from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.collaboration.selectors import collaborations_of
from schakel.network.models import Collaboration
from schakel.regional_meetings.choices import ActionStatus, MeetingStatus
from schakel.regional_meetings.models import (
    ActionPoint,
    Meeting,
    MeetingAttachment,
    MeetingSeries,
    WorkingGroup,
)


def _found[T: Model](rows: QuerySet[T], pk: uuid.UUID) -> T:
    found = rows.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def meetings_for(membership: Membership | None) -> QuerySet[Meeting]:
    return Meeting.objects.filter(collaboration__in=collaborations_of(membership)).select_related(
        "collaboration", "working_group", "series"
    )


def meeting_for(membership: Membership | None, pk: uuid.UUID) -> Meeting:
    return _found(meetings_for(membership), pk)


def series_list_for(membership: Membership | None) -> QuerySet[MeetingSeries]:
    return MeetingSeries.objects.filter(
        collaboration__in=collaborations_of(membership)
    ).select_related("collaboration", "working_group")


def series_for(membership: Membership | None, pk: uuid.UUID) -> MeetingSeries:
    return _found(series_list_for(membership), pk)


def groups_for(membership: Membership | None) -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.filter(
        collaboration__in=collaborations_of(membership)
    ).select_related("collaboration")


def group_for(membership: Membership | None, pk: uuid.UUID) -> WorkingGroup:
    return _found(groups_for(membership), pk)


def attachments_for(membership: Membership | None) -> QuerySet[MeetingAttachment]:
    return MeetingAttachment.objects.filter(
        meeting__collaboration__in=collaborations_of(membership)
    ).select_related("meeting", "meeting__working_group", "meeting__collaboration")


def attachment_for(membership: Membership | None, pk: uuid.UUID) -> MeetingAttachment:
    return _found(attachments_for(membership), pk)


def actions_for(membership: Membership | None) -> QuerySet[ActionPoint]:
    return ActionPoint.objects.filter(
        meeting__collaboration__in=collaborations_of(membership)
    ).select_related("meeting", "meeting__working_group", "owner", "owner_membership__user")


def action_for(membership: Membership | None, pk: uuid.UUID) -> ActionPoint:
    return _found(actions_for(membership), pk)


def upcoming(collaboration: Collaboration, *, after: datetime | None = None) -> QuerySet[Meeting]:
    """The collaboration's coming meetings (cancelled ones too: they say so)."""
    return (
        Meeting.objects.filter(collaboration=collaboration, starts_at__gte=after or timezone.now())
        .select_related("working_group")
        .order_by("starts_at")
    )


def past(collaboration: Collaboration) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(collaboration=collaboration, starts_at__lt=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("working_group")
        .order_by("-starts_at")
    )


def open_actions(collaboration: Collaboration) -> QuerySet[ActionPoint]:
    return (
        ActionPoint.objects.filter(meeting__collaboration=collaboration, status=ActionStatus.OPEN)
        .select_related("owner", "meeting")
        .order_by("due_on")
    )
