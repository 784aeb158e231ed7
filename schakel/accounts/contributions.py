"""What accounts adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.accounts import activities, demo
from schakel.accounts.choices import Role
from schakel.core.navigation import NavItem


def _demo_region() -> str:
    return f"Demodata aanwezig: {len(demo.seed())} demo-accounts."


DEMO_DATA = [_demo_region]


NAVIGATION = [
    NavItem(_("Partners"), "network:directory", None, position=120),
    NavItem(
        _("Beheer"),
        "network:admin_organisations",
        frozenset({Role.FUNCTIONAL_ADMIN}),
        admin_only=True,
        position=170,
    ),
]

# Its processing activities for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER
