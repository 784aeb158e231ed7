"""What the meldpunt adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role
from schakel.core.navigation import NavItem
from schakel.core.work import WorkKind
from schakel.intake import activities, demo, search, work


def _demo_signals() -> str:
    added = demo.seed()
    return f"{added} fictieve demosignalen toegevoegd." if added else ""


DEMO_DATA = [_demo_signals]


NAVIGATION = [
    NavItem(
        _("Meldpunt"), "intake:inbox", frozenset({Role.MUNICIPAL_LEAD}), acting=True, position=20
    ),
    NavItem(
        _("Signalen"),
        "intake:signal_list",
        frozenset({Role.PARTNER_MEMBER, Role.MUNICIPAL_LEAD, Role.PROCESS_DIRECTOR}),
        acting=True,
        position=30,
    ),
    NavItem(
        _("Online onderzoek"),
        "intake:online:list",
        frozenset({Role.MUNICIPAL_LEAD, Role.PRIVACY_OFFICER}),
        acting=True,
        position=80,
    ),
    NavItem(
        _("Signalen (metadata)"),
        "intake:privacy_signals",
        frozenset({Role.PRIVACY_OFFICER}),
        acting=True,
        position=90,
    ),
    NavItem(_("Fenomenen"), "intake:phenomena", frozenset(), admin_only=True, position=180),
]

# The meldpunt's endpoints under /api/v1/.
API_URLS = ["schakel.intake.api.urls"]

# Its processing activities for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER

# What waits for a membership on Mijn werk (``schakel.core.work``).
WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.SUGGESTION, _("Match-suggestie")),
    WorkKind(work.SIGNAL_NEW, _("Nieuw signaal")),
    WorkKind(work.SIGNAL_UNDER_REVIEW, _("Signaal in onderzoek")),
]

# Its lookups for the search (``schakel.core.search``, docs/search.md).
SEARCH_PROVIDERS = [search.PROVIDER]
