"""What staff safety adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role
from schakel.core.navigation import NavItem
from schakel.core.work import WorkKind
from schakel.staff_safety import activities, demo, retention, work


def _demo_staff_safety() -> str:
    if demo.seed_staff_safety_demo():
        return "Fictief veiligheidsprotocol, veiligheidscoördinator en melding toegevoegd."
    return ""


DEMO_DATA = [_demo_staff_safety]

# Every staff member, while acting for an organisation (the pages are scoped to it).
NAVIGATION = [
    NavItem(
        _("Veiligheid medewerkers"),
        "staff_safety:my_incidents",
        frozenset(Role.values),
        acting=True,
        position=155,
    ),
]

API_URLS = ["schakel.staff_safety.api.urls"]

# Its processing activities for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER

# What waits for a safety officer on Mijn werk (``schakel.core.work``).
WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.NEW_INCIDENT, _("Melding veiligheid medewerker")),
]

# The retention term of closed incidents (``schakel.core.retention``).
RETENTION_HANDLERS = [retention.RULE]
LOG_ACTION_NAMES = [
    {
        "safety_officer_designated": _("Veiligheidscoördinator aangewezen"),
        "safety_officer_ended": _("Aanwijzing als veiligheidscoördinator beëindigd"),
        "staff_incident_recorded": _("Melding over een medewerker vastgelegd"),
        "staff_incident_updated": _("Melding over een medewerker bijgewerkt"),
        "staff_incident_read": _("Melding over een medewerker ingezien"),
        "staff_incident_list_read": _("Meldingen over medewerkers in een lijst ingezien"),
        "staff_incident_overview_read": _("Overzicht van meldingen ingezien"),
        "staff_incident_figures_read": _("Cijfers over meldingen ingezien"),
    }
]
