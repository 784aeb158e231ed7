"""Data-subject requests on the privacy officer's desk: the counts (open, due soon, overdue)
and the rows of the open requests the officer's organisation handles or is asked for input on.
Metadata only, not logged.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    Count,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.privacy.choices import (
    OPEN_REQUEST_STATUSES,
    ContributionStatus,
    RequestKind,
    RequestStatus,
)
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.requests.rules import (
    CONTRIBUTOR_ROLES,
    HANDLER_ROLES,
)
from schakel.privacy.requests.selectors import REQUEST_LIST_FIELDS, _due

# The desk warns about requests due within this many days.
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class RequestDeskSummary:
    open: int
    due_within_7_days: int
    overdue: int
    extended: int


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
