"""What the platform operator and a functional admin may change about organisations.

Registration facts (name, kind, region, BSN permission, active) decide who sees whom and who may
process which identifiers: only the platform operator (superuser) sets them. A functional admin
keeps the contact details, the legal framework and the intervention options of the organisations
they administer. Regions, ZVH service areas and collaborations are the operator's.
"""

from schakel.accounts.models import User
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation

CONTACT_FIELDS = frozenset({"mailbox", "legal_framework"})
REGISTRATION_FIELDS = frozenset({"name", "kind", "region", "may_process_bsn", "is_active"})


def may_create_organisation(user: User) -> bool:
    return user.is_superuser


def editable_organisation_fields(user: User) -> frozenset[str]:
    return CONTACT_FIELDS | REGISTRATION_FIELDS if user.is_superuser else CONTACT_FIELDS


def may_manage_network(user: User) -> bool:
    """Regions, service areas and collaborations span organisations: the operator's task."""
    return user.is_superuser


def may_set_service_area(user: User, organisation: Organisation) -> bool:
    return may_manage_network(user) and organisation.kind == OrganisationKind.ZVH
