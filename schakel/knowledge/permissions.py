"""Who may read and write which knowledge items (docs/knowledge.md).

- An item of a collaboration: read by the collaboration's members (``collaborations_of``),
  written by its managers (chair, coordinator, secretary: ``may_manage``).
- A national item: read by every signed-in person acting in a membership, written by members
  of the NCTV and by the platform operator (a superuser, acting in one of their memberships).
"""

from schakel.accounts.models import Membership
from schakel.collaboration.permissions import may_manage
from schakel.collaboration.selectors import roles_in
from schakel.knowledge.models import KnowledgeItem
from schakel.network.choices import OrganisationKind
from schakel.network.models import Collaboration


def may_write_national(membership: Membership | None) -> bool:
    if membership is None:
        return False
    return bool(
        membership.user.is_superuser or membership.organisation.kind == OrganisationKind.NCTV
    )


def may_write_in(membership: Membership | None, collaboration: Collaboration | None) -> bool:
    """Whether the membership may add items to the scope (None: national)."""
    if collaboration is None:
        return may_write_national(membership)
    return may_manage(roles_in(membership, collaboration))


def may_edit(membership: Membership | None, item: KnowledgeItem) -> bool:
    return may_write_in(membership, item.collaboration)
