"""Which membership (organisation and role) a signed-in user is acting in for this request."""

from django.http import HttpRequest

from schakel.accounts.models import Membership, User
from schakel.core import context

SESSION_KEY = "acting_membership_id"


def acting_user(request: HttpRequest) -> User:
    """The signed-in user of a request that passed the sign-in and MFA checks."""
    user = request.user
    assert isinstance(user, User)
    return user


def active_memberships(user: User) -> list[Membership]:
    return list(
        Membership.objects.active()
        .filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )


def choose(memberships: list[Membership], preferred_id: str | None) -> Membership | None:
    for membership in memberships:
        if str(membership.pk) == preferred_id:
            return membership
    return memberships[0] if memberships else None


def acting_membership(request: HttpRequest) -> Membership | None:
    """The membership the request acts in, as the middleware resolved it (None: none)."""
    membership = getattr(request, "acting_membership", None)
    return membership if isinstance(membership, Membership) else None


def activate(request: HttpRequest, membership: Membership | None) -> None:
    """Record the acting membership on the request and in the log context."""
    request.acting_membership = membership  # type: ignore[attr-defined]
    if membership is None:
        context.update_current(membership_id="", organisation_id="", role="")
        return
    context.update_current(
        membership_id=str(membership.pk),
        organisation_id=str(membership.organisation_id),
        role=membership.role,
    )
