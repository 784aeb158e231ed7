"""Reads of retention: what is due for deletion, legal holds, runs and the deletion register."""

from dataclasses import dataclass

from schakel.accounts.models import Membership
from schakel.privacy.models import RetentionRun


@dataclass(frozen=True)
class RetentionDeskSummary:
    due_within_90_days: int
    blocked_by_hold: int
    active_holds: int
    last_run: RetentionRun | None


def desk_summary(*, membership: Membership) -> RetentionDeskSummary:
    """Counts for the privacy officer's desk (filled in by the retention engine work)."""
    return RetentionDeskSummary(0, 0, 0, RetentionRun.objects.order_by("-started_at").first())
