"""Reads of data-subject requests, each taking the acting membership.

- The contact point's municipal leads and privacy officers handle a request: they see all of it,
  including who the person is (``request_get_for``; the read is logged).
- Members of an organisation asked for input (``CONTRIBUTOR_ROLES``) see the request's metadata
  and their own organisation's contribution only (``contribution_get_for``; logged too).
- Lists, the inbox and the desk hold metadata only (reference, kind, dates, status,
  organisations) and are not logged; anyone else gets a 404, the same as for what does not exist.
"""

import uuid
from dataclasses import dataclass

from django.db.models import Case as Switch
from django.db.models import (
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases.models import Case
from schakel.intake.identity import SubjectIdentity, identity_of
from schakel.intake.models import Signal
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.choices import (
    OPEN_REQUEST_STATUSES,
    ContributionStatus,
)
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.requests.rules import (
    CONTRIBUTOR_ROLES,
    HANDLER_ROLES,
    handles,
    person_of,
)

REQUEST_LIST_FIELDS = (
    "id", "reference", "kind", "received_on", "deadline_on", "extended_until", "status", "decision",
    "decided_on", "closed_at", "contact_point_id", "contact_point__name", "identity_verified_on",
)  # fmt: skip


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
        activity=PrivacyActivity.SUBJECT_REQUEST,
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
        activity=PrivacyActivity.SUBJECT_REQUEST,
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
            "request__reference",
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
        activity=PrivacyActivity.SUBJECT_REQUEST,
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
