"""Cases, consultation meetings and integrated action plans (one module per concept)."""

from schakel.cases.models.case import Case, Participation
from schakel.cases.models.meeting import (
    AgendaItem,
    Invitation,
    ItemDecision,
    Meeting,
    MeetingAttendance,
)
from schakel.cases.models.plan import ActionPlan, Intervention, PlanVersion

__all__ = [
    "ActionPlan",
    "AgendaItem",
    "Case",
    "Intervention",
    "Invitation",
    "ItemDecision",
    "Meeting",
    "MeetingAttendance",
    "Participation",
    "PlanVersion",
]
