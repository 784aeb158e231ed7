from django.db import models
from django.utils.translation import gettext_lazy as _


class CollaborationRoleKind(models.TextChoices):
    """The roles a member's staff can hold in a collaboration (product.md §E)."""

    CHAIR = "chair", _("Voorzitter")
    PORTFOLIO_HOLDER = "portfolio_holder", _("Bestuurlijk portefeuillehouder")
    COORDINATOR = "coordinator", _("Regionaal coördinator of adviseur")
    SECRETARY = "secretary", _("Secretaris")


# The roles that run a collaboration's work: plan, meetings, knowledge, trainings, events.
MANAGING_ROLES = frozenset(
    {
        CollaborationRoleKind.CHAIR,
        CollaborationRoleKind.COORDINATOR,
        CollaborationRoleKind.SECRETARY,
    }
)
