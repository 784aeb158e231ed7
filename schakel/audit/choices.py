"""The processing activities and log vocabularies, enumerated in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Activity(models.TextChoices):
    """Keys of the register of processing activities (AVG art. 30)."""

    SIGNAL_REGISTRATION = "signal_registration", _("Registratie van signalen")
    CONVERGENCE_REVIEW = "convergence_review", _("Samenbrengen van signalen")
    WEIGHING = "weighing", _("Weging")
    CASE_CONSULTATION = "case_consultation", _("Casusoverleg")
    ACTION_PLAN = "action_plan", _("Integraal plan van aanpak")
    MONITORING = "monitoring", _("Monitoring en afsluiting")
    SUBJECT_REQUEST = "subject_request", _("Verzoeken van betrokkenen")
    ONLINE_RESEARCH = "online_research", _("Online onderzoek")
    STATISTICS = "statistics", _("Statistiek en verantwoording")
    ACCOUNT_ADMINISTRATION = "account_administration", _("Accountbeheer")
    SUPERVISION = "supervision", _("Toezicht door de privacyfunctionaris")
    RETENTION = "retention", _("Bewaren en vernietigen")


class SubjectType(models.TextChoices):
    PERSON = "person", _("Betrokkene")
    RELATED_PERSON = "related_person", _("Persoon in de directe omgeving")
    EMPLOYEE = "employee", _("Medewerker")


class StatusCode(models.TextChoices):
    UNSET = "UNSET", "UNSET"
    OK = "OK", "OK"
    ERROR = "ERROR", "ERROR"
