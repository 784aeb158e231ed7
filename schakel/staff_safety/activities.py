"""The processing activities of staff safety: their keys in the processing log and their entries
in the register of processing activities (AVG art. 30, ``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import RegisterEntry


class StaffSafetyActivity(models.TextChoices):
    STAFF_INCIDENTS = "staff_incidents", _("Incidentenregister veiligheid medewerkers")
    SAFETY_OFFICERS = "safety_officers", _("Aanwijzing veiligheidscoördinatoren")


REGISTER = [
    RegisterEntry(
        activity=StaffSafetyActivity.STAFF_INCIDENTS,
        name="Incidentenregister veiligheid medewerkers",
        name_en="Register of incidents against staff",
        purpose=(
            "Medewerkers beschermen tegen intimidatie, bedreiging en doxing: incidenten "
            "vastleggen, opvolgen (aangifte op de gegevens van de werkgever, ondersteuning) en "
            "geaggregeerd verantwoorden aan het management."
        ),
        legal_basis="AVG art. 6 lid 1 sub c (Arbeidsomstandighedenwet art. 3 lid 2) en sub e",
        data_categories=(
            "Medewerker, datum, soort en kanaal van het incident, beschrijving, aangifte, "
            "geboden ondersteuning, status"
        ),
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients=(
            "De medewerker zelf, wie de melding vastlegde, de veiligheidscoördinatoren en de "
            "functioneel beheerder van de eigen organisatie; het management alleen geaggregeerd"
        ),
        retention="5 jaar na afsluiten van de melding (instelbaar)",
        position=114,
    ),
    RegisterEntry(
        activity=StaffSafetyActivity.SAFETY_OFFICERS,
        name="Aanwijzing veiligheidscoördinatoren",
        name_en="Designation of safety officers",
        purpose="Vastleggen wie in een organisatie de meldingen over veiligheid van medewerkers "
        "behandelt.",
        legal_basis="AVG art. 6 lid 1 sub c (Arbeidsomstandighedenwet art. 3 lid 2)",
        data_categories="Medewerker, organisatie, periode van de aanwijzing",
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients="Functioneel beheerders van de eigen organisatie",
        retention="Tot 1 jaar na einde van de aanwijzing (instelbaar)",
        position=115,
    ),
]
