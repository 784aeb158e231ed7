"""The knowledge base's section on a collaboration's home page (``COLLABORATION_SECTIONS``):
its latest items, and for its managers the items due for review."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.collaboration.permissions import may_manage
from schakel.collaboration.sections import CollaborationSection
from schakel.network.models import Collaboration

RECENT = 5


def knowledge_section(
    membership: Membership | None, collaboration: Collaboration, roles: frozenset[str]
) -> CollaborationSection | None:
    if membership is None:
        return None
    manages = may_manage(roles)
    items = collaboration.knowledge_items.all()
    due = (
        list(items.filter(review_on__lte=timezone.localdate()).order_by("review_on")[:RECENT])
        if manages
        else []
    )
    return CollaborationSection(
        anchor="kennisbank",
        title=_("Kennisbank"),
        template="knowledge/collaboration_section.html",
        context={
            "collaboration": collaboration,
            "recent": list(items.order_by("-updated_at")[:RECENT]),
            "due": due,
            "may_add": manages,
        },
    )
