"""The processing activity of the trainings: registrations name staff (participants). Their key
in the processing log and their register entry (AVG art. 30, ``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import RegisterEntry


class TrainingActivity(models.TextChoices):
    TRAINING_REGISTRATION = "training_registration", _("Trainingsaanmeldingen")


REGISTER = [
    RegisterEntry(
        activity=TrainingActivity.TRAINING_REGISTRATION,
        name="Trainingsaanmeldingen",
        name_en="Training registrations",
        purpose=(
            "Medewerkers aanmelden voor trainingen van het samenwerkingsverband (zoals ROR), "
            "plaatsen verdelen, aanwezigheid vastleggen en certificaten verstrekken."
        ),
        legal_basis="AVG art. 6 lid 1 sub e (vakbekwaamheid in de persoonsgerichte aanpak)",
        data_categories="Naam, functie, organisatie, aanmeldstatus, aanwezigheid",
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients=(
            "De eigen organisatie (aanmelders), de deelnemer zelf en de coördinerende rollen "
            "van het samenwerkingsverband (voor toegang en aanwezigheid bij de sessie)"
        ),
        retention="Tot 2 jaar na de sessie (bewijs van deelname)",
        position=150,
    ),
]
