"""Demo data for ``make run`` (``DEMO_DATA``): the six-weekly administrative meeting of the
fictional "Veiligheidsverband Noordkaap (fictief)", a past meeting with its agenda, minutes and
decisions, an open action point of Gemeente Aldermeer, and one working group. Runs after the
accounts' demo data (the layers' order); running it again changes nothing."""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.demo import require_demo_mode
from schakel.accounts.models import Membership
from schakel.collaboration.choices import CollaborationRoleKind
from schakel.collaboration.models import CollaborationRole
from schakel.network.models import Collaboration, Organisation
from schakel.regional_meetings import schedule
from schakel.regional_meetings.models import (
    ActionPoint,
    AgendaItem,
    Decision,
    MeetingSeries,
    WorkingGroup,
)

COLLABORATION = "Veiligheidsverband Noordkaap (fictief)"
SERIES = "Zesweeks bestuurlijk overleg"
COORDINATOR = "coordinator@aldermeer.example"
POLICE = "wijkagent@politie-noordkaap.example"

MINUTES = (
    "Opening en vaststelling van de agenda: de agenda is ongewijzigd vastgesteld.\n\n"
    "Voortgang beleidsplan: de vier prioritaire thema's liggen op koers. De werkgroep online "
    "radicalisering heeft een eerste verkenning gedaan.\n\n"
    "Casuïstiek wordt hier niet besproken; dat gebeurt in het casusoverleg van het "
    "Zorg- en Veiligheidshuis.\n\n"
    "Rondvraag: geen punten."
)


def seed_demo() -> str:
    require_demo_mode()
    collaboration = Collaboration.objects.filter(name=COLLABORATION).first()
    if (
        collaboration is None
        or MeetingSeries.objects.filter(collaboration=collaboration, title=SERIES).exists()
    ):
        return ""
    coordinator = Membership.objects.filter(user__email=COORDINATOR).first()
    police = Membership.objects.filter(user__email=POLICE).first()
    aldermeer = Organisation.objects.filter(name="Gemeente Aldermeer").first()
    police_org = police.organisation if police else aldermeer
    with transaction.atomic():
        if coordinator is not None:
            CollaborationRole.objects.get_or_create(
                collaboration=collaboration,
                membership=coordinator,
                kind=CollaborationRoleKind.COORDINATOR,
            )
        group = WorkingGroup.objects.create(
            collaboration=collaboration,
            name="Werkgroep online radicalisering",
            theme="Online radicalisering",
            purpose="Kennis delen over signalen van online radicalisering en de aanpak ervan.",
        )
        group.members.set([m for m in (coordinator, police) if m is not None])
        today = timezone.localdate()
        series = MeetingSeries.objects.create(
            collaboration=collaboration,
            title=SERIES,
            place="Gemeentehuis Aldermeer, raadzaal",
            first_on=today - timedelta(weeks=8),
            start_time=time(14, 0),
            duration_minutes=120,
            interval_weeks=6,
            count=10,
        )
        schedule.regenerate(series, created=True)
        past = series.meetings.get(sequence=1)
        past.minutes = MINUTES
        past.save()
        for position, (title, by) in enumerate(
            [
                ("Opening en vaststelling van de agenda", None),
                ("Voortgang meerjarig beleidsplan", aldermeer),
                ("Signalen online radicalisering: verkenning van de werkgroep", police_org),
            ],
            start=1,
        ):
            AgendaItem.objects.create(
                meeting=past, position=position, title=title, introduced_by=by
            )
        Decision.objects.create(
            meeting=past,
            number=1,
            text="De voortgangsrapportage over het eerste halfjaar is vastgesteld.",
        )
        Decision.objects.create(
            meeting=past,
            number=2,
            text="De werkgroep online radicalisering stelt een factsheet op voor de partners.",
        )
        if aldermeer is not None:
            ActionPoint.objects.create(
                meeting=past,
                description="Concept-factsheet online radicalisering rondsturen aan de partners.",
                owner=aldermeer,
                owner_membership=coordinator,
                due_on=today + timedelta(days=10),
            )
    return "Fictieve zesweekse overlegreeks met notulen, besluiten, een actiepunt en een werkgroep."
