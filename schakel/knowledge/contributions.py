"""What the knowledge base adds to the whole (``schakel.core.extensions``)."""

from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import TABLE_ROLES, Role
from schakel.core.navigation import NavItem
from schakel.core.work import WorkKind
from schakel.knowledge import work
from schakel.knowledge.demo import seed_knowledge_demo
from schakel.knowledge.sections import knowledge_section


def _demo_knowledge() -> str:
    if seed_knowledge_demo():
        return "Fictieve kennisitems (handboek, factsheets, protocol, landelijk item) toegevoegd."
    return ""


DEMO_DATA = [_demo_knowledge]

# Every membership reads national items, so the menu shows it in any role.
NAVIGATION = [
    # Not for the case table's roles, whose menu is full with case work (a quarter of a phone
    # screen at most): they reach the knowledge base from a collaboration's home page.
    NavItem(
        _("Kennisbank"),
        "knowledge:item_list",
        frozenset(Role) - TABLE_ROLES,
        acting=True,
        position=110,
    )
]

API_URLS = ["schakel.knowledge.api.urls"]

# Reviews due on Mijn werk (``schakel.core.work``).
WORK_ITEMS = work.WORK
WORK_KINDS = [WorkKind(work.REVIEW_DUE, _("Kennisitem om te herzien"))]

# The section on a collaboration's home page (``schakel.collaboration.sections``).
COLLABORATION_SECTIONS = [knowledge_section]
