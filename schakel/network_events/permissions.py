"""Who may do what with a network event: pure predicates over the acting membership, its role
kinds in the event's collaboration (``collaboration.selectors.roles_in``) and the event.

- Seeing an event, its learning points and follow-ups: every member of the collaboration (the
  selectors scope to ``collaborations_of``); anyone else gets a 404.
- Planning, editing, recording and cancelling: the collaboration's managers (chair,
  coordinator, secretary) and the organiser's staff in a planning role.
- Reading the case material: those who plan and record, and the participating staff. Other
  members see the event, its learning points and follow-ups, but not the case material: it was
  prepared for the people in the room.
- Finishing a follow-up: those who manage the event and the owner organisation's staff.
"""

from schakel.accounts.models import Membership
from schakel.collaboration.permissions import may_manage
from schakel.network.models import Collaboration
from schakel.network_events.choices import PLANNING_ROLES
from schakel.network_events.models import FollowUp, NetworkEvent


def plans_for_organisation(membership: Membership) -> bool:
    """Staff whose role plans events for their own organisation."""
    return membership.role in PLANNING_ROLES


def may_plan(membership: Membership, collaboration: Collaboration, roles: frozenset[str]) -> bool:
    """Managers plan in their collaboration; staff in a planning role of a member organisation
    plan with their own organisation as organiser."""
    if may_manage(roles):
        return True
    return plans_for_organisation(membership) and any(
        member.pk == membership.organisation_id for member in collaboration.members.all()
    )


def may_manage_event(membership: Membership, event: NetworkEvent, roles: frozenset[str]) -> bool:
    if may_manage(roles):
        return True
    return membership.organisation_id == event.organiser_id and plans_for_organisation(membership)


def may_read_case_material(
    membership: Membership, event: NetworkEvent, roles: frozenset[str], participant_ids: set[object]
) -> bool:
    return may_manage_event(membership, event, roles) or membership.pk in participant_ids


def may_complete_follow_up(
    membership: Membership, follow_up: FollowUp, roles: frozenset[str]
) -> bool:
    if may_manage_event(membership, follow_up.event, roles):
        return True
    return membership.organisation_id == follow_up.owner_id and plans_for_organisation(membership)
