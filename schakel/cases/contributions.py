"""What cases add to the whole (``schakel.core.extensions``)."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import TABLE_ROLES
from schakel.cases import activities, search, work
from schakel.cases.dashboard import role_dashboard
from schakel.cases.demo import seed_cases_demo
from schakel.cases.inclusion import CASE_FROM_INCLUSION
from schakel.core.extensions import DashboardPanel
from schakel.core.navigation import NavItem
from schakel.core.work import WorkKind


def _demo_case() -> str:
    if seed_cases_demo():
        return "Fictieve weging, casus, casusoverleggen en plan van aanpak toegevoegd."
    return ""


DEMO_DATA = [_demo_case]


def _case_board(request: HttpRequest) -> DashboardPanel | None:
    """The table roles' cases, interventions and meetings (no person data)."""
    board = role_dashboard(acting_membership(request))
    return DashboardPanel("cases/dashboard.html", board) if board else None


DASHBOARD_PANELS = [_case_board]


NAVIGATION = [
    NavItem(_("Casussen"), "cases:case_list", TABLE_ROLES, acting=True, position=50),
    NavItem(_("Casusoverleg"), "cases:meeting_list", TABLE_ROLES, acting=True, position=60),
    NavItem(_("Interventies"), "cases:intervention_list", TABLE_ROLES, acting=True, position=70),
]

API_URLS = ["schakel.cases.api.urls"]

# An "include" decision of the weighing opens a case (``schakel.weighing.follow_up``).
INCLUSION_FOLLOW_UP = [CASE_FROM_INCLUSION]

# Its processing activities for the register (``schakel.audit.activities``).
PROCESSING_ACTIVITIES = activities.REGISTER

# What waits for a membership on Mijn werk (``schakel.core.work``).
WORK_ITEMS = work.WORK
WORK_KINDS = [
    WorkKind(work.INVITATION, _("Uitnodiging voor een agendapunt"), on_a_day=True),
    WorkKind(work.MEETING, _("Casusoverleg"), on_a_day=True, planned=True),
    WorkKind(work.INTERVENTION, _("Interventie")),
    WorkKind(work.REVIEW, _("Evaluatie van een casus")),
    WorkKind(work.REASSESSMENT, _("Herbeoordeling van een casus")),
    WorkKind(work.INFORMING, _("Informeren van de betrokkene heroverwegen")),
]

# Its lookups for the search (``schakel.core.search``, docs/search.md).
SEARCH_PROVIDERS = [search.PROVIDER]
