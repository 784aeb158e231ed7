from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    ZVH = "zvh", _("Zorg- en Veiligheidshuis")
    POLICE = "police", _("Politie-eenheid")
    PUBLIC_PROSECUTION = "public_prosecution", _("Openbaar Ministerie (arrondissement)")
    PROBATION = "probation", _("Reclassering")
    CHILD_PROTECTION = "child_protection", _("Raad voor de Kinderbescherming")
    MENTAL_HEALTH = "mental_health", _("GGZ")
    YOUTH_CARE = "youth_care", _("Jeugdzorg / gecertificeerde instelling")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    EDUCATION = "education", _("Onderwijs")
    HOUSING = "housing", _("Woningcorporatie")
    HALT = "halt", _("Halt")
    DJI = "dji", _("Dienst Justitiële Inrichtingen")
    NCTV = "nctv", _("NCTV")
    OTHER = "other", _("Overig")


class CollaborationKind(models.TextChoices):
    SAFETY_PARTNERSHIP = "safety_partnership", _("Regionaal veiligheidsverband")
    PROVINCIAL = "provincial", _("Provinciaal samenwerkingsverband")
    SAFETY_ALLIANCE = "safety_alliance", _("Veiligheidsalliantie")
    REGIONAL_COORDINATION = "regional_coordination", _("Regionale coördinatie")
