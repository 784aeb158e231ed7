"""Who may do what with cases, meetings and plans, as pure predicates.

Which cases, agenda items and interventions someone sees is decided set-based in
``cases.access``; these predicates decide actions on an object already fetched through it.
"""

from schakel.accounts.choices import TABLE_ROLES, Role
from schakel.accounts.models import Membership
from schakel.cases.choices import MeetingStatus
from schakel.cases.models import AgendaItem, Case, ConsultationMeeting, Intervention
from schakel.network.choices import OrganisationKind

# Roles that act for their organisation at the table (a case, a meeting, an intervention).


def directs_case(membership: Membership | None, case: Case) -> bool:
    """The municipal lead of the municipality of residence (regie)."""
    return (
        membership is not None
        and membership.role == Role.MUNICIPAL_LEAD
        and membership.organisation.kind == OrganisationKind.MUNICIPALITY
        and membership.organisation_id == case.directing_municipality_id
    )


def runs_case(membership: Membership | None, case: Case) -> bool:
    """A process director of the case's ZVH (procesregie)."""
    return (
        membership is not None
        and membership.role == Role.PROCESS_DIRECTOR
        and membership.organisation_id == case.zvh_id
    )


def steers_case(membership: Membership | None, case: Case) -> bool:
    return directs_case(membership, case) or runs_case(membership, case)


def may_manage_case(membership: Membership | None, case: Case) -> bool:
    """Participations, informing, reviews, phase: the directing lead and the ZVH, while open."""
    return steers_case(membership, case) and not case.is_closed


def may_edit_plan(membership: Membership | None, case: Case) -> bool:
    """The ZVH keeps the integrated action plan; the directing lead may edit it too."""
    return may_manage_case(membership, case)


def may_schedule_meeting(membership: Membership | None) -> bool:
    return (
        membership is not None
        and membership.role == Role.PROCESS_DIRECTOR
        and membership.organisation.kind == OrganisationKind.ZVH
    )


def runs_meeting(membership: Membership | None, meeting: ConsultationMeeting) -> bool:
    """The ZVH's process directors, the chair and the minute taker run a meeting."""
    if membership is None:
        return False
    if membership.organisation_id != meeting.zvh_id:
        return False  # chair and minute taker act for the ZVH, not from another membership
    if membership.role == Role.PROCESS_DIRECTOR:
        return True
    return membership.role in TABLE_ROLES and membership.user_id in {
        meeting.chair_id,
        meeting.minute_taker_id,
    }


def may_edit_agenda(membership: Membership | None, meeting: ConsultationMeeting) -> bool:
    return (
        membership is not None
        and membership.role == Role.PROCESS_DIRECTOR
        and membership.organisation_id == meeting.zvh_id
        and meeting.status == MeetingStatus.PLANNED
    )


def may_minute(membership: Membership | None, item: AgendaItem) -> bool:
    """Decisions, attendance and adopting the plan: who runs the meeting, case still open."""
    return (
        runs_meeting(membership, item.meeting)
        and item.meeting.status != MeetingStatus.CANCELLED
        and not item.case.is_closed
    )


def may_disclose(membership: Membership | None, item: AgendaItem) -> bool:
    """Anyone at the table for this item (fetched through the access check) brings in
    information for their own organisation, while the case is open."""
    return (
        membership is not None
        and membership.role in TABLE_ROLES
        and item.meeting.status != MeetingStatus.CANCELLED
        and not item.case.is_closed
    )


def may_update_intervention(membership: Membership | None, intervention: Intervention) -> bool:
    """The owning organisation updates status and outcome while the case is open."""
    return (
        membership is not None
        and membership.role in TABLE_ROLES
        and membership.organisation_id == intervention.owner_id
        and intervention.removed_in_id is None
        and not intervention.plan.case.is_closed
    )
