"""The processing activities of the case work: their keys in the processing log and their
entries in the register of processing activities (AVG art. 30, ``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import PERSON, RegisterEntry


class CaseActivity(models.TextChoices):
    CASE_CONSULTATION = "case_consultation", _("Casusoverleg")
    ACTION_PLAN = "action_plan", _("Integraal plan van aanpak")
    MONITORING = "monitoring", _("Monitoring en afsluiting")


REGISTER = [
    RegisterEntry(
        activity=CaseActivity.CASE_CONSULTATION,
        name="Casusoverleg",
        name_en="Case consultation",
        purpose="Multidisciplinair overleg over de aanpak van één persoon.",
        legal_basis="Wet gegevensverwerking PGA; Besluit Stb. 2025, 78",
        data_categories=(
            "Gewone, bijzondere (art. 9 AVG) en strafrechtelijke (art. 10 AVG) persoonsgegevens"
        ),
        data_subjects=PERSON,
        recipients="Structurele en incidentele deelnemers aan het casusoverleg",
        retention=(
            "5 jaar na afsluiting van de casus (instelbaar; wettelijke termijn nog te bevestigen)"
        ),
        position=40,
    ),
    RegisterEntry(
        activity=CaseActivity.ACTION_PLAN,
        name="Integraal plan van aanpak",
        name_en="Integrated action plan",
        purpose="Analyse per leefgebied, doelen en interventies vastleggen en uitvoeren.",
        legal_basis="Wet gegevensverwerking PGA",
        data_categories="Analyse per leefgebied, interventies en hun uitkomst",
        data_subjects=PERSON,
        recipients="Deelnemers aan de casus en eigenaren van interventies",
        retention="Als de casus",
        position=50,
    ),
    RegisterEntry(
        activity=CaseActivity.MONITORING,
        name="Monitoring en afsluiting",
        name_en="Monitoring and closure",
        purpose="Voortgang volgen, op- en afschalen en de casus afsluiten.",
        legal_basis="Wet gegevensverwerking PGA",
        data_categories="Status van interventies, evaluaties, afschaling en nazorg",
        data_subjects=PERSON,
        recipients="Procesregisseur, regievoerder en deelnemers",
        retention="Als de casus",
        position=60,
    ),
]
