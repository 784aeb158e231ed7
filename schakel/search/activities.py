"""The search's processing activity: its key in the processing log and its entry in the
register of processing activities (AVG art. 30, ``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import PERSON, RegisterEntry


class SearchActivity(models.TextChoices):
    SEARCH = "search", _("Zoeken naar signalen, personen en casussen")


REGISTER = [
    RegisterEntry(
        activity=SearchActivity.SEARCH,
        name="Zoeken naar signalen, personen en casussen",
        name_en="Searching for signals, persons and cases",
        purpose=(
            "Een signaal, persoon, weging, casus, overleg, plan of verzoek terugvinden om het werk "
            "eraan te doen, binnen wat de gebruiker mag zien; op naam alleen voor de regievoerder "
            "en de procesregisseur."
        ),
        legal_basis="AVG art. 6 lid 1 sub e; Wet gegevensverwerking PGA (Kamerstuk 36225)",
        data_categories=(
            "Kenmerken, soort, fase en data; bij zoeken op naam gesleutelde codes van de naam "
            "(de zoekterm zelf wordt niet bewaard)"
        ),
        data_subjects=PERSON,
        recipients="De zoekende medewerker, binnen de eigen zichtbaarheid",
        retention="Als het verwerkingslogboek",
        position=95,
    ),
]
