"""The vocabularies of subject requests, retention and the privacy officer's desk."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RequestKind(models.TextChoices):
    """The data-subject rights of AVG chapter III that the contact point handles."""

    ACCESS = "access", _("Inzage (art. 15 AVG)")
    RECTIFICATION = "rectification", _("Rectificatie (art. 16 AVG)")
    ERASURE = "erasure", _("Wissing (art. 17 AVG)")
    RESTRICTION = "restriction", _("Beperking van de verwerking (art. 18 AVG)")
    OBJECTION = "objection", _("Bezwaar (art. 21 AVG)")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Ontvangen")
    IN_PROGRESS = "in_progress", pgettext_lazy("verzoek van een betrokkene", "In behandeling")
    DECIDED = "decided", _("Besloten")
    WITHDRAWN = "withdrawn", pgettext_lazy("verzoek van een betrokkene", "Ingetrokken")


OPEN_REQUEST_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)


class RequestDecision(models.TextChoices):
    GRANTED = "granted", _("Toegewezen")
    PARTIALLY_GRANTED = "partially_granted", _("Gedeeltelijk toegewezen")
    REFUSED = "refused", _("Afgewezen")


class RequestRestriction(models.TextChoices):
    """Grounds to restrict a right (AVG art. 23; UAVG art. 41)."""

    NONE = "", _("Geen beperking")
    CRIMINAL_INVESTIGATION = "criminal_investigation", _("Lopend strafrechtelijk onderzoek")
    PUBLIC_SAFETY = "public_safety", _("Openbare veiligheid")
    RIGHTS_OF_OTHERS = "rights_of_others", _("Bescherming van de rechten van anderen")
    OTHER = "other", _("Andere wettelijke grond")


class ContributionStatus(models.TextChoices):
    OPEN = "open", _("Inbreng gevraagd")
    ANSWERED = "answered", _("Inbreng gegeven")


class RetentionRunStatus(models.TextChoices):
    RUNNING = "running", _("Bezig")
    FINISHED = "finished", _("Klaar")
    FAILED = "failed", _("Mislukt")
