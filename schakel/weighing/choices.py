"""Vocabularies of the weighing (weging): arrangements, sessions and outcomes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArrangementScope(models.TextChoices):
    MUNICIPAL = "municipal", _("Per gemeente")
    REGIONAL = "regional", _("Regionaal of provinciaal gefaciliteerd")


class SessionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Gesloten")


class WeighingOutcome(models.TextChoices):
    """What the weighing team decided about one person. People decide; Schakel records."""

    NO_ACTION = "no_action", _("Geen actie")
    MORE_INFORMATION = "more_information", _("Meer informatie nodig")
    INCLUDE = "include", _("Opnemen in de persoonsgerichte aanpak")
    CRIMINAL_ROUTE = "criminal_route", _("Strafrechtelijke route (OM)")
    CARE_ROUTE = "care_route", _("Zorg- of sociaal-domeinroute")
    REWEIGH = "reweigh", _("Opnieuw wegen op een datum")


# Outcomes that need a date: more information by, or re-weigh on.
OUTCOMES_WITH_DATE = frozenset({WeighingOutcome.MORE_INFORMATION, WeighingOutcome.REWEIGH})
