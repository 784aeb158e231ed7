"""What weighing adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import TABLE_ROLES
from schakel.core.navigation import NavItem
from schakel.core.work import WorkKind
from schakel.weighing import activities, search, work

NAVIGATION = [
    NavItem(_("Weging"), "weighing:session_list", TABLE_ROLES, acting=True, position=40),
]

API_URLS = ["schakel.weighing.api.urls"]

# Its processing activities for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER

# What waits for a membership on Mijn werk (``schakel.core.work``).
WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.ITEM_TO_DECIDE, _("Punt om te wegen")),
    WorkKind(work.FOLLOW_UP, _("Weging die terugkomt")),
]

# Its lookups for the search (``schakel.core.search``, docs/search.md).
SEARCH_PROVIDERS = [search.PROVIDER]
