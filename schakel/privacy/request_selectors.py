"""Reads of data-subject requests. (Interface used by the privacy desk; the subject-request
work fills in the bodies and may add functions, keeping these signatures.)"""

from dataclasses import dataclass

from schakel.accounts.models import Membership


@dataclass(frozen=True)
class RequestDeskSummary:
    open: int
    due_within_7_days: int
    overdue: int
    extended: int


def desk_summary(*, membership: Membership) -> RequestDeskSummary:
    """Counts for the privacy officer's desk: requests of the officer's organisation (as contact
    point, or asked for input) that are still open."""
    return RequestDeskSummary(open=0, due_within_7_days=0, overdue=0, extended=0)
