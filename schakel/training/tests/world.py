"""A training world around the ``network`` fixture: an ROR training of the partnership with a
session next month of 5 seats (Aldermeer 1, Brookdam 2 allocated by the coordinator)."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from schakel.accounts.models import Membership, User
from schakel.training import services
from schakel.training.choices import TargetGroup
from schakel.training.models import Registration, Training, TrainingSession


@dataclass
class World:
    training: Training
    national: Training
    session: TrainingSession


def membership_of(user: User) -> Membership:
    return Membership.objects.active().get(user=user)


def training_world(personas: Any, network: Any, *, allocate: bool = True) -> World:
    training = Training.objects.create(
        title="Herkennen van radicalisering",
        provider="ROR",
        description="Signalen duiden in de aanpak.",
        target_groups=[TargetGroup.PROFESSIONALS, TargetGroup.FRONTLINE],
        duration="2 dagdelen",
        cost_cents=27_550,
        collaboration=network.partnership,
    )
    national = Training.objects.create(
        title="Landelijke basistraining",
        provider="ROR",
        target_groups=[TargetGroup.ADMINISTRATORS],
        duration="1 dag",
        cost_cents=0,
    )
    session = TrainingSession.objects.create(
        training=training,
        collaboration=network.partnership,
        starts_at=timezone.now() + timedelta(days=30),
        place="Stadskantoor Aldermeer",
        seats=5,
        registration_deadline=timezone.localdate() + timedelta(days=20),
    )
    if allocate:
        services.allocations_set(
            by=network.coordinator,
            membership=membership_of(network.coordinator),
            session=session,
            seats={personas.municipality_a.pk: 1, personas.municipality_b.pk: 2},
        )
    return World(training=training, national=national, session=session)


def register(registrar: User, session: TrainingSession, participant: User) -> Registration:
    return services.registration_create(
        by=registrar, membership=membership_of(registrar), session=session, participant=participant
    )


def begin(session: TrainingSession) -> None:
    """Move the session into the past (it has begun): attendance can be recorded."""
    TrainingSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=2)
    )
    session.refresh_from_db()


def attend(network: Any, session: TrainingSession, registration: Registration) -> None:
    begin(session)
    services.attendance_record(
        by=network.coordinator,
        membership=membership_of(network.coordinator),
        session=session,
        attended={registration.pk: True},
    )
    registration.refresh_from_db()
