from django.db import models
from django.utils.translation import gettext
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

# Who assigns and ends roles and links hosted weighing arrangements, besides a functional admin of
# a member organisation and the platform operator (docs/collaboration.md).
ADMINISTERING_ROLES = frozenset({CollaborationRoleKind.CHAIR, CollaborationRoleKind.COORDINATOR})


class ProgressStatus(models.TextChoices):
    """How a goal of the policy plan stands in a period."""

    ON_TRACK = "on_track", _("Op koers")
    ATTENTION = "attention", _("Aandacht nodig")
    BEHIND = "behind", _("Achter")
    ACHIEVED = "achieved", _("Behaald")
    DROPPED = "dropped", _("Vervallen")


def kind_explanation(kind: str) -> str:
    """One Dutch line on what a collaboration of this kind does (product.md §E)."""
    texts = {
        "safety_partnership": gettext(
            "Gemeenten, OM en politie in een regio werken samen op basis van een meerjarig "
            "beleidsplan met prioritaire thema's."
        ),
        "provincial": gettext(
            "Een provinciaal verband met een bestuurlijk portefeuillehouder, een zeswekelijks "
            "overleg van alle partners, gefaciliteerde weging en themawerkgroepen."
        ),
        "safety_alliance": gettext(
            "Gemeenten, politie en OM delen kennis, schrijven handboeken en factsheets en "
            "stemmen subsidieaanvragen op elkaar af."
        ),
        "regional_coordination": gettext(
            "Een regionaal coördinator bouwt signaleringsstructuren, verdeelt ROR-trainingen en "
            "organiseert kennisuitwisseling."
        ),
    }
    return texts.get(kind, "")
