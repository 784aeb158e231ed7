"""Default retention terms (product.md, domain.md), the rest of the legal-basis catalogue of
product.md, and which legal bases each processing activity of the register rests on.

The register's activities are filled in by ``audit.register.install`` after every migrate; here
they are created by key only when missing, so the links can be made on a fresh database.
"""

import uuid

from django.db import migrations

DEFAULT_TERMS = [
    ("signal_not_weighed", 12, "Signalen die nooit tot weging leidden (product.md)."),
    ("weighed_not_included", 12, "Na het wegingsbesluit zonder opname."),
    ("closed_case", 60, "Na afsluiting; het convenant van 2017 hanteerde 5 jaar. Wettelijke "
     "termijn nog te bevestigen."),
    ("online_research", 12, "Na vastlegging van het onderzoek."),
    ("subject_request", 60, "Na afhandeling van het verzoek."),
    ("processing_log", 84, "Logregels bevatten alleen pseudoniemen; langer dan de casus, zodat "
     "verwerkingen verantwoord kunnen worden zolang er gegevens zijn."),
]  # fmt: skip

MORE_LEGAL_BASES = [
    (
        "wpg-20",
        "Verstrekking van politiegegevens aan een samenwerkingsverband",
        "Provision of police data to a partnership",
        "Wet politiegegevens art. 20",
        "Politiegegevens mogen voor een zwaarwegend algemeen belang worden verstrekt aan "
        "deelnemers aan een samenwerkingsverband, met vastgelegde afspraken.",
        ["police"],
    ),
    (
        "wjsg-39f",
        "Verstrekking van strafvorderlijke en justitiële gegevens",
        "Provision of criminal-procedure and judicial data",
        "Wet justitiële en strafvorderlijke gegevens art. 39f",
        "Het Openbaar Ministerie (en de reclassering voor haar gegevens) verstrekt strafvorderlijke "
        "gegevens voor een zwaarwegend algemeen belang, zoals het voorkomen van strafbare feiten.",
        ["public_prosecution", "probation"],
    ),
    (
        "jeugdwet-7",
        "Gegevensverwerking in het jeugddomein",
        "Data processing in the youth domain",
        "Jeugdwet hoofdstuk 7",
        "Verwerking door jeugdhulpaanbieders, gecertificeerde instellingen en de Raad voor de "
        "Kinderbescherming voor hun wettelijke taken.",
        ["youth_care", "child_protection", "veilig_thuis"],
    ),
    (
        "wmo-5",
        "Gegevensverwerking in het sociaal domein (Wmo 2015)",
        "Data processing in the social domain (Wmo 2015)",
        "Wet maatschappelijke ondersteuning 2015 hoofdstuk 5",
        "Verwerking door het college voor maatschappelijke ondersteuning.",
        ["municipality"],
    ),
    (
        "convenant",
        "Regionaal convenant casusoverleg",
        "Regional covenant of the case consultation",
        "Convenant van de deelnemers (aanvullend)",
        "Afspraken tussen de deelnemers over werkwijze en gegevensdeling. Geen zelfstandige "
        "grondslag: alleen naast een wettelijke grondslag te gebruiken.",
        [],
    ),
]

LINKS = {
    "wet-pga": ["signal_registration", "convergence_review", "weighing", "case_consultation",
                "action_plan", "monitoring"],
    "besluit-pga": ["case_consultation", "action_plan", "monitoring", "subject_request"],
    "avg-6-1-e": ["signal_registration", "convergence_review", "weighing", "online_research",
                  "statistics", "account_administration"],
    "avg-6-1-c": ["subject_request", "account_administration", "supervision", "retention"],
    "gemeentewet-172": ["signal_registration", "online_research"],
    "wpg-20": ["case_consultation"],
    "wjsg-39f": ["case_consultation"],
    "jeugdwet-7": ["case_consultation"],
    "wmo-5": ["case_consultation"],
}  # fmt: skip


def seed(apps, schema_editor):
    RetentionPolicy = apps.get_model("privacy", "RetentionPolicy")
    LegalBasis = apps.get_model("privacy", "LegalBasis")
    ProcessingActivity = apps.get_model("audit", "ProcessingActivity")
    for kind, months, note in DEFAULT_TERMS:
        RetentionPolicy.objects.get_or_create(
            kind=kind, defaults={"id": uuid.uuid4(), "term_months": months, "note": note}
        )
    position = (LegalBasis.objects.order_by("-position").values_list("position", flat=True)
                .first() or 0)  # fmt: skip
    for code, name, name_en, citation, description, kinds in MORE_LEGAL_BASES:
        position += 10
        LegalBasis.objects.get_or_create(
            code=code,
            defaults={
                "id": uuid.uuid4(),
                "name": name,
                "name_en": name_en,
                "citation": citation,
                "description": description,
                "organisation_kinds": kinds,
                "position": position,
            },
        )
    for code, keys in LINKS.items():
        basis = LegalBasis.objects.filter(code=code).first()
        if basis is None or basis.processing_activities.exists():
            continue
        for key in keys:
            activity, _ = ProcessingActivity.objects.get_or_create(
                key=key,
                defaults=dict.fromkeys(("name", "name_en", "purpose", "legal_basis", "data_categories", "data_subject_categories", "recipients", "retention", "controller"), key),
            )  # fmt: skip
            basis.processing_activities.add(activity)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0003_requests_retention_supervision")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
