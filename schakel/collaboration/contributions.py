"""What the collaboration app adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.collaboration import activities
from schakel.collaboration.demo import seed_collaboration_demo
from schakel.core.navigation import NavItem


def _demo_collaborations() -> str:
    if seed_collaboration_demo():
        return (
            "Fictieve rollen, beleidsplan en gefaciliteerde weging van twee verbanden toegevoegd."
        )
    return ""


DEMO_DATA = [_demo_collaborations]

# A menu item cannot say "members of a collaboration only": every signed-in user sees it, and
# the page explains when the list is empty.
NAVIGATION = [NavItem(_("Samenwerking"), "collaboration:list", None, position=100)]

API_URLS = ["schakel.collaboration.api.urls"]

# Its processing activity for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER
