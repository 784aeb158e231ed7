"""Demo data (``DEMO_DATA``): an ROR training with a session of the demo collaboration
"Veiligheidsverband Noordkaap (fictief)", seats for two municipalities and one registration.
Fictional only; adds what is missing, changes nothing on a second run."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.models import User
from schakel.network.models import Collaboration, Organisation
from schakel.training.choices import RegistrationStatus, TargetGroup
from schakel.training.models import Registration, SeatAllocation, Training, TrainingSession

COLLABORATION = "Veiligheidsverband Noordkaap (fictief)"
TITLE = "Herkennen en duiden van radicalisering (ROR, fictief)"
SEATS = {"Gemeente Aldermeer": 2, "Gemeente Brookdam": 3}
PARTICIPANT = "regievoerder@aldermeer.example"


def seed() -> str:
    collaboration = Collaboration.objects.filter(name=COLLABORATION).first()
    if collaboration is None:
        return ""
    with transaction.atomic():
        training, created = Training.objects.get_or_create(
            title=TITLE,
            defaults={
                "provider": "ROR",
                "description": (
                    "Signalen van radicalisering herkennen, duiden en bespreken in de "
                    "persoonsgerichte aanpak. Met casussimulaties op fictief materiaal."
                ),
                "target_groups": [TargetGroup.PROFESSIONALS, TargetGroup.FRONTLINE],
                "duration": "2 dagdelen",
                "cost_cents": 27_500,
            },
        )
        if not created:
            return ""
        starts = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0)
        session = TrainingSession.objects.create(
            training=training,
            collaboration=collaboration,
            starts_at=starts + timedelta(days=30),
            place="Stadskantoor Aldermeer (fictief)",
            seats=8,
            registration_deadline=timezone.localdate() + timedelta(days=20),
        )
        for name, seats in SEATS.items():
            organisation = Organisation.objects.filter(name=name).first()
            if organisation is not None:
                SeatAllocation.objects.create(
                    session=session, organisation=organisation, seats=seats
                )
        participant = User.objects.filter(email=PARTICIPANT).first()
        aldermeer = Organisation.objects.filter(name="Gemeente Aldermeer").first()
        if participant is not None and aldermeer is not None:
            Registration.objects.create(
                session=session,
                organisation=aldermeer,
                participant=participant,
                number=1,
                status=RegistrationStatus.REGISTERED,
                queued_at=timezone.now(),
                registered_by=participant,
            )
    return "Demodata aanwezig: een ROR-training met een sessie in het demoverband."
