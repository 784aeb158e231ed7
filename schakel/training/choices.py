from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    """For whom a training is meant (a training names one or more)."""

    PROFESSIONALS = "professionals", _("Professionals in de persoonsgerichte aanpak")
    FRONTLINE = "frontline", _("Eerstelijns medewerkers")
    ADMINISTRATORS = "administrators", _("Bestuurders")
    POLICY = "policy", _("Beleidsmedewerkers")
    KEY_FIGURES = "key_figures", _("Sleutelfiguren en netwerkpartners")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Aangemeld")
    WAITING = "waiting", _("Wachtlijst")
    CANCELLED = "cancelled", _("Geannuleerd")


# A registration that holds a seat or waits for one; a participant has at most one per session.
OPEN_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)
