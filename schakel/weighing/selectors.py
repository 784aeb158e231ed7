"""Reads of the weighing. Every read takes the acting membership.

Who sees what:
- sessions: the chair; the participating organisations (table roles); the meldpunt of every
  municipality in the arrangement; the facilitating organisation's table roles;
- items: the directing municipality's lead always; while the session is open, the chair and the
  participating organisations — a participating municipality only its own residents.
Opening an item reads person data and writes the processing-log record first. A missing and a
forbidden object give the same 404.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.intake.identity import SubjectIdentity, identity_of
from schakel.intake.models import Signal
from schakel.intake.permissions import is_meldpunt
from schakel.network.choices import OrganisationKind
from schakel.weighing.activities import WeighingActivity
from schakel.weighing.choices import SessionStatus
from schakel.weighing.models import (
    ItemCriterion,
    WeighingArrangement,
    WeighingCriterion,
    WeighingItem,
    WeighingSession,
)


def subject_of(item: WeighingItem) -> audit.Subject:
    return audit.Subject(SubjectType.PERSON, str(item.subject_id))


def arrangements_for(*, membership: Membership | None) -> QuerySet[WeighingArrangement]:
    """The arrangements in which this membership may schedule a session."""
    if membership is None or membership.role not in TABLE_ROLES:
        return WeighingArrangement.objects.none()
    condition = Q(facilitator_id=membership.organisation_id)
    if is_meldpunt(membership):
        condition |= Q(municipalities=membership.organisation_id)
    return WeighingArrangement.objects.filter(condition, is_active=True).distinct()


def sessions_visible_to(*, membership: Membership | None) -> QuerySet[WeighingSession]:
    if membership is None or membership.role not in TABLE_ROLES:
        return WeighingSession.objects.none()
    org = membership.organisation_id
    participates = WeighingSession.participants.through.objects.filter(
        weighingsession_id=OuterRef("pk"), organisation_id=org
    )
    condition: Any = Q(chair_id=membership.user_id) | Q(arrangement__facilitator_id=org)
    condition |= Exists(participates)
    if is_meldpunt(membership):
        in_arrangement = WeighingArrangement.municipalities.through.objects.filter(
            weighingarrangement_id=OuterRef("arrangement_id"), organisation_id=org
        )
        condition |= Exists(in_arrangement)
    return WeighingSession.objects.filter(condition)


def session_list_for(*, membership: Membership | None) -> QuerySet[WeighingSession]:
    return (
        sessions_visible_to(membership=membership)
        .select_related("arrangement", "chair")
        .order_by("status", "-held_at")
    )


def session_get_for(*, membership: Membership | None, pk: uuid.UUID) -> WeighingSession:
    session = (
        sessions_visible_to(membership=membership)
        .select_related("arrangement", "chair")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    return session


def items_visible_to(*, membership: Membership | None) -> QuerySet[WeighingItem]:
    if membership is None or membership.role not in TABLE_ROLES:
        return WeighingItem.objects.none()
    org = membership.organisation_id
    condition: Any = Q(pk__in=[])
    if is_meldpunt(membership):
        condition |= Q(directing_municipality_id=org)
    open_session = Q(session__status=SessionStatus.OPEN)
    condition |= open_session & Q(session__chair_id=membership.user_id)
    participates = WeighingSession.participants.through.objects.filter(
        weighingsession_id=OuterRef("session_id"), organisation_id=org
    )
    if membership.organisation.kind == OrganisationKind.MUNICIPALITY:
        # A municipality at a regional table sees its own residents only.
        condition |= open_session & Exists(participates) & Q(directing_municipality_id=org)
    else:
        condition |= open_session & Exists(participates)
    return WeighingItem.objects.filter(condition)


# What a list may show of an item: no identifier, no free text.
ITEM_LIST_FIELDS = (
    "id", "reference", "created_at", "session_id", "subject_id", "outcome", "follow_up_on",
    "decided_at", "directing_municipality__name", "directing_municipality_id",
)  # fmt: skip


def items_of_session_for(
    *, membership: Membership | None, session: WeighingSession
) -> QuerySet[WeighingItem]:
    """The session's items this membership sees, for a list: no person data."""
    return (
        items_visible_to(membership=membership)
        .filter(session=session)
        .select_related("directing_municipality")
        .only(*ITEM_LIST_FIELDS)
        .order_by("created_at")
    )


@dataclass
class ItemView:
    item: WeighingItem
    identity: SubjectIdentity
    signals: list[Signal]
    criteria: list[ItemCriterion]


def item_get_for(*, membership: Membership | None, pk: uuid.UUID) -> ItemView:
    """One visible item with the person's identity and signals; the read is logged first."""
    item = (
        items_visible_to(membership=membership)
        .select_related("session__arrangement", "session__chair", "directing_municipality")
        .filter(pk=pk)
        .first()
    )
    if item is None or membership is None:
        raise Http404
    identity = identity_of(item.subject).for_organisation(membership.organisation)
    signals = list(
        item.signals.select_related("registering_organisation", "phenomenon").order_by(
            "observed_on"
        )
    )
    audit.log_processing(
        activity=WeighingActivity.WEIGHING,
        name="weighing_item_read",
        by=membership.user,
        subjects=[subject_of(item), *identity.log_subjects],
    )
    criteria = list(item.criteria.select_related("criterion"))
    return ItemView(item=item, identity=identity, signals=signals, criteria=criteria)


def active_criteria() -> QuerySet[WeighingCriterion]:
    return WeighingCriterion.objects.filter(is_active=True).order_by("position", "name")


def follow_ups_for(*, membership: Membership | None) -> QuerySet[WeighingItem]:
    """Decided items that come back: more information due or re-weigh on a date."""
    later = WeighingItem.objects.filter(
        subject_id=OuterRef("subject_id"), created_at__gt=OuterRef("created_at")
    )
    return (
        items_visible_to(membership=membership)
        .filter(follow_up_on__isnull=False)
        .exclude(Exists(later))
        .select_related("directing_municipality")
        .only(
            "id",
            "reference",
            "outcome",
            "follow_up_on",
            "decided_at",
            "directing_municipality__name",
        )
        .order_by("follow_up_on")
    )
