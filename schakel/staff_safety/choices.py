"""The vocabularies of the staff-safety register."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncidentKind(models.TextChoices):
    INTIMIDATION = "intimidation", _("Intimidatie")
    THREAT = "threat", _("Bedreiging")
    DOXING = "doxing", _("Doxing")
    ASSAULT = "assault", _("Fysiek geweld")
    ONLINE_HARASSMENT = "online_harassment", _("Online intimidatie")
    OTHER = "other", _("Anders")


class IncidentChannel(models.TextChoices):
    IN_PERSON = "in_person", _("Persoonlijk")
    PHONE = "phone", _("Telefoon")
    EMAIL = "email", _("E-mail")
    SOCIAL_MEDIA = "social_media", _("Sociale media")
    AT_HOME = "at_home", _("Thuis")
    OTHER = "other", _("Anders")


class IncidentStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    IN_PROGRESS = "in_progress", _("In behandeling")
    CLOSED = "closed", _("Afgesloten")


class SupportKind(models.TextChoices):
    CONVERSATION = "conversation", _("Gesprek")
    AFTERCARE = "aftercare", _("Nazorg")
    SECURITY_MEASURES = "security_measures", _("Beveiligingsmaatregelen")
    LEGAL_SUPPORT = "legal_support", _("Juridische ondersteuning")
    OTHER = "other", _("Anders")
