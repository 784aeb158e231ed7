"""Reads on organisations. The directory never shows staff, only organisations.

Every read takes the acting user; each fetcher raises Http404 for missing and forbidden alike.
"""

import uuid

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.network.choices import OrganisationKind
from schakel.network.models import (
    Collaboration,
    InterventionOption,
    Organisation,
    Region,
    ZvhServiceArea,
)


def regions_of(*, user: User) -> QuerySet[Organisation]:
    """The organisations the user currently acts for (through an active membership)."""
    return Organisation.objects.filter(
        pk__in=Membership.objects.active().filter(user=user).values("organisation_id")
    )


def directory_for(*, user: User) -> QuerySet[Organisation]:
    """Active organisations of the user's regions plus national ones (no region), with options."""
    own = regions_of(user=user)
    return (
        Organisation.objects.filter(is_active=True)
        .filter(Q(region__in=own.exclude(region=None).values("region_id")) | Q(region=None))
        .select_related("region")
        .prefetch_related("intervention_options")
        .order_by("kind", "name")
    )


def directory_organisation_get(*, user: User, pk: uuid.UUID) -> Organisation:
    return get_object_or_404(directory_for(user=user), pk=pk)


# Administration ------------------------------------------------------------------------------


def organisations_managed_by(*, user: User) -> QuerySet[Organisation]:
    """All organisations for the platform operator; else those of active functional-admin roles."""
    if user.is_superuser:
        return Organisation.objects.all()
    admin_of = (
        Membership.objects.active()
        .filter(user=user, role=Role.FUNCTIONAL_ADMIN)
        .values("organisation_id")
    )
    return Organisation.objects.filter(pk__in=admin_of)


def organisation_list_for_admin(*, user: User) -> QuerySet[Organisation]:
    return (
        organisations_managed_by(user=user)
        .select_related("region")
        .annotate(option_count=Count("intervention_options"))
        .order_by("name")
    )


def organisation_get_for_admin(*, user: User, pk: uuid.UUID) -> Organisation:
    queryset = organisations_managed_by(user=user).select_related("region")
    return get_object_or_404(queryset, pk=pk)


def intervention_option_get_for_admin(*, user: User, pk: uuid.UUID) -> InterventionOption:
    queryset = InterventionOption.objects.select_related("organisation").filter(
        organisation__in=organisations_managed_by(user=user)
    )
    return get_object_or_404(queryset, pk=pk)


def served_municipalities(*, user: User, zvh: Organisation) -> QuerySet[Organisation]:
    return organisations_managed_by(user=user).filter(zvh_service_areas__zvh=zvh).order_by("name")


def service_area_candidates(*, user: User, zvh: Organisation) -> QuerySet[Organisation]:
    """Municipalities this ZVH may serve: those not served by another ZVH (one per municipality)."""
    return (
        organisations_managed_by(user=user)
        .filter(kind=OrganisationKind.MUNICIPALITY)
        .exclude(zvh_service_areas__zvh__in=Organisation.objects.exclude(pk=zvh.pk))
        .select_related("region")
        .order_by("name")
    )


def _operator_only(user: User) -> None:
    if not user.is_superuser:
        raise Http404


def region_list_for_admin(*, user: User) -> QuerySet[Region]:
    _operator_only(user)
    return Region.objects.annotate(organisation_count=Count("organisations")).order_by("name")


def region_get_for_admin(*, user: User, pk: uuid.UUID) -> Region:
    _operator_only(user)
    return get_object_or_404(Region, pk=pk)


def collaboration_list_for_admin(*, user: User) -> QuerySet[Collaboration]:
    _operator_only(user)
    return Collaboration.objects.select_related("region").prefetch_related("members")


def collaboration_get_for_admin(*, user: User, pk: uuid.UUID) -> Collaboration:
    _operator_only(user)
    return get_object_or_404(Collaboration.objects.select_related("region"), pk=pk)


def process_directors_of(zvh: Organisation) -> list[User]:
    """The active process directors of a ZVH, by name."""
    return list(
        User.objects.filter(
            memberships__in=Membership.objects.active().filter(
                organisation=zvh, role=Role.PROCESS_DIRECTOR
            )
        )
        .distinct()
        .order_by("full_name")
    )


def zvh_for(municipality_id: uuid.UUID) -> Organisation | None:
    """The active ZVH that serves a municipality (None: none in Schakel)."""
    area = (
        ZvhServiceArea.objects.select_related("zvh")
        .filter(municipality_id=municipality_id, zvh__is_active=True)
        .first()
    )
    return area.zvh if area else None
