"""The three personas of the cases benchmark: membership, API token and the cases they see."""

import uuid
from dataclasses import dataclass
from typing import Any


@dataclass
class Persona:
    key: str
    membership: Any  # accounts.Membership
    token: str
    visible_ids: list[uuid.UUID]


def make_personas(world: Any) -> list[Persona]:
    """The three personas' memberships (organisation loaded) and an API token each."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from schakel.accounts.models import Membership
    from schakel.accounts.services import access_token_create

    personas = []
    for key, user in (
        ("lead", world.lead),
        ("director", world.director),
        ("partner", world.partner),
    ):
        TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
        membership = Membership.objects.select_related("organisation", "user").get(user=user)
        token = access_token_create(user=user, name="Benchmark", days=7)[1]
        personas.append(Persona(key=key, membership=membership, token=token, visible_ids=[]))
    return personas


def visible_ids(persona: Persona) -> list[uuid.UUID]:
    from schakel.cases.selectors import case_list_for

    return list(case_list_for(membership=persona.membership).values_list("id", flat=True))
