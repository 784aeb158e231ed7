"""Demo data of the network events (fictional, demo mode only): in the demo collaboration
"Veiligheidsverband Noordkaap (fictief)" one held intervisie with learning points and a
follow-up, and one planned case simulation. Running it again changes nothing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.demo import require_demo_mode
from schakel.accounts.models import Membership
from schakel.network.models import Collaboration, Organisation
from schakel.network_events import services
from schakel.network_events.choices import EventKind
from schakel.network_events.models import NetworkEvent

COLLABORATION = "Veiligheidsverband Noordkaap (fictief)"
ORGANISER = "regievoerder@aldermeer.example"
POLICE = "wijkagent@politie-noordkaap.example"
ZVH = "procesregisseur@zvh-noordkaap.example"


def _membership(email: str) -> Membership | None:
    return (
        Membership.objects.active()
        .filter(user__email=email)
        .select_related("organisation", "user")
        .first()
    )


def _event(
    collaboration: Collaboration, kind: str, title: str, days: int, **text: str
) -> services.EventInput:
    organisations = list(
        Organisation.objects.filter(
            collaborations=collaboration,
            name__in=[
                "Gemeente Aldermeer",
                "Politie-eenheid Noordkaap",
                "Zorg- en Veiligheidshuis Noordkaap",
            ],
        )
    )
    staff = [m for m in (_membership(POLICE), _membership(ZVH)) if m is not None]
    starts = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
    return services.EventInput(
        kind=kind,
        title=title,
        starts_at=starts + timedelta(days=days),
        location=text.get("location", "Stadhuis Aldermeer, zaal 2"),
        online=False,
        organiser=Organisation.objects.get(name="Gemeente Aldermeer"),
        purpose=text["purpose"],
        case_material=text["case_material"],
        organisations=organisations,
        participants=staff,
    )


def seed_network_events_demo() -> bool:
    """True when something was added."""
    require_demo_mode()
    collaboration = Collaboration.objects.filter(name=COLLABORATION).first()
    lead = _membership(ORGANISER)
    if (
        collaboration is None
        or lead is None
        or NetworkEvent.objects.filter(collaboration=collaboration).exists()
    ):
        return False
    with transaction.atomic():
        held = services.event_plan(
            membership=lead,
            collaboration=collaboration,
            data=_event(
                collaboration,
                EventKind.PEER_REVIEW,
                "Intervisie informatiedeling tussen gemeente en politie",
                -21,
                purpose="Elkaars wettelijke kaders voor het delen van informatie leren kennen.",
                case_material=(
                    "Verzonnen casus: een jongvolwassene uit de regio deelt online steeds "
                    "extremere berichten. De school en de wijkagent maken zich zorgen. Wie mag "
                    "wat delen, en op welke grondslag?"
                ),
            ),
        )
        services.event_record(
            membership=lead,
            event=held,
            discussion=(
                "Besproken hoe de politie op grond van de Wpg informatie deelt en wat de "
                "gemeente onder de Wet gegevensverwerking PGA mag vastleggen."
            ),
        )
        police = Organisation.objects.get(name="Politie-eenheid Noordkaap")
        aldermeer = Organisation.objects.get(name="Gemeente Aldermeer")
        services.learning_point_add(
            membership=lead,
            event=held,
            data=services.LearningPointInput(
                text="Vraag bij elke informatievraag naar de grondslag van de ontvanger.",
                theme="Wettelijke kaders",
                organisations=[aldermeer, police],
            ),
        )
        services.learning_point_add(
            membership=lead,
            event=held,
            data=services.LearningPointInput(
                text="Spreek vooraf af wie terugkoppelt aan de melder.",
                theme="Informatiedeling",
                organisations=[],
            ),
        )
        services.follow_up_add(
            membership=lead,
            event=held,
            data=services.FollowUpInput(
                text="Factsheet grondslagen informatiedeling opstellen.",
                owner=aldermeer,
                due_on=timezone.localdate() + timedelta(days=14),
            ),
        )
        services.event_plan(
            membership=lead,
            collaboration=collaboration,
            data=_event(
                collaboration,
                EventKind.CASE_SIMULATION,
                "Casussimulatie opschaling bij een dreiging",
                28,
                purpose="Samen oefenen hoe de partners opschalen bij een acute dreiging.",
                case_material=(
                    "Verzonnen casus: een melding over een mogelijke dreiging rond een "
                    "evenement. Welke partner doet wat in het eerste uur?"
                ),
            ),
        )
    return True
