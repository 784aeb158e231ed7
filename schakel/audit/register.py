"""The register of processing activities (AVG art. 30) as shipped, and the chain's genesis.

Installed after every `migrate` (and after a test database flush) by a post_migrate handler, so
the register and the chain head always exist. Existing entries are brought up to date; the head
is created only for an empty log — a missing head beside existing records is tampering, and then
logging fails closed until an administrator investigates.
"""

from typing import Any

from django.db import transaction

from schakel.audit.chain import GENESIS_HASH

CONTROLLER = (
    "De burgemeester van de woongemeente (contactpunt) en de deelnemers aan het casusoverleg als "
    "gezamenlijk verwerkingsverantwoordelijken (Besluit Stb. 2025, 78, art. 2-3); voor "
    "accountbeheer de organisatie die Schakel aanbiedt."
)
PERSON = (
    "Betrokkenen (personen over wie een signaal of casus gaat) en personen in hun directe omgeving"
)

ACTIVITIES = [
    (
        "signal_registration",
        "Registratie van signalen",
        "Signal registration",
        "Zorgen over mogelijke radicalisering vastleggen bij het meldpunt van de gemeente.",
        "AVG art. 6 lid 1 sub e; Wet gegevensverwerking PGA (Kamerstuk 36225)",
        "Identificerende gegevens, BSN (alleen waar toegestaan), waarnemingen; bijzondere en "
        "strafrechtelijke gegevens waar gelabeld",
        PERSON,
        "Regievoerder van de woongemeente",
        "Vervalt na 12 maanden als het signaal niet tot weging leidde (instelbaar)",
    ),
    (
        "convergence_review",
        "Samenbrengen van signalen",
        "Convergence review",
        "Signalen over dezelfde persoon tijdig samenbrengen, met menselijke bevestiging.",
        "AVG art. 6 lid 1 sub e; Wet gegevensverwerking PGA",
        "Gesleutelde pseudoniemen en foutbestendige coderingen van identiteitsgegevens",
        PERSON,
        "Regievoerders van de betrokken gemeenten",
        "Als het onderliggende signaal",
    ),
    (
        "weighing",
        "Weging",
        "Weighing",
        "Besluiten of een persoon in de persoonsgerichte aanpak wordt opgenomen.",
        "Wet gegevensverwerking PGA; AVG art. 6 lid 1 sub e",
        "Signalen, criteria, onderbouwing van noodzaak, proportionaliteit en subsidiariteit",
        PERSON,
        "Deelnemers aan het weegoverleg (gemeente, politie, OM)",
        "12 maanden na het besluit zonder opname (instelbaar)",
    ),
    (
        "case_consultation",
        "Casusoverleg",
        "Case consultation",
        "Multidisciplinair overleg over de aanpak van één persoon.",
        "Wet gegevensverwerking PGA; Besluit Stb. 2025, 78",
        "Gewone, bijzondere (art. 9 AVG) en strafrechtelijke (art. 10 AVG) persoonsgegevens",
        PERSON,
        "Structurele en incidentele deelnemers aan het casusoverleg",
        "5 jaar na afsluiting van de casus (instelbaar; wettelijke termijn nog te bevestigen)",
    ),
    (
        "action_plan",
        "Integraal plan van aanpak",
        "Integrated action plan",
        "Analyse per leefgebied, doelen en interventies vastleggen en uitvoeren.",
        "Wet gegevensverwerking PGA",
        "Analyse per leefgebied, interventies en hun uitkomst",
        PERSON,
        "Deelnemers aan de casus en eigenaren van interventies",
        "Als de casus",
    ),
    (
        "monitoring",
        "Monitoring en afsluiting",
        "Monitoring and closure",
        "Voortgang volgen, op- en afschalen en de casus afsluiten.",
        "Wet gegevensverwerking PGA",
        "Status van interventies, evaluaties, afschaling en nazorg",
        PERSON,
        "Procesregisseur, regievoerder en deelnemers",
        "Als de casus",
    ),
    (
        "subject_request",
        "Verzoeken van betrokkenen",
        "Data-subject requests",
        "Verzoeken om inzage, rectificatie, wissing, beperking en bezwaar afhandelen via het "
        "contactpunt.",
        "AVG hoofdstuk III; Besluit Stb. 2025, 78, art. 3",
        "Identificatie van de verzoeker, het verzoek, de inbreng van deelnemers en het besluit",
        "Verzoekers (betrokkenen)",
        "Contactpunt en deelnemende organisaties",
        "Tot 5 jaar na afhandeling (instelbaar)",
    ),
    (
        "online_research",
        "Online onderzoek",
        "Online research",
        "Onderzoek in openbare bronnen voor de handhaving van de openbare orde, vooraf gewogen "
        "en vastgelegd.",
        "Gemeentewet art. 172 (openbare orde); AVG art. 6 lid 1 sub e",
        "Doel, aanleiding, geraadpleegde bronnen en uitkomst",
        PERSON,
        "Regievoerder van de gemeente",
        "12 maanden (instelbaar)",
    ),
    (
        "statistics",
        "Statistiek en verantwoording",
        "Statistics and accountability",
        "Geaggregeerde cijfers voor bestuur en fenomeenanalyse, zonder herleidbaarheid naar "
        "personen.",
        "AVG art. 6 lid 1 sub e en art. 89",
        "Geaggregeerde en geanonimiseerde aantallen",
        PERSON,
        "Bestuurders en regionale coördinatoren (alleen aggregaten)",
        "Geanonimiseerd, onbeperkt",
    ),
    (
        "account_administration",
        "Accountbeheer",
        "Account administration",
        "Toegang van medewerkers beheren: accounts, lidmaatschappen, aanmelden en tokens.",
        "AVG art. 6 lid 1 sub c en e; BIO2 (toegangsbeveiliging)",
        "Naam, e-mailadres, functie, organisatie, rol, aanmeldmomenten",
        "Medewerkers van deelnemende organisaties",
        "Functioneel beheerders en privacyfunctionarissen van de eigen organisatie",
        "Tot 1 jaar na einde van het laatste lidmaatschap (instelbaar)",
    ),
    (
        "supervision",
        "Toezicht door de privacyfunctionaris",
        "Supervision by the privacy officer",
        "Toezicht op de rechtmatigheid: logboek, verstrekkingen, verzoeken, bewaartermijnen en "
        "toegangsrechten; inzage in de inhoud van een casus alleen met een vastgelegde reden.",
        "AVG art. 38-39 (taken van de functionaris gegevensbescherming); AVG art. 6 lid 1 sub c",
        "Metagegevens van verwerkingen; bij toezichtsinzage de inhoud van één casus",
        PERSON,
        "Privacyfunctionaris; de regievoerende gemeente ziet dat inzage is genomen",
        "Als de casus; de vastlegging van de inzage als het logboek",
    ),
    (
        "retention",
        "Bewaren en vernietigen",
        "Retention and deletion",
        "Persoonsgegevens verwijderen of anonimiseren als hun bewaartermijn is verstreken, "
        "behalve waar een bewaarplicht geldt; de vernietiging aantonen zonder persoonsgegevens.",
        "AVG art. 5 lid 1 sub e (opslagbeperking); Archiefwet",
        "Geen: het vernietigingsregister bevat alleen soort, aantal, regel en moment",
        PERSON,
        "Privacyfunctionaris en functioneel beheerder",
        "Vernietigingsregister onbeperkt (bevat geen persoonsgegevens)",
    ),
]


def install(*, using: str = "default", **_: Any) -> None:
    from schakel.audit.models import ChainHead, LogRecord, ProcessingActivity

    with transaction.atomic(using=using):
        for key, name, name_en, purpose, basis, data, subjects, recipients, retention in ACTIVITIES:
            ProcessingActivity.objects.using(using).update_or_create(
                key=key,
                defaults={
                    "name": name,
                    "name_en": name_en,
                    "purpose": purpose,
                    "legal_basis": basis,
                    "data_categories": data,
                    "data_subject_categories": subjects,
                    "recipients": recipients,
                    "retention": retention,
                    "controller": CONTROLLER,
                },
            )
        heads = ChainHead.objects.using(using)
        if not heads.exists() and not LogRecord.objects.using(using).exists():
            heads.create(pk=1, sequence=0, record_hash=GENESIS_HASH)
