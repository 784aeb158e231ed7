"""Reads for the functional administration of users and memberships.

Scope: the platform operator sees everyone; a functional admin sees the accounts that have (or
had) a membership in an organisation they manage, never a superuser, and of those accounts only
the memberships in organisations they manage.
"""

import datetime as dt
import uuid
from collections.abc import Iterable

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Sum, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone

from schakel.accounts.models import Membership, MembershipQuerySet, User
from schakel.accounts.organisations.selectors import organisations_managed_by
from schakel.network.models import Organisation


def _open_memberships(today: dt.date) -> MembershipQuerySet:
    """Memberships that are current or still to start: not ended, not expired."""
    return Membership.objects.filter(ended_at__isnull=True).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def memberships_managed_by(*, user: User) -> MembershipQuerySet:
    memberships = Membership.objects.filter(organisation__in=organisations_managed_by(user=user))
    if not user.is_superuser:
        memberships = memberships.filter(user__is_superuser=False)
    return memberships


def users_managed_by(*, user: User) -> QuerySet[User]:
    """Accounts within reach, annotated with ``member_elsewhere``: open outside that reach."""
    if user.is_superuser:
        return User.objects.annotate(member_elsewhere=Value(False))
    managed = organisations_managed_by(user=user)
    elsewhere = (
        _open_memberships(timezone.localdate())
        .filter(user=OuterRef("pk"))
        .exclude(organisation__in=managed)
    )
    return User.objects.filter(
        is_superuser=False,
        pk__in=Membership.objects.filter(organisation__in=managed).values("user_id"),
    ).annotate(member_elsewhere=Exists(elsewhere))


def is_member_elsewhere(target: User) -> bool:
    """The annotation of ``users_managed_by``; without it, assume the stricter answer."""
    return bool(getattr(target, "member_elsewhere", True))


def _with_managed_memberships(users: QuerySet[User], *, user: User) -> QuerySet[User]:
    memberships = (
        memberships_managed_by(user=user)
        .select_related("organisation")
        .order_by("organisation__name", "role", "valid_from")
    )
    return users.prefetch_related(
        Prefetch("memberships", queryset=memberships, to_attr="managed_memberships")
    )


def user_list_for_admin(*, user: User, organisation: Organisation | None = None) -> QuerySet[User]:
    users = users_managed_by(user=user)
    if organisation is not None:
        members = Membership.objects.filter(organisation=organisation).values("user_id")
        users = users.filter(pk__in=members)
    return _with_managed_memberships(users, user=user).order_by("full_name", "email")


def user_get_for_admin(*, user: User, pk: uuid.UUID) -> User:
    return get_object_or_404(
        _with_managed_memberships(users_managed_by(user=user), user=user), pk=pk
    )


def membership_get_for_admin(*, user: User, pk: uuid.UUID) -> Membership:
    """A membership that can still be changed: in reach and not ended (ended ones are history)."""
    queryset = memberships_managed_by(user=user).filter(ended_at__isnull=True)
    return get_object_or_404(queryset.select_related("user", "organisation"), pk=pk)


def locked_emails(*, emails: Iterable[str]) -> set[str]:
    """Which of these accounts are locked out now (django-axes' rule, in one query)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    totals = (
        AccessAttempt.objects.filter(username__in=list(emails), attempt_time__gte=since)
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"] for row in totals}
