"""What notifications add to the whole (``schakel.core.extensions``): the preferences page in
the menu, for every signed-in user, and its endpoint."""

from django.utils.translation import gettext_lazy as _

from schakel.core.navigation import NavItem
from schakel.notifications import activities

NAVIGATION = [NavItem(_("E-mailberichten"), "notifications:preferences", None, position=185)]
API_URLS = ["schakel.notifications.api.urls"]

# Its processing activity for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER
