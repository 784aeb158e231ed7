"""The fictional demo region: organisations, one account per persona, memberships.

Everything here is invented: places, people and addresses use the reserved `.example` domain.
Demo accounts exist only where SCHAKEL_DEMO_MODE is on (dev settings, `make run`).
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts import services
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.network.choices import CollaborationKind, OrganisationKind
from schakel.network.models import (
    Collaboration,
    InterventionOption,
    Organisation,
    Region,
    ZvhServiceArea,
)

DEMO_DOMAIN = ".example"
DEMO_PASSWORD = "Demo-Schakel-2026!"  # noqa: S105 (fictional demo accounts, demo mode only)
REGION = "Regio Noordkaap (fictief)"
DEMO_START = dt.date(2026, 1, 1)


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    kind: OrganisationKind
    mailbox: str
    legal_framework: str
    may_process_bsn: bool
    options: tuple[tuple[str, str], ...] = ()
    national: bool = False


ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    DemoOrganisation(
        "Gemeente Aldermeer",
        OrganisationKind.MUNICIPALITY,
        "meldpunt@aldermeer.example",
        "Wet gegevensverwerking PGA; Gemeentewet art. 172 (openbare orde); AVG art. 6 lid 1 sub e.",
        True,
        (
            ("Bestuurlijke maatregel", "Bijvoorbeeld een gebiedsverbod of meldplicht."),
            ("Inzet sleutelfiguren", "Contact via vertrouwde personen uit de gemeenschap."),
        ),
    ),
    DemoOrganisation(
        "Gemeente Brookdam",
        OrganisationKind.MUNICIPALITY,
        "veiligheid@brookdam.example",
        "Wet gegevensverwerking PGA; Gemeentewet art. 172; AVG art. 6 lid 1 sub e.",
        True,
        (("Schuldhulpverlening", "Ondersteuning bij financiële problemen."),),
    ),
    DemoOrganisation(
        "Gemeente Veenwolde",
        OrganisationKind.MUNICIPALITY,
        "oov@veenwolde.example",
        "Wet gegevensverwerking PGA; Gemeentewet art. 172; AVG art. 6 lid 1 sub e.",
        True,
    ),
    DemoOrganisation(
        "Zorg- en Veiligheidshuis Noordkaap",
        OrganisationKind.ZVH,
        "casusoverleg@zvh-noordkaap.example",
        "Wet gegevensverwerking PGA (procesregie casusoverleg); Besluit Stb. 2025, 78.",
        True,
        (("Procesregie", "Voorzitten van het casusoverleg en bijhouden van het plan van aanpak."),),
    ),
    DemoOrganisation(
        "Politie-eenheid Noordkaap",
        OrganisationKind.POLICE,
        "pga@politie-noordkaap.example",
        "Wet politiegegevens (Wpg) art. 16 en 20; Wet gegevensverwerking PGA.",
        True,
        (
            ("Signalering en opsporing", "Opsporing bij strafbare feiten."),
            ("Wijkagent", "Gesprek en monitoring in de wijk."),
        ),
    ),
    DemoOrganisation(
        "Openbaar Ministerie arrondissement Noordkaap",
        OrganisationKind.PUBLIC_PROSECUTION,
        "ctr@om-noordkaap.example",
        "Wet justitiële en strafvorderlijke gegevens (Wjsg) art. 39f; Wet gegevensverwerking PGA.",
        True,
        (("Strafrechtelijke interventie", "Vervolging of voorwaardelijke afdoening."),),
    ),
    DemoOrganisation(
        "Reclassering Noordkaap",
        OrganisationKind.PROBATION,
        "regio-noordkaap@reclassering.example",
        "Wjsg; Reclasseringsregeling; Wet gegevensverwerking PGA.",
        True,
        (("Toezicht", "Toezicht op naleving van bijzondere voorwaarden."),),
    ),
    DemoOrganisation(
        "Raad voor de Kinderbescherming, regio Noordkaap",
        OrganisationKind.CHILD_PROTECTION,
        "noordkaap@rvdk.example",
        "Burgerlijk Wetboek boek 1; Jeugdwet; Wet gegevensverwerking PGA.",
        True,
        (("Raadsonderzoek", "Onderzoek naar een kinderbeschermingsmaatregel."),),
    ),
    DemoOrganisation(
        "GGZ Noordkaap",
        OrganisationKind.MENTAL_HEALTH,
        "verwijzingen@ggz-noordkaap.example",
        "WGBO (beroepsgeheim); delen alleen met toestemming of bij conflict van plichten.",
        True,
        (("Behandeling", "Diagnostiek en behandeling."),),
    ),
    DemoOrganisation(
        "Het Kompas College",
        OrganisationKind.EDUCATION,
        "zorgcoordinatie@hetkompas.example",
        "Wet op het voortgezet onderwijs; AVG art. 6 lid 1 sub e; meldcode.",
        False,
        (("Zorgteam school", "Begeleiding en gesprek met leerling en ouders."),),
    ),
    DemoOrganisation(
        "NCTV",
        OrganisationKind.NCTV,
        "lokale-aanpak@nctv.example",
        "Advies aan gemeenten; geen verstrekking van persoonsgegevens zonder grondslag.",
        False,
        (("Lokaal adviseur", "Advies over de aanpak en over interventies."),),
        national=True,
    ),
)


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    function_title: str
    organisation: str
    role: Role
    enrolled: bool = True
    superuser: bool = False


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "regievoerder@aldermeer.example",
        "Demi Regiemaker",
        "Regievoerder radicalisering",
        "Gemeente Aldermeer",
        Role.MUNICIPAL_LEAD,
    ),
    DemoAccount(
        "regievoerder@brookdam.example",
        "Bo Brugwachter",
        "Adviseur openbare orde en veiligheid",
        "Gemeente Brookdam",
        Role.MUNICIPAL_LEAD,
    ),
    DemoAccount(
        "procesregisseur@zvh-noordkaap.example",
        "Pim Procesvast",
        "Procesregisseur",
        "Zorg- en Veiligheidshuis Noordkaap",
        Role.PROCESS_DIRECTOR,
    ),
    DemoAccount(
        "wijkagent@politie-noordkaap.example",
        "Wendy Wijkzicht",
        "Wijkagent",
        "Politie-eenheid Noordkaap",
        Role.PARTNER_MEMBER,
    ),
    DemoAccount(
        "officier@om-noordkaap.example",
        "Otto Oordeelkundig",
        "Officier van justitie CTER",
        "Openbaar Ministerie arrondissement Noordkaap",
        Role.PARTNER_MEMBER,
    ),
    DemoAccount(
        "behandelaar@ggz-noordkaap.example",
        "Gita Gesprekswijs",
        "Behandelaar",
        "GGZ Noordkaap",
        Role.PARTNER_MEMBER,
    ),
    DemoAccount(
        "privacy@aldermeer.example",
        "Pieter Privaatsma",
        "Privacyfunctionaris",
        "Gemeente Aldermeer",
        Role.PRIVACY_OFFICER,
    ),
    DemoAccount(
        "coordinator@aldermeer.example",
        "Cora Coördinaat",
        "Regionaal coördinator radicalisering",
        "Gemeente Aldermeer",
        Role.REGIONAL_COORDINATOR,
    ),
    DemoAccount(
        "wethouder@aldermeer.example",
        "Wim Wethoudersma",
        "Portefeuillehouder veiligheid",
        "Gemeente Aldermeer",
        Role.ADMINISTRATOR,
    ),
    DemoAccount(
        "beheer@aldermeer.example",
        "Fenna Functioneel",
        "Functioneel beheerder",
        "Gemeente Aldermeer",
        Role.FUNCTIONAL_ADMIN,
    ),
    DemoAccount(
        "applicatiebeheer@schakel.example",
        "Aart Applicatiebeheer",
        "Applicatiebeheerder",
        "Zorg- en Veiligheidshuis Noordkaap",
        Role.FUNCTIONAL_ADMIN,
        superuser=True,
    ),
    DemoAccount(
        "nieuw@aldermeer.example",
        "Nina Nieuwkomer",
        "Beleidsmedewerker veiligheid",
        "Gemeente Aldermeer",
        Role.MUNICIPAL_LEAD,
        enrolled=False,
    ),
)


def require_demo_mode() -> None:
    if not settings.SCHAKEL_DEMO_MODE:
        raise ImproperlyConfigured(
            "Demo data and demo codes exist only in demo mode (config.settings.dev)."
        )


def is_demo_account(user: User) -> bool:
    return user.email.endswith(DEMO_DOMAIN) and any(a.email == user.email for a in ACCOUNTS)


def _organisations() -> dict[str, Organisation]:
    region, _ = Region.objects.get_or_create(name=REGION)
    found: dict[str, Organisation] = {}
    for spec in ORGANISATIONS:
        org, _ = Organisation.objects.update_or_create(
            name=spec.name,
            defaults={
                "kind": spec.kind,
                "region": None if spec.national else region,
                "mailbox": spec.mailbox,
                "legal_framework": spec.legal_framework,
                "may_process_bsn": spec.may_process_bsn,
            },
        )
        for name, description in spec.options:
            InterventionOption.objects.update_or_create(
                organisation=org, name=name, defaults={"description": description}
            )
        found[spec.name] = org
    zvh = found["Zorg- en Veiligheidshuis Noordkaap"]
    for spec in ORGANISATIONS:
        if spec.kind == OrganisationKind.MUNICIPALITY:
            ZvhServiceArea.objects.get_or_create(zvh=zvh, municipality=found[spec.name])
    collaboration, _ = Collaboration.objects.get_or_create(
        name="Veiligheidsverband Noordkaap (fictief)",
        defaults={"kind": CollaborationKind.SAFETY_PARTNERSHIP, "region": region},
    )
    collaboration.members.add(*found.values())
    return found


def _account(spec: DemoAccount, organisation: Organisation) -> User:
    user = User.objects.filter(email=spec.email).first()
    if user is None:
        user = services.user_create(
            by=None,
            email=spec.email,
            full_name=spec.full_name,
            function_title=spec.function_title,
            organisation=organisation,
            role=spec.role,
            valid_from=DEMO_START,
            valid_until=None,
            password=DEMO_PASSWORD,
        )
    elif not Membership.objects.filter(
        user=user, organisation=organisation, role=spec.role
    ).exists():
        services.membership_create(
            by=None,
            user=user,
            organisation=organisation,
            role=spec.role,
            valid_from=DEMO_START,
            valid_until=None,
        )
    if spec.superuser and not user.is_superuser:
        user.is_superuser = user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    if spec.enrolled and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name="Demo-authenticator", confirmed=True)
    return user


def seed() -> list[User]:
    """Create or complete the demo region; running it again changes nothing."""
    require_demo_mode()
    with transaction.atomic():
        organisations = _organisations()
        return [_account(spec, organisations[spec.organisation]) for spec in ACCOUNTS]
