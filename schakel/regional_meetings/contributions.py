"""What the regional meetings add to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.collaboration.sections import CollaborationSection
from schakel.core.work import WorkKind
from schakel.network.models import Collaboration
from schakel.regional_meetings import activities, demo, selectors, work

SECTION_SIZE = 5


def _meetings_section(
    membership: Membership | None, collaboration: Collaboration, roles: frozenset[str]
) -> CollaborationSection | None:
    """Next meetings and open action points on the collaboration's home page (members only
    reach that page)."""
    return CollaborationSection(
        anchor="overleg",
        title=_("Overleg en actiepunten"),
        template="regional_meetings/section.html",
        context={
            "collaboration": collaboration,
            "upcoming": list(selectors.upcoming(collaboration)[:SECTION_SIZE]),
            "actions": list(selectors.open_actions(collaboration)[:SECTION_SIZE]),
        },
    )


COLLABORATION_SECTIONS = [_meetings_section]

API_URLS = ["schakel.regional_meetings.api.urls"]

PROCESSING_ACTIVITIES = activities.REGISTER

WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.ACTION_POINT, _("Actiepunt uit regionaal overleg")),
]

DEMO_DATA = [demo.seed_demo]
LOG_ACTION_NAMES = [
    {
        "network_action_point_assigned": _("Actiepunt aan een medewerker toegewezen"),
        "working_group_members_changed": _("Leden van een werkgroep gewijzigd"),
    }
]
