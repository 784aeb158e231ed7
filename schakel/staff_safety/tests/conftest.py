"""The staff-safety fixture: safety officers, admins and an incident around the personas."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.accounts.tests.factories import MembershipFactory
from schakel.staff_safety import services
from schakel.staff_safety.choices import IncidentChannel, IncidentKind
from schakel.staff_safety.models import Incident

DESCRIPTION = "Op een forum staan mijn functie en woonplaats met een foto van mijn voordeur."


@dataclass
class Safety:
    incident: Incident  # a doxing incident of the police member, recorded by themself
    police_officer: User  # designated safety officer of the police
    police_admin: User  # functional admin of the police
    police_administrator: User  # administrator (Bestuurder) of the police
    police_colleague: User  # another partner member of the police
    officer_a: User  # designated safety officer of Aldermeer


def membership(user: User) -> Membership:
    return Membership.objects.active().select_related("organisation", "user").get(user=user)


def incident_input(**overrides: object) -> services.IncidentInput:
    values: dict[str, object] = {
        "staff_member": None,
        "occurred_on": timezone.localdate() - timedelta(days=3),
        "kind": IncidentKind.DOXING,
        "channel": IncidentChannel.SOCIAL_MEDIA,
        "description": DESCRIPTION,
    }
    values.update(overrides)
    return services.IncidentInput(**values)  # type: ignore[arg-type]


def member(org: object, role: str, **kwargs: object) -> User:
    user: User = MembershipFactory(organisation=org, role=role, **kwargs).user
    return user


@pytest.fixture
def safety(personas) -> Safety:  # type: ignore[no-untyped-def]
    police_admin = member(personas.police, Role.FUNCTIONAL_ADMIN)
    police_officer = member(personas.police, Role.PARTNER_MEMBER)
    services.officer_designate(
        membership=membership(police_admin), target=membership(police_officer)
    )
    officer_a = member(personas.municipality_a, Role.MUNICIPAL_LEAD)
    services.officer_designate(
        membership=membership(personas.admin_a), target=membership(officer_a)
    )
    incident = services.incident_record(
        membership=membership(personas.police_member), data=incident_input()
    )
    return Safety(
        incident=incident,
        police_officer=police_officer,
        police_admin=police_admin,
        police_administrator=member(personas.police, Role.ADMINISTRATOR),
        police_colleague=member(personas.police, Role.PARTNER_MEMBER),
        officer_a=officer_a,
    )


def person(personas, safety: Safety, name: str) -> User:  # type: ignore[no-untyped-def]
    """A persona by name, from the personas or the staff-safety fixture."""
    found = getattr(safety, name, None) or getattr(personas, name)
    assert isinstance(found, User)
    return found
