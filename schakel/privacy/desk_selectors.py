"""Reads of the privacy officer's desk, scoped to the officer's organisation.

Everything here is metadata: references, dates, counts, organisations, legal bases and roles —
never a name, BSN or the content of a case. Two exceptions, both internal to the organisation
and both logged or bounded:

- the notes of disclosures (purpose; necessity, proportionality and subsidiarity) — their
  justification, not their content — are read in the drill-down list, which logs the read per
  person (``Activity.SUPERVISION``);
- the privileged-membership changes show the names of the organisation's own staff (an
  internal review); staff of other organisations appear as function and organisation only.

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
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.audit import services as audit
from schakel.audit.choices import Activity, SubjectType
from schakel.audit.models import LogRecord
from schakel.cases.choices import OPEN_PHASES, ParticipationKind
from schakel.cases.models import Invitation, Participation
from schakel.network.models import Organisation
from schakel.privacy.models import Disclosure, LegalBasis

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
DEFAULT_DISCLOSURE_PERIOD = timedelta(days=365)


# Disclosures ----------------------------------------------------------------------------------


def _received_by(org_id: uuid.UUID) -> QuerySet[Any, Any]:
    through = Disclosure.recipients.through
    return through.objects.filter(organisation_id=org_id).values("disclosure_id")


def disclosures_in_scope(
    *, membership: Membership, start: date | None = None, end: date | None = None
) -> QuerySet[Disclosure]:
    """Disclosures the officer's organisation made or received (in the period, when given)."""
    org = membership.organisation_id
    disclosures = Disclosure.objects.filter(
        Q(from_organisation_id=org) | Q(pk__in=_received_by(org))
    )
    if start is not None:
        disclosures = disclosures.filter(created_at__date__gte=start)
    if end is not None:
        disclosures = disclosures.filter(created_at__date__lte=end)
    return disclosures


@dataclass(frozen=True)
class BasisGroup:
    basis_id: uuid.UUID
    name: str
    citation: str
    made: int
    received: int

    @property
    def total(self) -> int:
        return self.made + self.received


@dataclass(frozen=True)
class OrganisationGroup:
    organisation_id: uuid.UUID
    name: str
    made_to: int
    received_from: int

    @property
    def total(self) -> int:
        return self.made_to + self.received_from


def disclosures_per_basis(
    *, membership: Membership, start: date | None, end: date | None
) -> list[BasisGroup]:
    org = membership.organisation_id
    rows = (
        disclosures_in_scope(membership=membership, start=start, end=end)
        .order_by()
        .values("legal_basis_id")
        .annotate(
            made=Count("pk", filter=Q(from_organisation_id=org)),
            received=Count("pk", filter=~Q(from_organisation_id=org)),
        )
    )
    counts = {row["legal_basis_id"]: row for row in rows}
    bases = LegalBasis.objects.filter(pk__in=list(counts)).order_by("position", "name")
    return [
        BasisGroup(b.pk, b.name, b.citation, counts[b.pk]["made"], counts[b.pk]["received"])
        for b in bases
    ]


def disclosures_per_organisation(
    *, membership: Membership, start: date | None, end: date | None
) -> list[OrganisationGroup]:
    """Per other organisation: how many disclosures went to it and came from it."""
    org = membership.organisation_id
    made = disclosures_in_scope(membership=membership, start=start, end=end).filter(
        from_organisation_id=org
    )
    through = Disclosure.recipients.through
    made_to: dict[uuid.UUID, int] = {
        row["organisation_id"]: row["n"]
        for row in through.objects.filter(disclosure__in=made.values("pk"))
        .order_by()
        .values("organisation_id")
        .annotate(n=Count("disclosure_id"))
    }
    received_from = dict(
        disclosures_in_scope(membership=membership, start=start, end=end)
        .exclude(from_organisation_id=org)
        .order_by()
        .values("from_organisation_id")
        .annotate(n=Count("pk"))
        .values_list("from_organisation_id", "n")
    )
    ids = set(made_to) | set(received_from)
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    groups = [
        OrganisationGroup(pk, names.get(pk, ""), made_to.get(pk, 0), received_from.get(pk, 0))
        for pk in ids
    ]
    return sorted(groups, key=lambda g: g.name)


@dataclass(frozen=True)
class DisclosureRow:
    made_at: datetime
    case_reference: str
    meeting_reference: str
    meeting_date: datetime
    from_organisation: str
    to_organisations: list[str]
    legal_basis: str
    citation: str
    categories: list[str]
    purpose: str | None
    necessity_note: str | None
    is_correction: bool
    content_deleted: bool


def disclosure_rows_queryset(
    *,
    membership: Membership,
    start: date | None,
    end: date | None,
    basis_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
) -> QuerySet[Disclosure]:
    """The drill-down list (not yet read): newest first, without the content column."""
    disclosures = disclosures_in_scope(membership=membership, start=start, end=end)
    if basis_id is not None:
        disclosures = disclosures.filter(legal_basis_id=basis_id)
    if organisation_id is not None:
        org = membership.organisation_id
        to_them = Q(from_organisation_id=org) & Q(
            pk__in=Disclosure.recipients.through.objects.filter(
                organisation_id=organisation_id
            ).values("disclosure_id")
        )
        disclosures = disclosures.filter(to_them | Q(from_organisation_id=organisation_id))
    return (
        disclosures.defer("content")
        .select_related(
            "agenda_item__meeting", "agenda_item__case", "from_organisation", "legal_basis"
        )
        .prefetch_related("recipients")
        .order_by("-created_at", "pk")
    )


def read_disclosure_rows(
    *, membership: Membership, disclosures: Sequence[Disclosure]
) -> list[DisclosureRow]:
    """Rows of a page of the drill-down; reading their notes is logged per person first."""
    subjects = list(
        dict.fromkeys(
            audit.Subject(SubjectType.PERSON, str(d.agenda_item.case.subject_id))
            for d in disclosures
        )
    )
    if subjects:
        audit.log_processing(
            activity=Activity.SUPERVISION,
            name="desk_disclosure_notes_read",
            by=membership.user,
            subjects=subjects,
            attributes={"disclosures": len(disclosures)},
        )
    return [
        DisclosureRow(
            made_at=d.created_at,
            case_reference=d.agenda_item.case.reference,
            meeting_reference=d.agenda_item.meeting.reference,
            meeting_date=d.agenda_item.meeting.starts_at,
            from_organisation=d.from_organisation.name,
            to_organisations=sorted(o.name for o in d.recipients.all()),
            legal_basis=d.legal_basis.display_name,
            citation=d.legal_basis.citation,
            categories=d.data_categories,
            purpose=d.purpose,
            necessity_note=d.necessity_note,
            is_correction=d.corrects_id is not None,
            content_deleted=d.content_deleted_at is not None,
        )
        for d in disclosures
    ]


# Incidental participations still open after their meeting -------------------------------------


@dataclass(frozen=True)
class IncidentalRow:
    case_reference: str
    organisation: str
    since: date
    until: date | None
    meeting_ended_at: datetime
    days_open: int


def incidental_open_queryset(*, membership: Membership) -> QuerySet[Participation]:
    """Incidental participations that still run although the last meeting the organisation was
    invited to for the case is over — in cases the officer's organisation directs, runs as ZVH,
    or where it is the incidental partner itself."""
    org = membership.organisation_id
    now = timezone.now()
    today = timezone.localdate()
    last_meeting = (
        Invitation.objects.filter(
            agenda_item__case_id=OuterRef("case_id"),
            organisation_id=OuterRef("organisation_id"),
            kind=ParticipationKind.INCIDENTAL,
        )
        .order_by("-agenda_item__meeting__ends_at")
        .values("agenda_item__meeting__ends_at")[:1]
    )
    return (
        Participation.objects.filter(kind=ParticipationKind.INCIDENTAL, case__phase__in=OPEN_PHASES)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .filter(
            Q(case__directing_municipality_id=org) | Q(case__zvh_id=org) | Q(organisation_id=org)
        )
        .annotate(last_meeting_ended_at=Subquery(last_meeting))
        .filter(last_meeting_ended_at__lt=now)
        .select_related("organisation")
        .only("id", "case_id", "organisation__name", "organisation_id", "starts_on", "ends_on")
        .order_by("last_meeting_ended_at", "pk")
    )


def incidental_rows(participations: Sequence[Participation]) -> list[IncidentalRow]:
    from schakel.cases.models import Case

    today = timezone.localdate()
    rows = []
    for p in participations:
        ended: datetime = p.last_meeting_ended_at  # type: ignore[attr-defined]
        rows.append(
            IncidentalRow(
                case_reference=Case(pk=p.case_id).reference,
                organisation=p.organisation.name,
                since=p.starts_on,
                until=p.ends_on,
                meeting_ended_at=ended,
                days_open=(today - timezone.localtime(ended).date()).days,
            )
        )
    return rows


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
