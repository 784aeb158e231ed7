"""The processing activity of the roles in a collaboration: its key in the processing log and its
entry in the register of processing activities (AVG art. 30, ``schakel.audit.activities``).

Who holds which role is staff data; assigning and ending a role is logged under this activity
with the staff member as the data subject (only as a pseudonym in the log)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import RegisterEntry


class CollaborationActivity(models.TextChoices):
    COLLABORATION_ROLES = "collaboration_roles", _("Rollen in samenwerkingsverbanden")


REGISTER = [
    RegisterEntry(
        activity=CollaborationActivity.COLLABORATION_ROLES,
        name="Rollen in samenwerkingsverbanden",
        name_en="Roles in regional collaborations",
        purpose=(
            "Vastleggen wie in een regionaal samenwerkingsverband voorzitter, bestuurlijk "
            "portefeuillehouder, coördinator of secretaris is."
        ),
        legal_basis="AVG art. 6 lid 1 sub e",
        data_categories="Functie, organisatie, functionele mailbox, rol in het verband",
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients="Leden van het samenwerkingsverband (als functie – organisatie – mailbox)",
        retention="Tot het einde van de rol; daarna in het verwerkingslogboek",
        position=110,
    ),
]
