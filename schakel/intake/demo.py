"""Fictional demo signals for `manage.py seed_demo`: two partners report the same (invented)
person with variations, and a school reports another by initials, an estimated age and an
online account, so both demo meldpunten have a match suggestion to decide."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.demo import require_demo_mode
from schakel.accounts.models import Membership
from schakel.intake.choices import DataCategory, ReportedBy, SourceDomain, SourceOpenness, Urgency
from schakel.intake.models import Phenomenon, Signal
from schakel.intake.online_services import ResearchPlan, online_research_start
from schakel.intake.services import (
    AccountInput,
    RelatedPersonInput,
    SignalInput,
    signal_register,
)
from schakel.network.models import Organisation


def _membership(email: str) -> Membership:
    return Membership.objects.active().select_related("organisation", "user").get(user__email=email)


def _phenomenon(start: str) -> Phenomenon:
    return Phenomenon.objects.filter(name__startswith=start).first() or Phenomenon.objects.first()  # type: ignore[return-value]


def seed() -> int:
    """Register the demo signals once (through the real service, so they are encoded, logged
    and matched). Returns how many were added."""
    require_demo_mode()
    if Signal.objects.exists():
        return 0
    aldermeer = Organisation.objects.get(name="Gemeente Aldermeer")
    brookdam = Organisation.objects.get(name="Gemeente Brookdam")
    today = timezone.localdate()
    right_wing = _phenomenon("Rechts")
    with transaction.atomic():
        police = signal_register(
            membership=_membership("wijkagent@politie-noordkaap.example"),
            data=SignalInput(
                given_names="Jorrit Pieter",
                surname_prefix="van",
                surname="Vlinderhaven",
                date_of_birth=date(2005, 4, 8),
                sex="male",
                residence=aldermeer,
                address="Voorbeeldlaan 12, Aldermeer",
                observation=(
                    "Deelt in de buurt flyers met een oproep tot 'zuivering' en zegt tegen "
                    "buurtbewoners dat 'het moment eraan komt'."
                ),
                observed_on=today - timedelta(days=6),
                source_domain=SourceDomain.SAFETY,
                phenomenon=right_wing,
                urgency=Urgency.HIGH,
                related_persons=(RelatedPersonInput("Moeder", "Marjolein van Vlinderhaven"),),
            ),
        )
        signal_register(
            membership=_membership("behandelaar@ggz-noordkaap.example"),
            data=SignalInput(
                given_names="Pieter Jorrit",
                surname="Vlinderhaaven",
                date_of_birth=date(2005, 8, 4),
                residence=aldermeer,
                observation=(
                    "Cliënt vertelt over online groepen waarin geweld wordt verheerlijkt en "
                    "lijkt zich steeds verder terug te trekken."
                ),
                observation_category=DataCategory.SPECIAL,
                observed_on=today - timedelta(days=2),
                source_domain=SourceDomain.CARE,
                phenomenon=right_wing,
            ),
        )
        signal_register(
            membership=_membership("regievoerder@brookdam.example"),
            data=SignalInput(
                given_names="Selin",
                surname="Çetinkaya-de Wit",
                date_of_birth=date(1999, 11, 23),
                sex="female",
                residence=brookdam,
                observation="Plaatst openbaar berichten die de overheid illegitiem noemen.",
                observed_on=today - timedelta(days=10),
                source_domain=SourceDomain.ONLINE,
                phenomenon=_phenomenon("Anti-institutioneel"),
                reported_by=ReportedBy.CITIZEN,
                reporter_contact="Anonieme buurtbewoner via het meldformulier",
                online_platform="Openbaar videokanaal",
                online_source_openness=SourceOpenness.PUBLIC,
                online_content="Video met een oproep om geen belasting meer te betalen.",
                online_accounts=(AccountInput("Instagram", "@selin.voorbeeld"),),
            ),
        )
        # A school knows only initials and an estimated age, and the account: a partial
        # identity that the meldpunt of Brookdam gets as a suggestion to decide on.
        signal_register(
            membership=_membership("regievoerder@brookdam.example"),
            data=SignalInput(
                given_names="S.",
                surname="Cetinkaya",
                age_estimate=(25, 28),
                residence=brookdam,
                observation="Een oud-docent hoorde dat zij jongeren aanspreekt op het schoolplein.",
                observed_on=today - timedelta(days=3),
                source_domain=SourceDomain.EDUCATION,
                phenomenon=_phenomenon("Anti-institutioneel"),
                online_accounts=(
                    AccountInput("insta", "https://www.instagram.com/selin.voorbeeld/"),
                ),
            ),
        )
        online_research_start(
            membership=_membership("regievoerder@aldermeer.example"),
            plan=ResearchPlan(
                purpose="Nagaan of de oproepen ook openbaar online staan.",
                occasion="Signaal van de wijkagent over flyers in de buurt.",
                legal_basis="public_order",
                public_order_interest="Mogelijke verstoring bij een buurtbijeenkomst.",
                subsidiarity="Eerst navraag bij de wijkagent; online alleen openbare bronnen.",
                confirms_no_fictitious_profile=True,
                confirms_no_closed_groups=True,
                confirms_no_systematic_following=True,
                signal=police.signal,
            ),
        )
    return Signal.objects.count()
