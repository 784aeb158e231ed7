"""Pure predicates over a membership's roles in one collaboration (see ``selectors.roles_in``)."""

from collections.abc import Iterable

from schakel.collaboration.choices import MANAGING_ROLES


def may_manage(roles: Iterable[str]) -> bool:
    """Chair, coordinator and secretary run the collaboration's work: its plan, meetings,
    knowledge, trainings and events. Other members read."""
    return any(role in MANAGING_ROLES for role in roles)
