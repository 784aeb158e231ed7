"""Reads on organisations. The directory never shows staff, only organisations."""

from django.db.models import Q, QuerySet

from schakel.accounts.models import Membership, User
from schakel.network.models import Organisation


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
