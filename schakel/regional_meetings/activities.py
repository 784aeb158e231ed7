"""The processing activity of the network's meetings: staff (memberships) as members of a
working group and as owners of action points (``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import RegisterEntry


class MeetingActivity(models.TextChoices):
    NETWORK_MEETINGS = "network_meetings", _("Regionaal overleg en werkgroepen")


REGISTER = [
    RegisterEntry(
        activity=MeetingActivity.NETWORK_MEETINGS,
        name="Regionaal overleg en werkgroepen",
        name_en="Regional meetings and working groups",
        purpose=(
            "Het overleg van een samenwerkingsverband en zijn werkgroepen plannen en vastleggen: "
            "wie lid is van een werkgroep en wie een actiepunt oppakt."
        ),
        legal_basis="AVG art. 6 lid 1 sub e (taak van algemeen belang)",
        data_categories=(
            "Lidmaatschap (functie, organisatie) van werkgroepen; eigenaar van actiepunten"
        ),
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients="Leden van het samenwerkingsverband",
        retention="Zolang het samenwerkingsverband bestaat",
        position=200,
    ),
]
