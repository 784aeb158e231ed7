"""Cases, consultation meetings and integrated action plans (one module per concept)."""

from schakel.cases.models.case import Case, Participation
from schakel.cases.models.disclosure import Disclosure
from schakel.cases.models.meeting import (
    AgendaItem,
    ConsultationMeeting,
    Invitation,
    ItemDecision,
    MeetingAttendance,
)
from schakel.cases.models.plan import ActionPlan, ActionPlanVersion, Intervention

__all__ = [
    "ActionPlan",
    "ActionPlanVersion",
    "AgendaItem",
    "Case",
    "ConsultationMeeting",
    "Disclosure",
    "Intervention",
    "Invitation",
    "ItemDecision",
    "MeetingAttendance",
    "Participation",
]
