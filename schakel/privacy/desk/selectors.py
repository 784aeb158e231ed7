"""Reads of the privacy officer's desk, scoped to the officer's organisation: disclosures and
incidental participations (failed sign-ins and privileged memberships: ``desk.access_signals``).

Everything here is metadata: references, dates, counts, organisations, legal bases and roles —
never a name, BSN or the content of a case. One exception, internal to the organisation and
logged: the notes of disclosures (purpose; necessity, proportionality and subsidiarity) — their
justification, not their content — are read in the drill-down list, which logs the read per
person (``PrivacyActivity.SUPERVISION``).
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.cases.choices import OPEN_PHASES, ParticipationKind
from schakel.cases.models import Disclosure, Invitation, Participation
from schakel.legal.models import LegalBasis
from schakel.network.models import Organisation
from schakel.privacy.activities import PrivacyActivity

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
            activity=PrivacyActivity.SUPERVISION,
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
        .select_related("organisation", "case")
        .only(
            "id",
            "case_id",
            "case__id",
            "case__reference",
            "organisation__name",
            "organisation_id",
            "starts_on",
            "ends_on",
        )
        .order_by("last_meeting_ended_at", "pk")
    )


def incidental_rows(participations: Sequence[Participation]) -> list[IncidentalRow]:
    today = timezone.localdate()
    rows = []
    for p in participations:
        ended: datetime = p.last_meeting_ended_at  # type: ignore[attr-defined]
        rows.append(
            IncidentalRow(
                case_reference=p.case.reference,
                organisation=p.organisation.name,
                since=p.starts_on,
                until=p.ends_on,
                meeting_ended_at=ended,
                days_open=(today - timezone.localtime(ended).date()).days,
            )
        )
    return rows
