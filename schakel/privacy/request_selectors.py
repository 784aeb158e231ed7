"""Reads of data-subject requests, each taking the acting membership.

- The contact point's municipal leads and privacy officers handle a request: they see all of it,
  including who the person is (``request_get_for``; the read is logged).
- Members of an organisation asked for input (``CONTRIBUTOR_ROLES``) see the request's metadata
  and their own organisation's contribution only (``contribution_get_for``; logged too).
- Lists, the inbox and the desk hold metadata only (reference, kind, dates, status,
  organisations) and are not logged; anyone else gets a 404, the same as for what does not exist.
"""

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.db.models import Case as Switch
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import Activity, SubjectType
from schakel.cases.access import cases_visible_to
from schakel.cases.models import Case
from schakel.intake.identity import SubjectIdentity, identity_of
from schakel.intake.models import Signal, Subject, mask_bsn
from schakel.intake.selectors import signals_visible_to
from schakel.network.choices import OrganisationKind
from schakel.privacy.choices import (
    OPEN_REQUEST_STATUSES,
    ContributionStatus,
    RequestKind,
    RequestStatus,
)
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.request_services import (
    CONTRIBUTOR_ROLES,
    HANDLER_ROLES,
    Origin,
    handles,
    person_of,
)

# The desk warns about requests due within this many days.
DUE_SOON_DAYS = 7

REQUEST_LIST_FIELDS = (
    "id", "kind", "received_on", "deadline_on", "extended_until", "status", "decision",
    "decided_on", "closed_at", "contact_point_id", "contact_point__name", "identity_verified_on",
)  # fmt: skip


@dataclass(frozen=True)
class RequestDeskSummary:
    open: int
    due_within_7_days: int
    overdue: int
    extended: int


# Where a registration may start ----------------------------------------------------------------


def _is_municipal_officer(membership: Membership) -> bool:
    return (
        membership.role == Role.PRIVACY_OFFICER
        and membership.organisation.kind == OrganisationKind.MUNICIPALITY
    )


def cases_in_reach(*, membership: Membership | None) -> QuerySet[Case]:
    """Cases a registration may start from: the cases the membership sees, and for a
    municipality's privacy officer the cases its municipality directs."""
    if membership is None:
        return Case.objects.none()
    visible = cases_visible_to(membership=membership)
    if _is_municipal_officer(membership):
        return Case.objects.filter(
            Q(pk__in=visible.values("pk")) | Q(directing_municipality_id=membership.organisation_id)
        )
    return visible


def signals_in_reach(*, membership: Membership | None) -> QuerySet[Signal]:
    """Signals a registration may start from: the signals the membership sees, and for a
    privacy officer those registered by or directed to its organisation."""
    if membership is None:
        return Signal.objects.none()
    visible = signals_visible_to(membership=membership)
    if membership.role == Role.PRIVACY_OFFICER:
        org = membership.organisation_id
        return Signal.objects.filter(
            Q(pk__in=visible.values("pk"))
            | Q(registering_organisation_id=org)
            | Q(directing_municipality_id=org)
        )
    return visible


def origin_for(
    *,
    membership: Membership | None,
    case_pk: uuid.UUID | None = None,
    signal_pk: uuid.UUID | None = None,
) -> Origin:
    """The case or signal a registration starts from, if the membership can reach it (404)."""
    if case_pk is not None:
        case = (
            cases_in_reach(membership=membership)
            .select_related("directing_municipality", "subject")
            .filter(pk=case_pk)
            .first()
        )
        if case is not None:
            return Origin(case=case)
    elif signal_pk is not None:
        signal = (
            signals_in_reach(membership=membership)
            .select_related("directing_municipality")
            .filter(pk=signal_pk)
            .first()
        )
        if signal is not None:
            return Origin(signal=signal)
    raise Http404


def origin_by_reference(*, membership: Membership | None, reference: str) -> Origin | None:
    """A case (``C-1A2B3C4D``) or signal (``1A2B3C4D``) reference within reach; None when there
    is none (or more than one, which a reference of eight characters makes very unlikely)."""
    text = reference.strip().upper()
    is_case = text.startswith("C-")
    code = text.removeprefix("C-")
    if len(code) != 8 or any(c not in "0123456789ABCDEF" for c in code):
        return None
    rows: QuerySet[Any]
    if is_case:
        rows = cases_in_reach(membership=membership).filter(pk__istartswith=code.lower())
        found = list(rows.values_list("pk", flat=True)[:2])
        return origin_for(membership=membership, case_pk=found[0]) if len(found) == 1 else None
    rows = signals_in_reach(membership=membership).filter(pk__istartswith=code.lower())
    found = list(rows.values_list("pk", flat=True)[:2])
    return origin_for(membership=membership, signal_pk=found[0]) if len(found) == 1 else None


def origin_identity(*, membership: Membership, origin: Origin) -> SubjectIdentity:
    """Who the person of a registration is, to check it is the one asking; the read is logged
    (a signal not yet linked to others is logged under the signal, as at the meldpunt)."""
    if origin.subject_id is not None:
        identity = identity_of(Subject(pk=origin.subject_id))
        log_subject = audit.Subject(SubjectType.PERSON, str(origin.subject_id))
    elif origin.signal is not None:
        signal = origin.signal
        identity = SubjectIdentity(
            given_names=signal.given_names or "",
            surname_prefix=signal.surname_prefix or "",
            surname=signal.surname or "",
            date_of_birth=_as_date(signal.date_of_birth),
            sex=signal.sex or "",
            bsn_masked=mask_bsn(signal.bsn),
            address=signal.address or "",
        )
        log_subject = audit.Subject(SubjectType.PERSON, str(signal.pk))
    else:
        raise Http404
    audit.log_processing(
        activity=Activity.SUBJECT_REQUEST,
        name="request_person_read",
        by=membership.user,
        subjects=[log_subject],
    )
    return replace(identity, related_persons=[]).for_organisation(membership.organisation)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


# Requests at the contact point -----------------------------------------------------------------


def _due() -> Coalesce:
    return Coalesce("extended_until", "deadline_on")


def requests_handled_by(*, membership: Membership | None) -> QuerySet[SubjectRequest]:
    if membership is None or membership.role not in HANDLER_ROLES:
        return SubjectRequest.objects.none()
    return SubjectRequest.objects.filter(contact_point_id=membership.organisation_id)


def request_list_for(*, membership: Membership | None) -> QuerySet[SubjectRequest]:
    """The contact point's requests, open ones first and by due date: metadata only."""
    return (
        requests_handled_by(membership=membership)
        .select_related("contact_point")
        .only(*REQUEST_LIST_FIELDS)
        .annotate(
            due=_due(),
            closed=Switch(
                When(status__in=OPEN_REQUEST_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by("closed", "due", "received_on", "pk")
    )


def request_for_action(*, membership: Membership | None, pk: uuid.UUID) -> SubjectRequest:
    """A request the membership handles, for a write (the service checks the rest); no read."""
    request = (
        requests_handled_by(membership=membership)
        .select_related("contact_point")
        .filter(pk=pk)
        .first()
    )
    if request is None:
        raise Http404
    return request


def request_for_contributions(*, membership: Membership | None, pk: uuid.UUID) -> SubjectRequest:
    """A request the membership handles, to read every organisation's input (free text about
    the person): the read is logged before anything is returned."""
    request = request_for_action(membership=membership, pk=pk)
    assert membership is not None
    audit.log_processing(
        activity=Activity.SUBJECT_REQUEST,
        name="request_contributions_read",
        by=membership.user,
        subjects=[person_of(request)],
        attributes={"kind": request.kind},
    )
    return request


@dataclass
class RequestView:
    request: SubjectRequest
    identity: SubjectIdentity
    contributions: list[RequestContribution]
    cases: list[Case]
    signal_count: int

    @property
    def open_contributions(self) -> int:
        return sum(1 for c in self.contributions if c.status == ContributionStatus.OPEN)

    @property
    def objecting(self) -> list[RequestContribution]:
        return [c for c in self.contributions if c.objects_to_disclosure]


def request_get_for(*, membership: Membership | None, pk: uuid.UUID) -> RequestView:
    """The whole request for the contact point, with who the person is; the read is logged
    before anything is returned."""
    request = (
        requests_handled_by(membership=membership)
        .select_related(
            "contact_point", "registered_by", "identity_verified_by", "decided_by", "subject"
        )
        .filter(pk=pk)
        .first()
    )
    if request is None or membership is None:
        raise Http404
    identity = identity_of(request.subject).for_organisation(membership.organisation)
    audit.log_processing(
        activity=Activity.SUBJECT_REQUEST,
        name="request_read",
        by=membership.user,
        subjects=[person_of(request)],
        attributes={"kind": request.kind},
    )
    return RequestView(
        request=request,
        identity=identity,
        contributions=list(
            request.contributions.select_related("organisation", "answered_by").order_by(
                "organisation__name"
            )
        ),
        cases=list(
            Case.objects.filter(subject_id=request.subject_id)
            .select_related("directing_municipality", "zvh")
            .order_by("-opened_at")
        ),
        signal_count=Signal.objects.filter(subject_id=request.subject_id).count(),
    )


# Input of the organisations that took part -----------------------------------------------------


def contributions_visible_to(*, membership: Membership | None) -> QuerySet[RequestContribution]:
    """The contributions asked of the membership's organisation (contributing roles only)."""
    if membership is None or membership.role not in CONTRIBUTOR_ROLES:
        return RequestContribution.objects.none()
    return RequestContribution.objects.filter(organisation_id=membership.organisation_id)


def contribution_inbox_for(*, membership: Membership | None) -> QuerySet[RequestContribution]:
    """ "Verzoeken om inbreng": the organisation's contributions, open ones (of open requests)
    first, by the request's due date. Metadata only."""
    return (
        contributions_visible_to(membership=membership)
        .select_related("request__contact_point", "organisation")
        .only(
            "id",
            "status",
            "answered_at",
            "organisation_id",
            "organisation__name",
            "request__id",
            "request__kind",
            "request__received_on",
            "request__deadline_on",
            "request__extended_until",
            "request__status",
            "request__contact_point__name",
        )
        .annotate(
            due=Coalesce("request__extended_until", "request__deadline_on"),
            done=Switch(
                When(
                    status=ContributionStatus.OPEN,
                    request__status__in=OPEN_REQUEST_STATUSES,
                    then=Value(0),
                ),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by("done", "due", "pk")
    )


@dataclass
class ContributionView:
    contribution: RequestContribution
    request: SubjectRequest
    case_references: list[str]
    signal_references: list[str]
    handled_here: bool


def contribution_get_for(*, membership: Membership | None, pk: uuid.UUID) -> ContributionView:
    """One contribution with its request's metadata (never the description or other
    organisations' input) and the references of the person's cases and signals the
    organisation was part of, to look the person up in its own records. The read is logged."""
    contribution = (
        contributions_visible_to(membership=membership)
        .select_related("organisation", "request__contact_point", "answered_by")
        .filter(pk=pk)
        .first()
    )
    if contribution is None or membership is None:
        raise Http404
    request = contribution.request
    org = membership.organisation_id
    subject_id = request.subject_id
    cases = (
        Case.objects.filter(subject_id=subject_id)
        .filter(
            Q(directing_municipality_id=org)
            | Q(zvh_id=org)
            | Q(participations__organisation_id=org)
            | Q(agenda_items__invitations__organisation_id=org)
            | Q(action_plan__interventions__owner_id=org)
        )
        .distinct()
        .order_by("-opened_at")
    )
    signals = Signal.objects.filter(subject_id=subject_id).filter(
        Q(registering_organisation_id=org) | Q(directing_municipality_id=org)
    )
    audit.log_processing(
        activity=Activity.SUBJECT_REQUEST,
        name="request_contribution_read",
        by=membership.user,
        subjects=[person_of(request)],
        attributes={"kind": request.kind},
    )
    return ContributionView(
        contribution=contribution,
        request=request,
        case_references=[case.reference for case in cases],
        signal_references=[s.reference for s in signals.order_by("-created_at")],
        handled_here=handles(membership, request),
    )


# The privacy officer's desk --------------------------------------------------------------------


def _involving(organisation_id: uuid.UUID) -> QuerySet[SubjectRequest]:
    """Open requests where the organisation is the contact point or is asked for input."""
    asked = RequestContribution.objects.filter(organisation_id=organisation_id).values("request_id")
    return SubjectRequest.objects.filter(
        Q(contact_point_id=organisation_id) | Q(pk__in=asked),
        status__in=OPEN_REQUEST_STATUSES,
    )


def desk_summary(*, membership: Membership) -> RequestDeskSummary:
    """Counts for the privacy officer's desk: requests of the officer's organisation (as contact
    point, or asked for input) that are still open."""
    today = timezone.localdate()
    counts = (
        _involving(membership.organisation_id)
        .annotate(due=_due())
        .aggregate(
            open=Count("pk"),
            due_soon=Count(
                "pk", filter=Q(due__gte=today, due__lte=today + timedelta(days=DUE_SOON_DAYS))
            ),
            overdue=Count("pk", filter=Q(due__lt=today)),
            extended=Count("pk", filter=Q(extended_until__isnull=False)),
        )
    )
    return RequestDeskSummary(
        open=counts["open"],
        due_within_7_days=counts["due_soon"],
        overdue=counts["overdue"],
        extended=counts["extended"],
    )


@dataclass(frozen=True)
class DeskRequestRow:
    """One open request on the desk: metadata only."""

    reference: str
    kind: str
    received_on: date
    due_on: date
    days_left: int
    overdue: bool
    extended: bool
    status: str
    contact_point: str
    as_contact_point: bool
    contribution_status: str
    url: str


def requests_for_desk(*, membership: Membership) -> list[DeskRequestRow]:
    """The open requests of the officer's organisation, by due date, with an overdue flag; a
    row links to the request (contact point) or to the organisation's contribution."""
    today = timezone.localdate()
    org = membership.organisation_id
    own = RequestContribution.objects.filter(request_id=OuterRef("pk"), organisation_id=org)
    rows = (
        _involving(org)
        .select_related("contact_point")
        .only(*REQUEST_LIST_FIELDS)
        .annotate(
            due=_due(),
            own_contribution=Subquery(own.values("pk")[:1]),
            own_status=Subquery(own.values("status")[:1]),
        )
        .order_by("due", "received_on", "pk")
    )
    handler = membership.role in HANDLER_ROLES
    result = []
    for request in rows:
        as_contact_point = request.contact_point_id == org
        if as_contact_point and handler:
            url = reverse("privacy:request_detail", kwargs={"pk": request.pk})
        elif request.own_contribution is not None and membership.role in CONTRIBUTOR_ROLES:
            url = reverse("privacy:request_contribution", kwargs={"pk": request.own_contribution})
        else:
            url = ""
        left = (request.due - today).days
        result.append(
            DeskRequestRow(
                reference=request.reference,
                kind=str(RequestKind(request.kind).label),
                received_on=request.received_on,
                due_on=request.due,
                days_left=left,
                overdue=left < 0,
                extended=request.extended_until is not None,
                status=str(RequestStatus(request.status).label),
                contact_point=request.contact_point.name,
                as_contact_point=as_contact_point,
                contribution_status=str(ContributionStatus(request.own_status).label)
                if request.own_status
                else "",
                url=url,
            )
        )
    return result
