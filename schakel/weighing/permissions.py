"""Who may do what in the weighing, as pure predicates over the acting membership.

Which sessions and items someone sees is decided in ``selectors``; these decide actions.
"""

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership
from schakel.intake.permissions import is_meldpunt
from schakel.network.choices import OrganisationKind
from schakel.weighing.models import WeighingArrangement, WeighingItem, WeighingSession

# Roles that take part at a weighing table for their organisation.

# The weighing team needs at least these organisation kinds at the table (product.md step 3).
REQUIRED_PARTICIPANT_KINDS = frozenset(
    {OrganisationKind.MUNICIPALITY, OrganisationKind.POLICE, OrganisationKind.PUBLIC_PROSECUTION}
)


def may_schedule_session(membership: Membership | None, arrangement: WeighingArrangement) -> bool:
    """The meldpunt of a municipality in the arrangement, or the facilitating organisation."""
    if membership is None or membership.role not in TABLE_ROLES:
        return False
    if membership.organisation_id == arrangement.facilitator_id:
        return True
    return (
        is_meldpunt(membership)
        and arrangement.municipalities.filter(pk=membership.organisation_id).exists()
    )


def may_add_item(membership: Membership | None, session: WeighingSession) -> bool:
    """The meldpunt of a municipality in the arrangement puts its residents on the agenda."""
    return (
        session.is_open
        and is_meldpunt(membership)
        and membership is not None
        and session.arrangement.municipalities.filter(pk=membership.organisation_id).exists()
    )


def may_decide_item(membership: Membership | None, item: WeighingItem) -> bool:
    """The chair, or the directing municipality's lead, records the team's decision once."""
    if membership is None or not item.session.is_open or item.is_decided:
        return False
    if chairs(membership, item.session):
        return True
    return is_meldpunt(membership) and item.directing_municipality_id == membership.organisation_id


def chairs(membership: Membership | None, session: WeighingSession) -> bool:
    """The chair, acting for a participating or the facilitating organisation."""
    return (
        membership is not None
        and membership.role in TABLE_ROLES
        and membership.user_id == session.chair_id
        and (
            membership.organisation_id == session.arrangement.facilitator_id
            or session.participants.filter(pk=membership.organisation_id).exists()
        )
    )


def may_close_session(membership: Membership | None, session: WeighingSession) -> bool:
    if membership is None or not session.is_open or membership.role not in TABLE_ROLES:
        return False
    return chairs(membership, session) or membership.user_id == session.created_by_id
