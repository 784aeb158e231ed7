"""Who may do what in staff safety, always inside the acting membership's organisation.

- Every staff member (any active membership) records incidents about themself and reads the
  protocol of their organisation.
- A manager records on behalf of a named colleague of the same organisation: the organisation's
  functional admin or one of its designated safety officers.
- The safety officers see and follow up every incident of their organisation.
- The functional admin designates the safety officers, edits the protocol and sees the incidents
  of the organisation without who they concern and without the free text (what they need to
  keep the register in order; see docs/staff-safety.md).
- The aggregates are for the organisation's administrators (role Bestuurder) and its safety
  officers.
"""

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.staff_safety.models import SafetyOfficer


def is_safety_officer(membership: Membership | None) -> bool:
    """An open designation of this user in the acting organisation, on an active membership."""
    if membership is None:
        return False
    return SafetyOfficer.objects.filter(
        ended_at__isnull=True,
        membership__in=Membership.objects.active().filter(
            user_id=membership.user_id, organisation_id=membership.organisation_id
        ),
    ).exists()


def is_functional_admin(membership: Membership | None) -> bool:
    return membership is not None and membership.role == Role.FUNCTIONAL_ADMIN


def may_record_for_others(membership: Membership | None) -> bool:
    return is_functional_admin(membership) or is_safety_officer(membership)


def may_see_overview(membership: Membership | None) -> bool:
    return is_functional_admin(membership) or is_safety_officer(membership)


def may_see_aggregates(membership: Membership | None) -> bool:
    if membership is None:
        return False
    return membership.role == Role.ADMINISTRATOR or is_safety_officer(membership)


def may_manage(membership: Membership | None) -> bool:
    """Designate safety officers and edit the protocol."""
    return is_functional_admin(membership)
