"""Reads of retention for the privacy officer: what the sweep will delete within the outlook
(default 90 days), legal holds, runs and the deletion register.

Rows carry references, organisations and dates only — never person data. An officer sees the
objects of their own organisation (the directing or registering municipality of a signal, the
directing municipality or ZVH of a case, the contact point of a request); the processing log is
one platform-wide count.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import pruning
from schakel.audit.models import ChainHead, DeletionRecord
from schakel.cases.choices import CasePhase
from schakel.cases.models import Case
from schakel.core.dates import add_months
from schakel.intake.choices import EXPIRABLE_STATUSES
from schakel.intake.models import OnlineResearchEntry, Signal
from schakel.legal.choices import RetentionKind
from schakel.legal.terms import terms
from schakel.privacy.models import LegalHold, RetentionRun, SubjectRequest
from schakel.privacy.retention.holds import (
    active_holds,
    held_subjects,
    holds_in_scope,
    kind_is_held,
)
from schakel.weighing.models import WeighingItem

ROW_LIMIT = 200


@dataclass(frozen=True)
class RetentionDeskSummary:
    due_within_90_days: int
    blocked_by_hold: int
    active_holds: int
    last_run: RetentionRun | None


@dataclass(frozen=True)
class UpcomingRow:
    reference: str
    organisation: str
    due_on: date
    held: bool


@dataclass
class UpcomingKind:
    kind: str
    label: str
    term_months: int
    kind_held: bool
    total: int = 0
    held: int = 0
    rows: list[UpcomingRow] = field(default_factory=list)


@dataclass(frozen=True)
class Outlook:
    until: date
    kinds: list[UpcomingKind]
    log_records_due: int

    @property
    def total(self) -> int:
        return sum(k.total - k.held for k in self.kinds if not k.kind_held)

    @property
    def held(self) -> int:
        return sum(k.total if k.kind_held else k.held for k in self.kinds)


def _officer(membership: Membership | None) -> Membership:
    if membership is None or membership.role != Role.PRIVACY_OFFICER:
        raise Http404
    return membership


def _as_date(value: datetime | date) -> date:
    return timezone.localdate(value) if isinstance(value, datetime) else value


def outlook(*, membership: Membership | None, days: int | None = None) -> Outlook:
    """What the sweep will delete from now until ``days`` ahead, for the officer's organisation."""
    officer = _officer(membership)
    org = officer.organisation
    now = timezone.now()
    today = timezone.localdate(now)
    until_moment = now + timedelta(days=days or settings.SCHAKEL_RETENTION_OUTLOOK_DAYS)
    term = terms()
    held_ids = set(held_subjects(today).values_list("pk", flat=True))
    kinds: list[UpcomingKind] = []

    def add(kind: str, items: list[tuple[str, str, date, uuid.UUID | None]]) -> None:
        entry = UpcomingKind(
            kind=kind,
            label=str(RetentionKind(kind).label),
            term_months=term[kind],
            kind_held=kind_is_held(kind, today),
        )
        for reference, organisation, due_on, subject_id in sorted(items, key=lambda i: i[2]):
            held = subject_id is not None and subject_id in held_ids
            entry.total += 1
            entry.held += held
            if len(entry.rows) < ROW_LIMIT:
                entry.rows.append(UpcomingRow(reference, organisation, due_on, held))
        kinds.append(entry)

    def cutoff(kind: str) -> datetime:
        return add_months(until_moment, -term[kind])

    signals = Signal.objects.filter(
        Q(directing_municipality=org) | Q(registering_organisation=org),
        status__in=EXPIRABLE_STATUSES,
        person_data_deleted_at=None,
        expires_at__lte=until_moment,
    ).select_related("directing_municipality")
    add(
        RetentionKind.SIGNAL_NOT_WEIGHED,
        [
            (s.reference, s.directing_municipality.name, _as_date(s.expires_at), s.subject_id)
            for s in signals.only(
                "id", "reference", "expires_at", "subject_id", "directing_municipality__name"
            )
        ],
    )
    weighed = _weighed_rows(org.pk, cutoff(RetentionKind.WEIGHED_NOT_INCLUDED), term)
    add(RetentionKind.WEIGHED_NOT_INCLUDED, weighed)
    # Every organisation that may hold a case (directing, ZVH, participants) sees it coming.
    cases = (
        Case.objects.filter(
            Q(directing_municipality=org) | Q(zvh=org) | Q(participations__organisation=org),
            phase=CasePhase.CLOSED,
            content_deleted_at=None,
            retention_starts_on__lte=_as_date(cutoff(RetentionKind.CLOSED_CASE)),
        )
        .select_related("directing_municipality")
        .distinct()
    )
    add(
        RetentionKind.CLOSED_CASE,
        [
            (
                c.reference,
                c.directing_municipality.name,
                add_months(c.retention_starts_on, term[RetentionKind.CLOSED_CASE]),
                c.subject_id,
            )
            for c in cases
            if c.retention_starts_on is not None
        ],
    )
    research = OnlineResearchEntry.objects.filter(
        municipality=org,
        content_deleted_at=None,
        created_at__lte=cutoff(RetentionKind.ONLINE_RESEARCH),
    ).select_related("municipality", "signal")
    add(
        RetentionKind.ONLINE_RESEARCH,
        [
            (
                "OZ-" + str(r.pk).split("-")[0].upper(),
                r.municipality.name,
                _as_date(add_months(r.created_at, term[RetentionKind.ONLINE_RESEARCH])),
                r.signal.subject_id if r.signal else None,
            )
            for r in research
        ],
    )
    requests = SubjectRequest.objects.filter(
        contact_point=org,
        content_deleted_at=None,
        closed_at__lte=cutoff(RetentionKind.SUBJECT_REQUEST),
    ).select_related("contact_point")
    add(
        RetentionKind.SUBJECT_REQUEST,
        [
            (
                r.reference,
                r.contact_point.name,
                _as_date(add_months(r.closed_at, term[RetentionKind.SUBJECT_REQUEST])),
                r.subject_id,
            )
            for r in requests
            if r.closed_at is not None
        ],
    )
    head = ChainHead.objects.filter(pk=1).first()
    log_due = 0
    if head is not None:
        through = pruning.due_through(before=cutoff(RetentionKind.PROCESSING_LOG))
        log_due = max(0, through - head.pruned_through)
    return Outlook(until=_as_date(until_moment), kinds=kinds, log_records_due=log_due)


def _weighed_rows(
    organisation_id: uuid.UUID, cutoff: datetime, term: dict[str, int]
) -> list[tuple[str, str, date, uuid.UUID | None]]:
    from schakel.core.retention import Moment
    from schakel.privacy.retention.signal_and_case_handlers import _weighed_not_included

    moment = Moment(now=timezone.now(), cutoffs={RetentionKind.WEIGHED_NOT_INCLUDED: cutoff})
    subjects = dict(_weighed_not_included(moment).values_list("pk", "last_decided"))  # type: ignore[misc]
    items = (
        WeighingItem.objects.filter(
            subject_id__in=subjects, directing_municipality_id=organisation_id
        )
        .select_related("directing_municipality")
        .order_by("subject_id", "-decided_at")
        .distinct()
    )
    rows: dict[uuid.UUID, tuple[str, str, date, uuid.UUID | None]] = {}
    for item in items:
        last = subjects[item.subject_id]
        if item.subject_id not in rows and last is not None:
            due = _as_date(add_months(last, term[RetentionKind.WEIGHED_NOT_INCLUDED]))
            rows[item.subject_id] = (
                item.reference,
                item.directing_municipality.name,
                due,
                item.subject_id,
            )
    return list(rows.values())


def desk_summary(*, membership: Membership) -> RetentionDeskSummary:
    """Counts for the privacy officer's desk."""
    view = outlook(membership=membership)
    return RetentionDeskSummary(
        due_within_90_days=view.total,
        blocked_by_hold=view.held,
        active_holds=active_holds(timezone.localdate())
        .filter(organisation=membership.organisation)
        .count(),
        last_run=RetentionRun.objects.order_by("-started_at").first(),
    )


def holds_for(*, membership: Membership | None) -> QuerySet[LegalHold]:
    officer = _officer(membership)
    return (
        holds_in_scope(officer)
        .select_related("placed_by", "lifted_by")
        .order_by(F("lifted_at").asc(nulls_first=True), "-ends_on")
    )


def deletion_register(*, membership: Membership | None) -> QuerySet[DeletionRecord]:
    """The whole register: it holds no personal data (kind, count, rule, run, moment)."""
    _officer(membership)
    return DeletionRecord.objects.order_by("-deleted_at", "-id")


def runs(*, membership: Membership | None) -> QuerySet[RetentionRun]:
    _officer(membership)
    return RetentionRun.objects.order_by("-started_at")
