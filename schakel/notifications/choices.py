"""The choices of notifications: how often a person wants mail, what happened, how a delivery
stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DIGEST = "digest", _("Eén overzicht per dag")
    DIRECT = "direct", _("Direct, bij elke verandering (hoogstens één e-mail per paar minuten)")
    NONE = "none", _("Geen e-mail")


class Event(models.TextChoices):
    NEW = "new", _("nieuw")
    CHANGED = "changed", _("gewijzigd")
    DEADLINE = "deadline", _("termijn nadert")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("te verzenden")
    SENT = "sent", _("verzonden")
    GIVEN_UP = "given_up", _("opgegeven")
    CANCELLED = "cancelled", _("vervallen")
