"""Who may do what with trainings, as pure predicates over the acting membership.

- Managers of a collaboration (chair, coordinator, secretary: ``collaboration.permissions.
  may_manage``) add its trainings, plan its sessions, allocate seats, record attendance.
- A member organisation's registrar registers its own staff: its municipal lead or its
  functional admin (any kind of organisation has a functional admin; partner members, privacy
  officers and administrators do not register colleagues).
- The training budget of an organisation is shown to its registrars and its administrators
  (the mayor or alderman reads aggregated figures), and to the managers of the collaboration.
"""

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.network.models import Collaboration

REGISTRAR_ROLES = frozenset({Role.MUNICIPAL_LEAD, Role.FUNCTIONAL_ADMIN})
BUDGET_ROLES = REGISTRAR_ROLES | {Role.ADMINISTRATOR}


def is_registrar(membership: Membership | None) -> bool:
    return membership is not None and membership.role in REGISTRAR_ROLES


def may_register_in(membership: Membership | None, collaboration: Collaboration) -> bool:
    """A registrar of an organisation that is a member of the collaboration."""
    return is_registrar(membership) and (
        collaboration.members.filter(pk=membership.organisation_id).exists()  # type: ignore[union-attr]
    )


def sees_own_budget(membership: Membership | None) -> bool:
    return membership is not None and membership.role in BUDGET_ROLES
