"""The processing activity of the weighing: their keys in the processing log and their
entries in the register of processing activities (AVG art. 30, ``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import PERSON, RegisterEntry


class WeighingActivity(models.TextChoices):
    WEIGHING = "weighing", _("Weging")


REGISTER = [
    RegisterEntry(
        activity=WeighingActivity.WEIGHING,
        name="Weging",
        name_en="Weighing",
        purpose="Besluiten of een persoon in de persoonsgerichte aanpak wordt opgenomen.",
        legal_basis="Wet gegevensverwerking PGA; AVG art. 6 lid 1 sub e",
        data_categories=(
            "Signalen, criteria, onderbouwing van noodzaak, proportionaliteit en subsidiariteit"
        ),
        data_subjects=PERSON,
        recipients="Deelnemers aan het weegoverleg (gemeente, politie, OM)",
        retention="12 maanden na het besluit zonder opname (instelbaar)",
        position=30,
    ),
]
