"""Which collaborations a membership may see, and its roles in one.

A membership sees a collaboration when its organisation is a member of it. A role is given only
to an active membership of a member organisation (``services.role_assign``) and counts only
while that organisation is still a member: an organisation that leaves takes its staff's roles
(and with them the right to see and manage) along. Everything else answers 404: not found
equals forbidden. These reads hold no person data of data subjects and write no processing log.
"""

import uuid
from dataclasses import dataclass

from django.db.models import F, Prefetch, QuerySet
from django.http import Http404

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.collaboration.choices import MANAGING_ROLES, CollaborationRoleKind
from schakel.collaboration.models import (
    CollaborationRole,
    HostedWeighing,
    PlanGoal,
    PlanTheme,
    PolicyPlan,
)
from schakel.network.models import Collaboration, Organisation
from schakel.weighing.models import WeighingArrangement


def _counting(roles: QuerySet[CollaborationRole]) -> QuerySet[CollaborationRole]:
    """The roles that count: held by a membership of an organisation that is (still) a member of
    the role's collaboration."""
    return roles.filter(membership__organisation__collaborations=F("collaboration"))


def collaborations_of(membership: Membership | None) -> QuerySet[Collaboration]:
    """The collaborations the acting membership takes part in (none without one)."""
    if membership is None:
        return Collaboration.objects.none()
    return (
        Collaboration.objects.filter(members=membership.organisation_id)
        .distinct()
        .select_related("region")
    )


def collaboration_for(membership: Membership | None, pk: uuid.UUID) -> Collaboration:
    """One collaboration the membership takes part in; 404 for any other (or an unknown one)."""
    found = collaborations_of(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def roles_in(membership: Membership | None, collaboration: Collaboration) -> frozenset[str]:
    """The role kinds the membership holds in the collaboration."""
    if membership is None:
        return frozenset()
    return frozenset(
        _counting(CollaborationRole.objects.filter(collaboration=collaboration))
        .filter(membership=membership)
        .values_list("kind", flat=True)
    )


def managed_by(membership: Membership | None) -> QuerySet[Collaboration]:
    """The collaborations in which the membership holds a managing role (chair, coordinator,
    secretary)."""
    if membership is None:
        return Collaboration.objects.none()
    return Collaboration.objects.filter(
        members=membership.organisation_id,
        roles__membership=membership,
        roles__kind__in=MANAGING_ROLES,
    ).distinct()


def holders(collaboration: Collaboration, kind: CollaborationRoleKind) -> QuerySet[Membership]:
    return Membership.objects.active().filter(
        collaboration_roles__collaboration=collaboration,
        collaboration_roles__kind=kind,
        organisation__in=collaboration.members.all(),
    )


# What the pages and the API read ---------------------------------------------------------------


def visible_to(membership: Membership | None, *, is_superuser: bool) -> QuerySet[Collaboration]:
    """``collaborations_of``; the platform operator (superuser) sees every collaboration."""
    if is_superuser:
        return Collaboration.objects.select_related("region")
    return collaborations_of(membership)


def visible_for(
    membership: Membership | None, pk: uuid.UUID, *, is_superuser: bool
) -> Collaboration:
    """One visible collaboration; 404 for any other."""
    found = visible_to(membership, is_superuser=is_superuser).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def member_ids(collaboration: Collaboration) -> set[uuid.UUID]:
    return set(collaboration.members.values_list("pk", flat=True))


@dataclass(frozen=True)
class RoleRow:
    role: CollaborationRole
    kind: str
    holder: str  # function – organisation (mailbox), never a name


def role_rows(collaboration: Collaboration) -> list[RoleRow]:
    """The roles of active memberships, by kind, each holder shown as function – organisation –
    mailbox (``staff_display``)."""
    order = {kind: position for position, kind in enumerate(CollaborationRoleKind.values)}
    roles = _counting(
        CollaborationRole.objects.filter(
            collaboration=collaboration, membership__in=Membership.objects.active()
        )
    ).select_related("membership__user", "membership__organisation")
    rows = [
        RoleRow(
            role=role,
            kind=str(role.get_kind_display()),
            holder=staff_display(role.membership.user, role.membership.organisation),
        )
        for role in roles
    ]
    return sorted(rows, key=lambda row: (order.get(row.role.kind, 99), row.holder))


def role_candidates(collaboration: Collaboration) -> QuerySet[Membership]:
    """Active memberships of the member organisations: who may be given a role."""
    return (
        Membership.objects.active()
        .filter(organisation__in=collaboration.members.all())
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__function_title")
    )


def hosted_weighings(collaboration: Collaboration) -> QuerySet[HostedWeighing]:
    return (
        HostedWeighing.objects.filter(collaboration=collaboration)
        .select_related("arrangement__facilitator")
        .prefetch_related("arrangement__municipalities")
    )


def hostable_arrangements(collaboration: Collaboration) -> QuerySet[WeighingArrangement]:
    """Active arrangements whose municipalities are all members and that are not hosted yet."""
    outside = Organisation.objects.exclude(pk__in=collaboration.members.all())
    return (
        WeighingArrangement.objects.filter(is_active=True)
        .exclude(municipalities__in=outside)
        .exclude(hosted_by__collaboration=collaboration)
        .order_by("name")
    )


def plan_of(collaboration: Collaboration) -> PolicyPlan | None:
    """The policy plan with its themes, goals, indicators and progress (None: none yet)."""
    return (
        PolicyPlan.objects.filter(collaboration=collaboration)
        .prefetch_related(
            Prefetch("themes", queryset=PlanTheme.objects.order_by("position")),
            "themes__goals__indicators",
            "themes__goals__progress_updates",
        )
        .first()
    )


def goal_of(plan: PolicyPlan, pk: uuid.UUID) -> PlanGoal:
    found = PlanGoal.objects.filter(theme__plan=plan, pk=pk).select_related("theme").first()
    if found is None:
        raise Http404
    return found
