"""What network events add to the whole (``schakel.core.extensions``)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.collaboration.sections import CollaborationSection
from schakel.core.work import WorkKind
from schakel.network.models import Collaboration
from schakel.network_events import activities, selectors, work
from schakel.network_events.demo import seed_network_events_demo

SECTION_SIZE = 5


def _demo_events() -> str:
    if seed_network_events_demo():
        return "Fictieve netwerkbijeenkomsten toegevoegd: een intervisie en een casussimulatie."
    return ""


DEMO_DATA = [_demo_events]


def _events_section(
    membership: Membership | None, collaboration: Collaboration, roles: frozenset[str]
) -> CollaborationSection | None:
    """Upcoming events and recent learning points, for every member of the collaboration."""
    upcoming = selectors.events_of(membership, collaboration, upcoming=True).filter(
        starts_at__gte=timezone.now()
    )
    points = selectors.learning_points_of(membership, collaboration)
    return CollaborationSection(
        anchor="netwerkbijeenkomsten",
        title=_("Netwerkbijeenkomsten"),
        template="network_events/section.html",
        context={
            "collaboration": collaboration,
            "upcoming": list(upcoming[:SECTION_SIZE]),
            "learning_points": list(points[:SECTION_SIZE]),
        },
    )


COLLABORATION_SECTIONS = [_events_section]

API_URLS = ["schakel.network_events.api.urls"]

# Its processing activity for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER

# What waits for a membership on Mijn werk (``schakel.core.work``).
WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.FOLLOW_UP, _("Vervolgactie na een netwerkbijeenkomst")),
    WorkKind(work.TO_RECORD, _("Verslag van een netwerkbijeenkomst")),
]
