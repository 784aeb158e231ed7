"""Reads of the privacy officer's desk about access to the organisation: failed sign-ins and
changes to privileged memberships, scoped to the officer's organisation.

The privileged-membership changes show the names of the organisation's own staff (an internal
review); staff of other organisations appear as function and organisation only.

Failed sign-ins come from django-axes' failure log (``AccessFailureLog``; it is kept only when
``AXES_ENABLE_ACCESS_FAILURE_LOG`` is on). A day is a **spike** when it has at least
``SPIKE_MINIMUM`` failures and at least ``SPIKE_FACTOR`` times the median of the days of the
period (days without failures count as 0).
"""

import statistics
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.db.models import Count, QuerySet, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.audit.models import LogRecord
from schakel.network.models import Organisation

SPIKE_MINIMUM = 5


SPIKE_FACTOR = 3


SIGN_IN_PERIODS = (14, 30)


PRIVILEGED_ROLES = (Role.FUNCTIONAL_ADMIN, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR)


PRIVILEGED_PERIOD = timedelta(days=90)


PRIVILEGED_ROWS = 200


MEMBERSHIP_EVENTS = {
    "account.membership.create": _("Toegekend"),
    "account.membership.update": _("Periode gewijzigd"),
    "account.membership.end": _("Beëindigd"),
}


# Failed sign-ins and privileged memberships -------------------------------------------------


def spike_flags(
    counts: Sequence[int], *, factor: int = SPIKE_FACTOR, minimum: int = SPIKE_MINIMUM
) -> list[bool]:
    """Which days are spikes: at least ``minimum`` failures and ``factor`` × the median."""
    if not counts:
        return []
    median = statistics.median(counts)
    return [count >= minimum and count >= factor * median for count in counts]


@dataclass(frozen=True)
class DayCount:
    day: date
    failures: int
    spike: bool


@dataclass(frozen=True)
class SignInReport:
    days: int
    series: list[DayCount]
    locked_now: int
    failure_log_enabled: bool

    @property
    def total(self) -> int:
        return sum(day.failures for day in self.series)

    @property
    def spikes(self) -> list[DayCount]:
        return [day for day in self.series if day.spike]


def _staff_emails(organisation_id: uuid.UUID) -> QuerySet[User, Any]:
    """E-mail addresses (django-axes' user names) of everyone with a membership there."""
    return User.objects.filter(memberships__organisation_id=organisation_id).values("email")


def failed_sign_ins(*, membership: Membership, days: int = SIGN_IN_PERIODS[0]) -> SignInReport:
    """Failed sign-ins per day for the organisation's staff, the spikes and current lockouts.

    Attempts with an address that belongs to no account cannot be tied to an organisation and
    are not counted here."""
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    since = timezone.make_aware(datetime.combine(first, time.min))
    emails = _staff_emails(membership.organisation_id)
    per_day = dict(
        AccessFailureLog.objects.filter(username__in=Subquery(emails), attempt_time__gte=since)
        .annotate(day=TruncDate("attempt_time"))
        .order_by()
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    counts = [per_day.get(first + timedelta(days=i), 0) for i in range(days)]
    flags = spike_flags(counts)
    series = [DayCount(first + timedelta(days=i), counts[i], flags[i]) for i in range(days)]
    cooloff = timezone.now() - settings.AXES_COOLOFF_TIME
    locked = (
        AccessAttempt.objects.filter(username__in=Subquery(emails), attempt_time__gte=cooloff)
        .order_by()
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .count()
    )
    return SignInReport(
        days=days,
        series=series,
        locked_now=locked,
        failure_log_enabled=bool(getattr(settings, "AXES_ENABLE_ACCESS_FAILURE_LOG", False)),
    )


@dataclass(frozen=True)
class PrivilegedChange:
    at: datetime
    action: str
    role: str
    member: str
    by: str


def _privileged_memberships(organisation_id: uuid.UUID) -> dict[str, Membership]:
    memberships = Membership.objects.filter(
        organisation_id=organisation_id, role__in=PRIVILEGED_ROLES
    ).select_related("user")
    return {str(m.pk): m for m in memberships}


def _privileged_records(memberships: dict[str, Membership]) -> QuerySet[LogRecord]:
    since = timezone.now() - PRIVILEGED_PERIOD
    return LogRecord.objects.filter(
        name__in=list(MEMBERSHIP_EVENTS),
        start_time__gte=since,
        attributes__membership__in=list(memberships),
    )


def privileged_change_count(*, membership: Membership) -> int:
    memberships = _privileged_memberships(membership.organisation_id)
    return _privileged_records(memberships).count() if memberships else 0


def _person(user: User) -> str:
    function = user.function_title.strip()
    return f"{user.full_name} ({function})" if function else user.full_name


def privileged_changes(*, membership: Membership) -> list[PrivilegedChange]:
    """Grants, period changes and ends of functional-admin, privacy-officer and administrator
    memberships of the organisation in the last 90 days, newest first (from the log)."""
    memberships = _privileged_memberships(membership.organisation_id)
    if not memberships:
        return []
    records = list(
        _privileged_records(memberships)
        .only("start_time", "name", "attributes", "actor_user_id", "actor_organisation_id")
        .order_by("-start_time")[:PRIVILEGED_ROWS]
    )
    actors = {
        str(u.pk): u
        for u in User.objects.filter(pk__in={r.actor_user_id for r in records if r.actor_user_id})
    }
    orgs = {
        str(o.pk): o
        for o in Organisation.objects.filter(
            pk__in={r.actor_organisation_id for r in records if r.actor_organisation_id}
        )
    }
    own = str(membership.organisation_id)
    changes = []
    for record in records:
        target = memberships[str(record.attributes["membership"])]
        actor = actors.get(record.actor_user_id)
        actor_org = orgs.get(record.actor_organisation_id)
        if actor is None:
            by = str(_("Het systeem"))
        elif actor_org is None:
            by = actor.function_title.strip() or str(_("Platformbeheer"))
        elif record.actor_organisation_id == own:
            by = f"{actor.full_name} – {staff_display(actor, actor_org)}"
        else:
            by = staff_display(actor, actor_org)
        changes.append(
            PrivilegedChange(
                at=record.start_time,
                action=str(MEMBERSHIP_EVENTS.get(record.name, record.name)),
                role=target.get_role_display(),
                member=_person(target.user),
                by=by,
            )
        )
    return changes
