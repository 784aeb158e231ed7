"""A planned and a held event in the partnership of the ``network`` fixture, and who is who.

The coordinator plans both with Aldermeer as organiser; the police and the OM take part, with
the police member as participating staff. The held event has a learning point and a follow-up
owned by the police."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from schakel.accounts.models import Membership, User
from schakel.network_events import services
from schakel.network_events.choices import EventKind
from schakel.network_events.models import FollowUp, NetworkEvent

CASE_MATERIAL = "Verzonnen casus: een jongere deelt online extreme teksten (materiaal-7319)."
PERSON_TEXT = "Jan de Vries, geboren 12-03-2001, woont in de wijk."

# Who may do what with an event of the partnership (organiser: Gemeente Aldermeer).
MANAGERS = ("coordinator", "chair", "lead_a")  # coordinator, chair, organiser's staff
PARTICIPANT = "police_member"
MEMBERS_WITHOUT_MATERIAL = ("om_member", "director", "admin_a", "administrator_a")
PLANNERS = (*MANAGERS, PARTICIPANT, "om_member", "director")
READERS = (*MANAGERS, PARTICIPANT, *MEMBERS_WITHOUT_MATERIAL)
OUTSIDERS = ("outsider", "coordinator_other", "ggz_member", "school_member", "director_other")
EVERYONE = (*READERS, *OUTSIDERS)


def user(personas: Any, network: Any, name: str) -> User:
    found: User = getattr(network, name, None) or getattr(personas, name)
    return found


def membership(person: User) -> Membership:
    return Membership.objects.active().get(user=person)


@dataclass(frozen=True)
class World:
    planned: NetworkEvent
    held: NetworkEvent
    follow_up: FollowUp


def event_input(personas: Any, **overrides: Any) -> services.EventInput:
    values: dict[str, Any] = {
        "kind": EventKind.CASE_SIMULATION,
        "title": "Casussimulatie informatiedeling",
        "starts_at": timezone.now() - timedelta(hours=2),
        "location": "Stadhuis Aldermeer",
        "online": False,
        "organiser": personas.municipality_a,
        "purpose": "Elkaars kaders leren kennen.",
        "case_material": CASE_MATERIAL,
        "organisations": [personas.police, personas.om],
        "participants": [membership(personas.police_member)],
    }
    values.update(overrides)
    return services.EventInput(**values)


def world(personas: Any, network: Any) -> World:
    coordinator = membership(network.coordinator)
    planned = services.event_plan(
        membership=coordinator,
        collaboration=network.partnership,
        data=event_input(personas, title="Geplande intervisie", kind=EventKind.PEER_REVIEW),
    )
    held = services.event_plan(
        membership=coordinator, collaboration=network.partnership, data=event_input(personas)
    )
    services.event_record(membership=coordinator, event=held, discussion="Kaders besproken.")
    services.learning_point_add(
        membership=coordinator,
        event=held,
        data=services.LearningPointInput(
            text="Vraag naar de grondslag.",
            theme="Wettelijke kaders",
            organisations=[personas.police],
        ),
    )
    follow_up = services.follow_up_add(
        membership=coordinator,
        event=held,
        data=services.FollowUpInput(
            text="Factsheet maken.",
            owner=personas.police,
            due_on=timezone.localdate() + timedelta(days=7),
        ),
    )
    held.refresh_from_db()
    planned.refresh_from_db()
    return World(planned=planned, held=held, follow_up=follow_up)
