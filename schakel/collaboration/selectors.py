"""Which collaborations a membership may see, and its roles in one.

A membership sees a collaboration when its organisation is a member of it or when it holds a
role in it (a coordinator employed elsewhere). Everything else answers 404: not found equals
forbidden. These reads hold no person data of data subjects and write no processing log.
"""

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from schakel.accounts.models import Membership
from schakel.collaboration.choices import MANAGING_ROLES, CollaborationRoleKind
from schakel.collaboration.models import CollaborationRole
from schakel.network.models import Collaboration


def collaborations_of(membership: Membership | None) -> QuerySet[Collaboration]:
    """The collaborations the acting membership takes part in (none without one)."""
    if membership is None:
        return Collaboration.objects.none()
    return (
        Collaboration.objects.filter(
            Q(members=membership.organisation_id) | Q(roles__membership=membership)
        )
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
        CollaborationRole.objects.filter(
            collaboration=collaboration, membership=membership
        ).values_list("kind", flat=True)
    )


def managed_by(membership: Membership | None) -> QuerySet[Collaboration]:
    """The collaborations in which the membership holds a managing role (chair, coordinator,
    secretary)."""
    if membership is None:
        return Collaboration.objects.none()
    return Collaboration.objects.filter(
        roles__membership=membership, roles__kind__in=MANAGING_ROLES
    ).distinct()


def holders(collaboration: Collaboration, kind: CollaborationRoleKind) -> QuerySet[Membership]:
    return Membership.objects.active().filter(
        collaboration_roles__collaboration=collaboration, collaboration_roles__kind=kind
    )
