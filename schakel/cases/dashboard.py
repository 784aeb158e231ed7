"""The cases part of the start page for the table roles: what is overdue, coming up and new,
without person data."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership
from schakel.cases import selectors
from schakel.cases.choices import OPEN_INTERVENTION_STATUSES, OPEN_PHASES, MeetingStatus
from schakel.cases.list_reads import log_intervention_rows
from schakel.cases.models import Case, ConsultationMeeting, Intervention

# The role dashboard ---------------------------------------------------------------------------


@dataclass
class Dashboard:
    cases: QuerySet[Case]
    overdue_interventions: QuerySet[Intervention]
    reviews_due: QuerySet[Case]
    reassessments_due: QuerySet[Case]
    informing_to_reconsider: QuerySet[Case]
    meetings: QuerySet[ConsultationMeeting]


def dashboard_for(*, membership: Membership | None) -> Dashboard:
    """Per role: my cases, overdue interventions (own organisation's, or in cases I steer),
    reviews and reassessments due within 30 days, meetings coming up. No person data."""
    today = timezone.localdate()
    soon = today + selectors.DUE_SOON
    open_cases = selectors.case_list_for(membership=membership).filter(phase__in=OPEN_PHASES)
    if membership is not None and membership.role == "process_director":
        mine = open_cases.filter(
            Q(process_director_id=membership.user_id) | Q(process_director__isnull=True)
        )
    else:
        mine = open_cases
    overdue = selectors.intervention_list_for(membership=membership).filter(
        status__in=OPEN_INTERVENTION_STATUSES,
        due_on__lt=today,
        plan__case__phase__in=OPEN_PHASES,
    )
    steered = Q(directing_municipality_id=getattr(membership, "organisation_id", None)) | Q(
        zvh_id=getattr(membership, "organisation_id", None)
    )
    now = timezone.now()
    return Dashboard(
        cases=mine,
        overdue_interventions=overdue,
        reviews_due=open_cases.filter(steered, next_review_on__lte=soon).order_by("next_review_on"),
        reassessments_due=open_cases.filter(steered, reassessment_due_on__lte=soon).order_by(
            "reassessment_due_on"
        ),
        informing_to_reconsider=open_cases.filter(
            steered, reconsider_informing_on__lte=soon
        ).order_by("reconsider_informing_on"),
        meetings=selectors.meeting_list_for(membership=membership)
        .filter(starts_at__gte=now, starts_at__lte=now + selectors.DUE_SOON)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at"),
    )


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
    board = dashboard_for(membership=membership)
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
