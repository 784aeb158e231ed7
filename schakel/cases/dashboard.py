"""The cases part of the start page for the table roles: what is overdue, coming up and new,
without person data."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership
from schakel.cases import selectors
from schakel.cases.list_reads import log_intervention_rows

# The role dashboard ---------------------------------------------------------------------------

# The dashboard shows this many rows per section, and says when there are more.
DASHBOARD_ROWS = 20


@dataclass(frozen=True)
class Section:
    rows: list[Any]
    more: bool


def _section(queryset: QuerySet[Any]) -> Section:
    rows = list(queryset[: DASHBOARD_ROWS + 1])
    return Section(rows=rows[:DASHBOARD_ROWS], more=len(rows) > DASHBOARD_ROWS)


@dataclass(frozen=True)
class RoleDashboard:
    cases: Section
    overdue_interventions: Section
    reviews_due: Section
    reassessments_due: Section
    informing_to_reconsider: Section
    meetings: Section
    today: date
    rows: int


def role_dashboard(membership: Membership | None) -> RoleDashboard | None:
    """The cases part of the dashboard for the table roles; None otherwise. The overdue
    interventions show their kind and status: their persons are logged."""
    if membership is None or membership.role not in TABLE_ROLES:
        return None
    board = selectors.dashboard_for(membership=membership)
    overdue = _section(board.overdue_interventions)
    log_intervention_rows(
        membership=membership, interventions=overdue.rows, name="dashboard_interventions_read"
    )
    overdue = Section(
        rows=[{"intervention": i, "case_reference": i.plan.case.reference} for i in overdue.rows],
        more=overdue.more,
    )
    return RoleDashboard(
        cases=_section(board.cases),
        overdue_interventions=overdue,
        reviews_due=_section(board.reviews_due),
        reassessments_due=_section(board.reassessments_due),
        informing_to_reconsider=_section(board.informing_to_reconsider),
        meetings=_section(board.meetings),
        today=timezone.localdate(),
        rows=DASHBOARD_ROWS,
    )
