"""Who may change what in a collaboration's meetings. Reading: every member of the
collaboration (``selectors``); anyone else gets a 404.

- The collaboration's managers (chair, coordinator, secretary) plan and change every series and
  meeting, its agenda, minutes, attachments, decisions and action points, and keep the working
  groups.
- A working group's members do the same for their own group's series and meetings.
- The owner of an action point (the membership named on it) may mark it done.
"""

from schakel.accounts.models import Membership
from schakel.collaboration.permissions import may_manage
from schakel.regional_meetings.models import ActionPoint, WorkingGroup


def in_group(membership: Membership | None, group: WorkingGroup | None) -> bool:
    if membership is None or group is None:
        return False
    return group.members.filter(pk=membership.pk).exists()


def may_edit(
    membership: Membership | None, roles: frozenset[str], group: WorkingGroup | None
) -> bool:
    """Plan and change the meetings of the collaboration (``group`` None) or of a group."""
    return membership is not None and (may_manage(roles) or in_group(membership, group))


def may_keep_groups(roles: frozenset[str]) -> bool:
    return may_manage(roles)


def may_finish_action(
    membership: Membership | None, roles: frozenset[str], action: ActionPoint
) -> bool:
    if membership is not None and action.owner_membership_id == membership.pk:
        return True
    return may_edit(membership, roles, action.meeting.working_group)
