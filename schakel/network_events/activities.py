"""The processing activity of network events: who of the staff takes part (staff data, not
data subjects'). Its key in the processing log and its register entry (AVG art. 30)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import RegisterEntry


class NetworkEventActivity(models.TextChoices):
    NETWORK_EVENTS = "network_events", _("Netwerkbijeenkomsten")


REGISTER = [
    RegisterEntry(
        activity=NetworkEventActivity.NETWORK_EVENTS,
        name="Netwerkbijeenkomsten",
        name_en="Network events",
        purpose=(
            "Intervisie, casusevaluaties en casussimulaties van een samenwerkingsverband plannen "
            "en vastleggen, met leerpunten en vervolgacties, op geanonimiseerd materiaal."
        ),
        legal_basis="AVG art. 6 lid 1 sub e",
        data_categories="Functie, organisatie en deelname van medewerkers",
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients="Leden van het samenwerkingsverband (als functie – organisatie – mailbox)",
        retention="Zolang het samenwerkingsverband bestaat",
        position=180,
    ),
]
