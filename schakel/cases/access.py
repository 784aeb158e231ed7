"""Who sees which case, agenda item, meeting and intervention: one set-based condition each.

- The municipal lead of the municipality of residence sees its cases (also when closed).
- A process director sees the cases of their ZVH (also when closed).
- A member (table role) of an organisation with a running **structural** participation sees
  the case, its meetings' items about it and its plan — only while the participation runs and
  the case is open.
- An **incidental** partner sees only the agenda items its organisation is invited to, only
  from ``valid_from`` to ``valid_until`` and while the case is open; never the rest of the case.
- The owner of an intervention sees that intervention while the case is open.
- Everyone else — other municipalities, other ZVHs, privacy officers, administrators,
  functional admins — sees nothing: 404.
Lists, details, documents and the API all start from these querysets.
"""

from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from schakel.accounts.choices import TABLE_ROLES, Role
from schakel.accounts.models import Membership
from schakel.cases.choices import OPEN_PHASES, ParticipationKind
from schakel.cases.models import (
    AgendaItem,
    Case,
    ConsultationMeeting,
    Intervention,
    Invitation,
    Participation,
)
from schakel.network.choices import OrganisationKind


def _running(day: date) -> Q:
    return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))


def case_condition(membership: Membership | None, *, prefix: str = "") -> Any:
    """The condition on Case (or, with ``prefix``, on a model pointing at it) for this
    membership; None when it sees no case at all."""
    if membership is None or membership.role not in TABLE_ROLES:
        return None
    org = membership.organisation
    day = timezone.localdate()
    # Not correlated: the organisation's running participations are one small set the database
    # reads once through the (organisation, kind, case) index, instead of a check per case.
    structural = Participation.objects.filter(
        _running(day), organisation_id=org.pk, kind=ParticipationKind.STRUCTURAL
    ).values("case_id")
    # A participation gives access only while the case is open.
    condition: Any = Q(**{f"{prefix}pk__in_set": structural}) & Q(
        **{f"{prefix}phase__in": OPEN_PHASES}
    )
    if membership.role == Role.MUNICIPAL_LEAD and org.kind == OrganisationKind.MUNICIPALITY:
        condition |= Q(**{f"{prefix}directing_municipality_id": org.pk})
    if membership.role == Role.PROCESS_DIRECTOR:
        condition |= Q(**{f"{prefix}zvh_id": org.pk})
    return condition


def cases_visible_to(*, membership: Membership | None) -> QuerySet[Case]:
    condition = case_condition(membership)
    if condition is None:
        return Case.objects.none()
    return Case.objects.filter(condition)


def _invited_now(membership: Membership) -> Any:
    """An incidental invitation in its period, while the organisation's incidental
    participation in the case has not been ended (ending it ends the access at once).
    Structural invitations only record who was asked: structural access is the participation."""
    day = timezone.localdate()
    invited = Invitation.objects.filter(
        agenda_item_id=OuterRef("pk"),
        organisation_id=membership.organisation_id,
        kind=ParticipationKind.INCIDENTAL,
        valid_from__lte=day,
        valid_until__gte=day,
    )
    taking_part = Participation.objects.filter(
        _running(day),
        case_id=OuterRef("case_id"),
        organisation_id=membership.organisation_id,
        kind=ParticipationKind.INCIDENTAL,
    )
    return Exists(invited) & Exists(taking_part) & Q(case__phase__in=OPEN_PHASES)


def agenda_items_visible_to(*, membership: Membership | None) -> QuerySet[AgendaItem]:
    """Items of visible cases, plus items the organisation is invited to right now."""
    condition = case_condition(membership, prefix="case__")
    if condition is None or membership is None:
        return AgendaItem.objects.none()
    return AgendaItem.objects.filter(condition | _invited_now(membership))


def has_full_access(membership: Membership | None, case: Case) -> bool:
    """Whether this membership sees the whole case (not only an invited item)."""
    return cases_visible_to(membership=membership).filter(pk=case.pk).exists()


def meetings_visible_to(*, membership: Membership | None) -> QuerySet[ConsultationMeeting]:
    """The ZVH's process directors see its meetings; others the meetings with an item they see."""
    if membership is None or membership.role not in TABLE_ROLES:
        return ConsultationMeeting.objects.none()
    items = agenda_items_visible_to(membership=membership).filter(meeting_id=OuterRef("pk"))
    condition: Any = Exists(items) | Q(chair_id=membership.user_id)
    if membership.role == Role.PROCESS_DIRECTOR:
        condition |= Q(zvh_id=membership.organisation_id)
    return ConsultationMeeting.objects.filter(condition)


def interventions_visible_to(*, membership: Membership | None) -> QuerySet[Intervention]:
    """Interventions of visible cases, and those the organisation owns while the case is open."""
    condition = case_condition(membership, prefix="plan__case__")
    if condition is None or membership is None:
        return Intervention.objects.none()
    owned = Q(owner_id=membership.organisation_id, plan__case__phase__in=OPEN_PHASES)
    return Intervention.objects.filter(condition | owned)
