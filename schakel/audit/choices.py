"""The log's own vocabularies. (The processing activities are declared by the apps that process:
``schakel.audit.activities``.)"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    PERSON = "person", _("Betrokkene")
    RELATED_PERSON = "related_person", _("Persoon in de directe omgeving")
    EMPLOYEE = "employee", _("Medewerker")


class StatusCode(models.TextChoices):
    UNSET = "UNSET", "UNSET"
    OK = "OK", "OK"
    ERROR = "ERROR", "ERROR"
