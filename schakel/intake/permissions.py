"""Who may do what at the meldpunt, as pure predicates over the acting membership.

Scoping (which signals, suggestions and entries) lives in the selectors; these decide the
actions. A failed check becomes a 404 in views and the API.
"""

from collections.abc import Set as AbstractSet

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.intake.models import MatchSuggestion, OnlineResearchEntry, Signal
from schakel.network.choices import OrganisationKind

# Roles whose members register signals for their organisation and follow their status.
REGISTERING_ROLES = frozenset({Role.PARTNER_MEMBER, Role.MUNICIPAL_LEAD, Role.PROCESS_DIRECTOR})


def may_register_signal(membership: Membership | None) -> bool:
    return membership is not None and membership.role in REGISTERING_ROLES


def may_report_for_citizen(membership: Membership | None) -> bool:
    """Only the meldpunt (the municipal lead) registers on behalf of a citizen."""
    return membership is not None and is_meldpunt(membership)


def is_meldpunt(membership: Membership | None) -> bool:
    return (
        membership is not None
        and membership.role == Role.MUNICIPAL_LEAD
        and membership.organisation.kind == OrganisationKind.MUNICIPALITY
    )


def directs(membership: Membership | None, signal: Signal) -> bool:
    return (
        is_meldpunt(membership)
        and membership is not None
        and (signal.directing_municipality_id == membership.organisation_id)
    )


def follows_as_registrant(membership: Membership | None, signal: Signal) -> bool:
    """The registering side (same organisation and role): it may learn where the person is
    known (meldpunt and mailbox), nothing more."""
    return (
        may_register_signal(membership)
        and membership is not None
        and signal.registering_organisation_id == membership.organisation_id
        and signal.registered_in_role == membership.role
    )


def may_handle_signal(membership: Membership | None, signal: Signal) -> bool:
    """Take in handling, close without action: the lead of the municipality of residence."""
    return directs(membership, signal) and signal.has_person_data


def may_decide_suggestion(membership: Membership | None, suggestion: MatchSuggestion) -> bool:
    """The lead of either signal's directing municipality decides an open suggestion."""
    if not is_meldpunt(membership) or membership is None:
        return False
    return membership.organisation_id in {
        suggestion.signal.directing_municipality_id,
        suggestion.earlier_signal.directing_municipality_id,
    }


def may_view_online_research(membership: Membership | None) -> bool:
    """The municipality's lead and privacy officer read its online research log."""
    return (
        membership is not None
        and membership.organisation.kind == OrganisationKind.MUNICIPALITY
        and membership.role in {Role.MUNICIPAL_LEAD, Role.PRIVACY_OFFICER}
    )


def may_record_online_research(membership: Membership | None) -> bool:
    return is_meldpunt(membership)


def may_complete_online_research(membership: Membership | None, entry: OnlineResearchEntry) -> bool:
    return (
        is_meldpunt(membership)
        and membership is not None
        and entry.municipality_id == membership.organisation_id
        and not entry.is_completed
        and entry.content_deleted_at is None
    )


def may_choose_identity(membership: Membership | None, directing: AbstractSet[object]) -> bool:
    """The lead of a municipality that directs one of the person's signals chooses the main
    identity (``directing``: the ids of those municipalities)."""
    return (
        is_meldpunt(membership)
        and membership is not None
        and (membership.organisation_id in directing)
    )
