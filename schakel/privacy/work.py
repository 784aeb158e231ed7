"""What waits at the privacy desk and the contact point (Mijn werk, ``WORK_ITEMS``): open
data-subject requests by their deadline, input asked of the organisation, and for the privacy
officer the retention outlook. References, counts and dates only, from the privacy app's own
selectors."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.privacy.choices import OPEN_REQUEST_STATUSES, ContributionStatus
from schakel.privacy.requests.selectors import contribution_inbox_for, request_list_for
from schakel.privacy.retention.selectors import outlook

SUBJECT_REQUEST = "subject_request"
INPUT_REQUEST = "input_request"
RETENTION = "retention_outlook"


def subject_requests(membership: Membership) -> list[WorkItem]:
    """The contact point's open requests, by their (extended) deadline (one query)."""
    rows = (
        request_list_for(membership=membership)
        .filter(status__in=OPEN_REQUEST_STATUSES)
        .values_list("pk", "reference", "due")[:ROWS_PER_KIND]  # type: ignore[misc]  # "due"
    )
    return [
        WorkItem(
            kind=SUBJECT_REQUEST,
            label=_("AVG-verzoek %(reference)s afhandelen") % {"reference": reference},
            due_on=due,
            url=reverse("privacy:request_detail", kwargs={"pk": pk}),
            menu="privacy:request_list",
            reference=reference,
        )
        for pk, reference, due in rows
    ]


def input_requests(membership: Membership) -> list[WorkItem]:
    """Input asked of the organisation for an open request, by the request's deadline (one
    query)."""
    rows = (
        contribution_inbox_for(membership=membership)
        .filter(status=ContributionStatus.OPEN, request__status__in=OPEN_REQUEST_STATUSES)
        .values_list("pk", "request__reference", "due")[:ROWS_PER_KIND]  # type: ignore[misc]
    )
    return [
        WorkItem(
            kind=INPUT_REQUEST,
            label=_("Inbreng geven voor AVG-verzoek %(reference)s") % {"reference": reference},
            due_on=due,
            url=reverse("privacy:request_contribution", kwargs={"pk": pk}),
            menu="privacy:request_inbox",
            reference=reference,
        )
        for pk, reference, due in rows
    ]


def retention_outlook(membership: Membership) -> list[WorkItem]:
    """For the privacy officer: one item for what the sweep deletes in the coming 90 days
    (not held), due on the first of those dates (a fixed number of queries)."""
    if membership.role != Role.PRIVACY_OFFICER:
        return []
    view = outlook(membership=membership)
    if not view.total:
        return []
    first = min(
        (
            row.due_on
            for kind in view.kinds
            if not kind.kind_held
            for row in kind.rows
            if not row.held
        ),
        default=None,
    )
    return [
        WorkItem(
            kind=RETENTION,
            label=ngettext(
                "Bewaartermijnen: %(count)d gegeven wordt binnenkort verwijderd",
                "Bewaartermijnen: %(count)d gegevens worden binnenkort verwijderd",
                view.total,
            )
            % {"count": view.total},
            due_on=first,
            url=reverse("privacy:retention_upcoming"),
            menu="privacy:desk",
            count=view.total,
        )
    ]


WORK = [subject_requests, input_requests, retention_outlook]
