"""Shared fixtures: the persona base every view and endpoint is tested against."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django_otp import DEVICE_ID_SESSION_KEY

from schakel.accounts.choices import Role
from schakel.accounts.models import User
from schakel.accounts.tests.factories import MembershipFactory, TOTPDeviceFactory, UserFactory
from schakel.collaboration.choices import CollaborationRoleKind
from schakel.collaboration.models import CollaborationRole
from schakel.network.choices import CollaborationKind, OrganisationKind
from schakel.network.models import Collaboration, Organisation, ZvhServiceArea
from schakel.network.tests.factories import OrganisationFactory, RegionFactory


@pytest.fixture(autouse=True)
def _dutch_between_tests() -> Iterator[None]:
    """A request in English (the language switch) leaves the thread's language English; the
    next test starts in the default language again, whatever order the tests run in."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache(request: pytest.FixtureRequest) -> None:
    """Every test with the database starts with an empty cache (the database cache of the
    settings, where the API's rate limits count): no counts pass from one test to the next,
    also not from a transactional test, whose writes are committed."""
    names = set(request.fixturenames)
    if "transactional_db" in names or "live_server" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names:
        request.getfixturevalue("db")
    elif request.node.get_closest_marker("django_db") is None:
        return  # no database access: no cache either
    cache.clear()


@dataclass
class Personas:
    municipality_a: Organisation
    municipality_b: Organisation
    municipality_other_region: Organisation
    zvh: Organisation
    police: Organisation
    nctv: Organisation
    lead_a: User
    colleague_a: User
    lead_b: User
    admin_a: User
    admin_b: User
    privacy_officer_a: User
    police_member: User
    outsider: User
    superuser: User
    school: Organisation
    school_member: User
    police_privacy_officer: User
    om: Organisation
    om_member: User
    ggz: Organisation
    ggz_member: User
    zvh_other: Organisation
    director: User
    director_other: User


@pytest.fixture
def personas(db: None) -> Personas:
    north = RegionFactory(name="Regio Noordkaap")
    south = RegionFactory(name="Regio Zuidmeer")
    mun_a = OrganisationFactory(name="Gemeente Aldermeer", region=north, may_process_bsn=True)
    mun_b = OrganisationFactory(name="Gemeente Brookdam", region=north, may_process_bsn=True)
    mun_c = OrganisationFactory(name="Gemeente Zuiderhaven", region=south)
    zvh = OrganisationFactory(name="ZVH Noordkaap", kind=OrganisationKind.ZVH, region=north)
    police = OrganisationFactory(
        name="Politie-eenheid Noordkaap",
        kind=OrganisationKind.POLICE,
        region=north,
        may_process_bsn=True,
    )
    school = OrganisationFactory(
        name="Scholengroep Noordkaap", kind=OrganisationKind.EDUCATION, region=north
    )
    nctv = OrganisationFactory(name="NCTV", kind=OrganisationKind.NCTV, region=None)
    om = OrganisationFactory(
        name="OM Arrondissement Noordkaap",
        kind=OrganisationKind.PUBLIC_PROSECUTION,
        region=north,
        may_process_bsn=True,
    )
    ggz = OrganisationFactory(
        name="GGZ Noordkaap", kind=OrganisationKind.MENTAL_HEALTH, region=north
    )
    zvh_other = OrganisationFactory(name="ZVH Zuidmeer", kind=OrganisationKind.ZVH, region=south)
    # The ZVH Noordkaap serves Aldermeer and Brookdam; the ZVH Zuidmeer serves Zuiderhaven.
    for served_by, municipality in ((zvh, mun_a), (zvh, mun_b), (zvh_other, mun_c)):
        ZvhServiceArea.objects.create(zvh=served_by, municipality=municipality)

    def member(org: Organisation, role: Role, **kwargs: object) -> User:
        return MembershipFactory(organisation=org, role=role, **kwargs).user

    superuser = UserFactory(is_superuser=True, is_staff=True, function_title="Applicatiebeheerder")
    return Personas(
        municipality_a=mun_a,
        municipality_b=mun_b,
        municipality_other_region=mun_c,
        zvh=zvh,
        police=police,
        nctv=nctv,
        lead_a=member(mun_a, Role.MUNICIPAL_LEAD),
        colleague_a=member(mun_a, Role.MUNICIPAL_LEAD),
        lead_b=member(mun_b, Role.MUNICIPAL_LEAD),
        admin_a=member(mun_a, Role.FUNCTIONAL_ADMIN),
        admin_b=member(mun_b, Role.FUNCTIONAL_ADMIN),
        privacy_officer_a=member(mun_a, Role.PRIVACY_OFFICER),
        police_member=member(police, Role.PARTNER_MEMBER),
        outsider=member(mun_c, Role.MUNICIPAL_LEAD),
        superuser=superuser,
        school=school,
        school_member=member(school, Role.PARTNER_MEMBER),
        police_privacy_officer=member(police, Role.PRIVACY_OFFICER),
        om=om,
        om_member=member(om, Role.PARTNER_MEMBER),
        ggz=ggz,
        ggz_member=member(ggz, Role.PARTNER_MEMBER),
        zvh_other=zvh_other,
        director=member(zvh, Role.PROCESS_DIRECTOR),
        director_other=member(zvh_other, Role.PROCESS_DIRECTOR),
    )


def sign_in(client: Client, user: User) -> Client:
    """Sign a test client in with a completed second factor (the real flow is tested apart)."""
    device = TOTPDeviceFactory(user=user)
    client.force_login(user)
    session = client.session
    now = timezone.now().isoformat()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session["auth_started_at"] = now
    session["last_seen_at"] = now
    session["step_up_at"] = now
    session.save()
    return client


@pytest.fixture
def signed_in(client: Client):  # type: ignore[no-untyped-def]
    """Call with a user to get a test client signed in as that user (MFA completed)."""

    def _sign_in(user: User) -> Client:
        return sign_in(Client(), user)

    return _sign_in


@dataclass
class Network:
    """Two regional collaborations around the personas (issue 14's workspace)."""

    partnership: Collaboration  # Aldermeer, Brookdam, police, OM, ZVH Noordkaap
    alliance: Collaboration  # Zuiderhaven and the ZVH Zuidmeer: another region
    coordinator: User  # regional coordinator (employed by Aldermeer) of the partnership
    chair: User  # the partnership's chair: the municipal lead of Brookdam
    coordinator_other: User  # regional coordinator of the alliance (employed by Zuiderhaven)
    administrator_a: User  # the mayor's portfolio holder of Aldermeer (role administrator)


@pytest.fixture
def network(personas: Personas) -> Network:
    partnership = Collaboration.objects.create(
        name="Veiligheidsverband Noordkaap", kind=CollaborationKind.SAFETY_PARTNERSHIP
    )
    partnership.members.add(
        personas.municipality_a, personas.municipality_b, personas.police, personas.om, personas.zvh
    )
    alliance = Collaboration.objects.create(
        name="Veiligheidsalliantie Zuidmeer", kind=CollaborationKind.SAFETY_ALLIANCE
    )
    alliance.members.add(personas.municipality_other_region, personas.zvh_other)

    def role_holder(org: Organisation, role: Role, collaboration: Collaboration, kind: str) -> User:
        membership = MembershipFactory(organisation=org, role=role)
        CollaborationRole.objects.create(
            collaboration=collaboration, membership=membership, kind=kind
        )
        return membership.user

    chair_membership = personas.lead_b.memberships.get()
    CollaborationRole.objects.create(
        collaboration=partnership,
        membership=chair_membership,
        kind=CollaborationRoleKind.CHAIR,
    )
    return Network(
        partnership=partnership,
        alliance=alliance,
        coordinator=role_holder(
            personas.municipality_a,
            Role.REGIONAL_COORDINATOR,
            partnership,
            CollaborationRoleKind.COORDINATOR,
        ),
        chair=personas.lead_b,
        coordinator_other=role_holder(
            personas.municipality_other_region,
            Role.REGIONAL_COORDINATOR,
            alliance,
            CollaborationRoleKind.COORDINATOR,
        ),
        administrator_a=MembershipFactory(
            organisation=personas.municipality_a, role=Role.ADMINISTRATOR
        ).user,
    )
