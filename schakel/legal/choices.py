"""The vocabularies of the legal catalogue and the retention terms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionKind(models.TextChoices):
    """What a retention policy applies to: an object kind in a phase."""

    SIGNAL_NOT_WEIGHED = "signal_not_weighed", _("Signalen die nooit zijn gewogen")
    WEIGHED_NOT_INCLUDED = "weighed_not_included", _("Gewogen zonder opname in de aanpak")
    CLOSED_CASE = "closed_case", _("Afgesloten casussen")
    ONLINE_RESEARCH = "online_research", _("Online onderzoek")
    SUBJECT_REQUEST = "subject_request", _("Afgehandelde verzoeken van betrokkenen")
    PROCESSING_LOG = "processing_log", _("Logregels van het logboek dataverwerkingen")
    SIGN_IN_FAILURES = "sign_in_failures", _("Mislukte inlogpogingen")
