"""Vocabularies of cases, consultations and action plans."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CasePhase(models.TextChoices):
    CONSULTATION = "consultation", _("Casusoverleg")
    MONITORING = "monitoring", _("Monitoring")
    AFTERCARE = "aftercare", _("Nazorg")
    CLOSED = "closed", _("Afgesloten")


OPEN_PHASES = (CasePhase.CONSULTATION, CasePhase.MONITORING, CasePhase.AFTERCARE)


class ParticipationKind(models.TextChoices):
    STRUCTURAL = "structural", _("Structureel")
    INCIDENTAL = "incidental", _("Incidenteel")


class InformingStatus(models.TextChoices):
    """Whether the person was told that they are discussed (practice: unless undesirable)."""

    UNDECIDED = "undecided", _("Nog niet besloten")
    INFORMED = "informed", _("Geïnformeerd")
    DEFERRED = "deferred", _("Uitgesteld")


class DeescalationDestination(models.TextChoices):
    NONE = "none", _("Geen vervolg")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Wijkteam")
    REGULAR_CARE = "regular_care", _("Reguliere zorg")
    CRIMINAL_JUSTICE = "criminal_justice", _("Strafrechtketen")
    SOCIAL_DOMAIN = "social_domain", _("Sociaal-domeinroute")


class ClosureReason(models.TextChoices):
    GOALS_REACHED = "goals_reached", _("Doelen bereikt")
    NO_LONGER_NEEDED = "no_longer_needed", _("Voortgezette bespreking niet meer nodig")
    TRANSFERRED = "transferred", _("Overgedragen aan een ander kader")
    MOVED = "moved", _("Verhuisd buiten het werkgebied")
    OTHER = "other", _("Anders")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    HELD = "held", _("Gehouden")
    CANCELLED = "cancelled", _("Geannuleerd")


class LifeDomain(models.TextChoices):
    HOUSING = "housing", _("Wonen")
    WORK_INCOME = "work_income", _("Werk en inkomen")
    EDUCATION = "education", _("Onderwijs")
    FAMILY_NETWORK = "family_network", _("Gezin en sociaal netwerk")
    HEALTH = "health", _("Gezondheid en psychische gezondheid")
    IDEOLOGY = "ideology", _("Ideologie")
    JUSTICE = "justice", _("Justitie")
    ONLINE = "online", _("Online gedrag")


class PlanVersionStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    ADOPTED = "adopted", _("Vastgesteld")


class InterventionKind(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("Bestuurlijk")
    CRIMINAL = "criminal", _("Strafrechtelijk")
    CARE = "care", _("Zorg")
    OTHER = "other", _("Overig")


class InterventionStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    IN_PROGRESS = "in_progress", _("In uitvoering")
    COMPLETED = "completed", _("Afgerond")
    STOPPED = "stopped", _("Gestopt")


OPEN_INTERVENTION_STATUSES = (InterventionStatus.PLANNED, InterventionStatus.IN_PROGRESS)
