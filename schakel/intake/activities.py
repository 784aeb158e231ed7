"""The processing activities of the meldpunt: their keys in the processing log and their
entries in the register of processing activities (AVG art. 30, ``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import PERSON, RegisterEntry


class IntakeActivity(models.TextChoices):
    SIGNAL_REGISTRATION = "signal_registration", _("Registratie van signalen")
    CONVERGENCE_REVIEW = "convergence_review", _("Samenbrengen van signalen")
    ONLINE_RESEARCH = "online_research", _("Online onderzoek")


REGISTER = [
    RegisterEntry(
        activity=IntakeActivity.SIGNAL_REGISTRATION,
        name="Registratie van signalen",
        name_en="Signal registration",
        purpose="Zorgen over mogelijke radicalisering vastleggen bij het meldpunt van de gemeente.",
        legal_basis="AVG art. 6 lid 1 sub e; Wet gegevensverwerking PGA (Kamerstuk 36225)",
        data_categories=(
            "Identificerende gegevens, BSN (alleen waar toegestaan), waarnemingen; bijzondere en "
            "strafrechtelijke gegevens waar gelabeld"
        ),
        data_subjects=PERSON,
        recipients="Regievoerder van de woongemeente",
        retention="Vervalt na 12 maanden als het signaal niet tot weging leidde (instelbaar)",
        position=10,
    ),
    RegisterEntry(
        activity=IntakeActivity.CONVERGENCE_REVIEW,
        name="Samenbrengen van signalen",
        name_en="Convergence review",
        purpose="Signalen over dezelfde persoon tijdig samenbrengen, met menselijke bevestiging.",
        legal_basis="AVG art. 6 lid 1 sub e; Wet gegevensverwerking PGA",
        data_categories=(
            "Gesleutelde pseudoniemen en foutbestendige coderingen van identiteitsgegevens"
        ),
        data_subjects=PERSON,
        recipients="Regievoerders van de betrokken gemeenten",
        retention="Als het onderliggende signaal",
        position=20,
    ),
    RegisterEntry(
        activity=IntakeActivity.ONLINE_RESEARCH,
        name="Online onderzoek",
        name_en="Online research",
        purpose=(
            "Onderzoek in openbare bronnen voor de handhaving van de openbare orde, vooraf gewogen"
            " en vastgelegd."
        ),
        legal_basis="Gemeentewet art. 172 (openbare orde); AVG art. 6 lid 1 sub e",
        data_categories="Doel, aanleiding, geraadpleegde bronnen en uitkomst",
        data_subjects=PERSON,
        recipients="Regievoerder van de gemeente",
        retention="12 maanden (instelbaar)",
        position=80,
    ),
]
