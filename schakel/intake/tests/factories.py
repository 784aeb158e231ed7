"""Test data for the meldpunt: fictional people only, registered through the real service."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from schakel.accounts.models import Membership, User
from schakel.intake.choices import SourceDomain
from schakel.intake.models import Phenomenon
from schakel.intake.services import Registration, SignalInput, signal_register
from schakel.network.models import Organisation

# Test BSNs from the 9999xxxxx test range: VALID ones pass the eleven test, INVALID does not.
VALID_BSN = "999900006"
OTHER_VALID_BSN = "999900018"
INVALID_BSN = "999900001"


def membership_of(user: User, organisation: Organisation | None = None) -> Membership:
    memberships = Membership.objects.active().filter(user=user).select_related("organisation")
    if organisation is not None:
        memberships = memberships.filter(organisation=organisation)
    membership = memberships.first()
    assert membership is not None, "the user has no active membership"
    return membership


def phenomenon() -> Phenomenon:
    found = Phenomenon.objects.filter(is_active=True).first()
    return found or Phenomenon.objects.create(name="Overig / gemengd / onbekend")


def signal_input(*, residence: Organisation, **overrides: Any) -> SignalInput:
    values: dict[str, Any] = {
        "given_names": "Daan Pieter",
        "surname_prefix": "van",
        "surname": "Hoogeveld",
        "date_of_birth": date(2004, 3, 17),
        "residence": residence,
        "observation": "Deelt op school teksten die geweld tegen een groep goedpraten.",
        "observed_on": timezone.localdate() - timedelta(days=3),
        "source_domain": SourceDomain.EDUCATION,
        "phenomenon": phenomenon(),
    }
    values.update(overrides)
    return SignalInput(**values)


def register(user: User, *, residence: Organisation, **overrides: Any) -> Registration:
    return signal_register(
        membership=membership_of(user), data=signal_input(residence=residence, **overrides)
    )
