"""Reads of network events, scoped by the acting membership: only events of the collaborations
it takes part in (``collaboration.selectors.collaborations_of``); any other is a 404.

These reads show staff as function – organisation – mailbox to other organisations and hold no
person data of data subjects; they write no processing log.
"""

import uuid
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.collaboration.permissions import may_manage
from schakel.collaboration.selectors import collaborations_of, managed_by, roles_in
from schakel.network.models import Collaboration, Organisation
from schakel.network_events import permissions
from schakel.network_events.choices import EventStatus, FollowUpStatus
from schakel.network_events.models import FollowUp, LearningPoint, NetworkEvent


def events_visible_to(membership: Membership | None) -> QuerySet[NetworkEvent]:
    if membership is None:
        return NetworkEvent.objects.none()
    return NetworkEvent.objects.filter(
        collaboration__in=collaborations_of(membership)
    ).select_related("collaboration", "organiser")


def event_for(membership: Membership | None, pk: uuid.UUID) -> NetworkEvent:
    found = events_visible_to(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def events_of(
    membership: Membership | None,
    collaboration: Collaboration,
    *,
    kind: str = "",
    upcoming: bool | None = None,
) -> QuerySet[NetworkEvent]:
    """A collaboration's events: upcoming (planned, soonest first) or held and cancelled (latest
    first); every one when ``upcoming`` is None."""
    rows = events_visible_to(membership).filter(collaboration=collaboration)
    if kind:
        rows = rows.filter(kind=kind)
    if upcoming is True:
        return rows.filter(status=EventStatus.PLANNED).order_by("starts_at", "pk")
    if upcoming is False:
        return rows.exclude(status=EventStatus.PLANNED).order_by("-starts_at", "pk")
    return rows.order_by("-starts_at", "pk")


@dataclass(frozen=True)
class EventAccess:
    """What the acting membership may do with one event."""

    manages: bool
    reads_case_material: bool
    roles: frozenset[str]


def access_to(membership: Membership, event: NetworkEvent) -> EventAccess:
    roles = roles_in(membership, event.collaboration)
    participant_ids: set[object] = set(event.participants.values_list("pk", flat=True))
    return EventAccess(
        manages=permissions.may_manage_event(membership, event, roles),
        reads_case_material=permissions.may_read_case_material(
            membership, event, roles, participant_ids
        ),
        roles=roles,
    )


def member_organisations(collaboration: Collaboration) -> QuerySet[Organisation]:
    return collaboration.members.filter(is_active=True).order_by("name")


def organiser_choices(
    membership: Membership, collaboration: Collaboration, roles: frozenset[str]
) -> QuerySet[Organisation]:
    """Managers choose any member organisation; others organise for their own."""
    members = member_organisations(collaboration)
    if may_manage(roles):
        return members
    return members.filter(pk=membership.organisation_id)


def staff_choices(collaboration: Collaboration) -> QuerySet[Membership]:
    """Active memberships of the collaboration's member organisations: the staff who can take
    part (chosen, not typed)."""
    return (
        Membership.objects.active()
        .filter(organisation__in=member_organisations(collaboration))
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__function_title", "user__full_name", "pk")
    )


def staff_label(member: Membership, viewer: Membership | None) -> str:
    """Colleagues by name; staff of other organisations as function – organisation – mailbox."""
    if viewer is not None and member.organisation_id == viewer.organisation_id:
        function = member.user.function_title.strip()
        return f"{member.user.full_name} ({function})" if function else member.user.full_name
    return staff_display(member.user, member.organisation)


def participants_of(event: NetworkEvent) -> list[Membership]:
    return list(
        event.participants.select_related("user", "organisation").order_by(
            "organisation__name", "user__function_title", "pk"
        )
    )


def learning_points_visible_to(membership: Membership | None) -> QuerySet[LearningPoint]:
    return (
        LearningPoint.objects.filter(event__in=events_visible_to(membership))
        .select_related("event", "event__collaboration")
        .prefetch_related(Prefetch("organisations", queryset=Organisation.objects.order_by("name")))
    )


def learning_points_of(
    membership: Membership | None,
    collaboration: Collaboration,
    *,
    theme: str = "",
    organisation: uuid.UUID | None = None,
) -> QuerySet[LearningPoint]:
    rows = learning_points_visible_to(membership).filter(event__collaboration=collaboration)
    if theme:
        rows = rows.filter(theme=theme)
    if organisation is not None:
        rows = rows.filter(organisations=organisation)
    return rows.order_by("-event__starts_at", "created_at", "pk")


def themes_of(membership: Membership | None, collaboration: Collaboration) -> list[str]:
    return list(
        learning_points_visible_to(membership)
        .filter(event__collaboration=collaboration)
        .order_by("theme")
        .values_list("theme", flat=True)
        .distinct()
    )


def follow_ups_visible_to(membership: Membership | None) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(event__in=events_visible_to(membership)).select_related(
        "event", "event__collaboration", "owner"
    )


def follow_up_for(membership: Membership | None, pk: uuid.UUID) -> FollowUp:
    found = follow_ups_visible_to(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def open_follow_ups_owned_by(membership: Membership) -> QuerySet[FollowUp]:
    """Open follow-ups of the membership's organisation, for its staff who finish them."""
    return (
        follow_ups_visible_to(membership)
        .filter(owner_id=membership.organisation_id, status=FollowUpStatus.OPEN)
        .order_by("due_on", "pk")
    )


def events_to_record_by(membership: Membership) -> QuerySet[NetworkEvent]:
    """Planned events that have begun, for those who record them: the collaboration's managers
    and the organiser's staff in a planning role."""
    mine = Q(collaboration__in=managed_by(membership))
    if permissions.plans_for_organisation(membership):
        mine |= Q(organiser_id=membership.organisation_id)
    return (
        events_visible_to(membership)
        .filter(mine, status=EventStatus.PLANNED, starts_at__lte=timezone.now())
        .order_by("starts_at", "pk")
    )
