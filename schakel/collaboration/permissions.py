"""Pure predicates over a membership's roles in one collaboration (see ``selectors.roles_in``).

- Managing (``may_manage``): chair, coordinator and secretary run the collaboration's work: its
  plan, meetings, knowledge, trainings and events. Other members read.
- Administering (``may_administer``): assigning and ending roles and linking the weighing
  arrangements the collaboration hosts. The chair and the coordinator, a functional admin of a
  member organisation, and the platform operator (superuser).
"""

from collections.abc import Iterable

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.collaboration.choices import ADMINISTERING_ROLES, MANAGING_ROLES


def may_manage(roles: Iterable[str]) -> bool:
    """Chair, coordinator and secretary run the collaboration's work: its plan, meetings,
    knowledge, trainings and events. Other members read."""
    return any(role in MANAGING_ROLES for role in roles)


def may_administer(
    membership: Membership | None,
    roles: Iterable[str],
    *,
    is_superuser: bool,
    member_ids: Iterable[object],
) -> bool:
    """Who assigns and ends roles and links hosted weighing arrangements (see the module)."""
    if is_superuser or any(role in ADMINISTERING_ROLES for role in roles):
        return True
    return (
        membership is not None
        and membership.role == Role.FUNCTIONAL_ADMIN
        and membership.organisation_id in set(member_ids)
    )
