from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import Role


class EventKind(models.TextChoices):
    """The three kinds of network event in which partners learn each other's frameworks."""

    PEER_REVIEW = "peer_review", _("Intervisie")
    CASE_EVALUATION = "case_evaluation", _("Casusevaluatie")
    CASE_SIMULATION = "case_simulation", _("Casussimulatie")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    HELD = "held", _("Gehouden")
    CANCELLED = "cancelled", _("Geannuleerd")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Afgerond")


# The roles of an organisation's staff who plan and record its events and finish its follow-ups
# (with the collaboration's managers). Administrators, privacy officers and functional admins
# of member organisations read.
PLANNING_ROLES = frozenset(
    {
        Role.MUNICIPAL_LEAD,
        Role.PROCESS_DIRECTOR,
        Role.PARTNER_MEMBER,
        Role.REGIONAL_COORDINATOR,
    }
)
