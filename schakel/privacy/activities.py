"""The processing activities of the privacy desk, the retention sweep and accountability: their
keys in the processing log and their entries in the register of processing activities (AVG
art. 30, see ``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import PERSON, RegisterEntry


class PrivacyActivity(models.TextChoices):
    SUBJECT_REQUEST = "subject_request", _("Verzoeken van betrokkenen")
    STATISTICS = "statistics", _("Statistiek en verantwoording")
    SUPERVISION = "supervision", _("Toezicht door de privacyfunctionaris")
    RETENTION = "retention", _("Bewaren en vernietigen")


REGISTER = [
    RegisterEntry(
        activity=PrivacyActivity.SUBJECT_REQUEST,
        name="Verzoeken van betrokkenen",
        name_en="Data-subject requests",
        purpose=(
            "Verzoeken om inzage, rectificatie, wissing, beperking en bezwaar afhandelen via het "
            "contactpunt."
        ),
        legal_basis="AVG hoofdstuk III; Besluit Stb. 2025, 78, art. 3",
        data_categories=(
            "Identificatie van de verzoeker, het verzoek, de inbreng van deelnemers en het besluit"
        ),
        data_subjects="Verzoekers (betrokkenen)",
        recipients="Contactpunt en deelnemende organisaties",
        retention="Tot 5 jaar na afhandeling (instelbaar)",
        position=70,
    ),
    RegisterEntry(
        activity=PrivacyActivity.STATISTICS,
        name="Statistiek en verantwoording",
        name_en="Statistics and accountability",
        purpose=(
            "Geaggregeerde cijfers voor bestuur en fenomeenanalyse, zonder herleidbaarheid naar "
            "personen."
        ),
        legal_basis="AVG art. 6 lid 1 sub e en art. 89",
        data_categories="Geaggregeerde en geanonimiseerde aantallen",
        data_subjects=PERSON,
        recipients="Bestuurders en regionale coördinatoren (alleen aggregaten)",
        retention="Geanonimiseerd, onbeperkt",
        position=90,
    ),
    RegisterEntry(
        activity=PrivacyActivity.SUPERVISION,
        name="Toezicht door de privacyfunctionaris",
        name_en="Supervision by the privacy officer",
        purpose=(
            "Toezicht op de rechtmatigheid: logboek, verstrekkingen, verzoeken, bewaartermijnen en"
            " toegangsrechten; inzage in de inhoud van een casus alleen met een vastgelegde reden."
        ),
        legal_basis=(
            "AVG art. 38-39 (taken van de functionaris gegevensbescherming); AVG art. 6 lid 1 sub c"
        ),
        data_categories=(
            "Metagegevens van verwerkingen; bij toezichtsinzage de inhoud van één casus"
        ),
        data_subjects=PERSON,
        recipients="Privacyfunctionaris; de regievoerende gemeente ziet dat inzage is genomen",
        retention="Als de casus; de vastlegging van de inzage als het logboek",
        position=110,
    ),
    RegisterEntry(
        activity=PrivacyActivity.RETENTION,
        name="Bewaren en vernietigen",
        name_en="Retention and deletion",
        purpose=(
            "Persoonsgegevens verwijderen of anonimiseren als hun bewaartermijn is verstreken, "
            "behalve waar een bewaarplicht geldt; de vernietiging aantonen zonder "
            "persoonsgegevens."
        ),
        legal_basis="AVG art. 5 lid 1 sub e (opslagbeperking); Archiefwet",
        data_categories=(
            "Geen: het vernietigingsregister bevat alleen soort, aantal, regel en moment"
        ),
        data_subjects=PERSON,
        recipients="Privacyfunctionaris en functioneel beheerder",
        retention="Vernietigingsregister onbeperkt (bevat geen persoonsgegevens)",
        position=120,
    ),
]
