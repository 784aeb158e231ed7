"""The legal bases named in domain.md; the operator keeps the catalogue up to date (e.g. the
partners' own sector laws) and records which organisation kinds each basis applies to."""

import uuid

from django.db import migrations

LEGAL_BASES = [
    (
        "wet-pga",
        "Wet gegevensverwerking persoonsgerichte aanpak radicalisering en terroristische "
        "activiteiten",
        "Act on data processing in the person-oriented approach to radicalisation and terrorist "
        "activities",
        "Kamerstuk 36225",
        "Verplicht de burgemeester een casusoverleg voor de persoonsgerichte aanpak in stand te "
        "houden en heft voor dit doel het verbod op verwerking van bijzondere en "
        "strafrechtelijke persoonsgegevens op.",
        [],
    ),
    (
        "besluit-pga",
        "Besluit gegevensverwerking persoonsgerichte aanpak (gezamenlijke "
        "verwerkingsverantwoordelijkheid)",
        "Decree on data processing in the person-oriented approach (joint controllership)",
        "Stb. 2025, 78, art. 2-3",
        "De deelnemers aan het casusoverleg zijn gezamenlijk verwerkingsverantwoordelijk; de "
        "burgemeester van de woongemeente is contactpunt voor verzoeken van betrokkenen.",
        [],
    ),
    (
        "avg-6-1-e",
        "Taak van algemeen belang of uitoefening van openbaar gezag",
        "Task carried out in the public interest or in the exercise of official authority",
        "AVG art. 6 lid 1 sub e",
        "Verwerking die noodzakelijk is voor een wettelijke taak van de verstrekkende organisatie.",
        [],
    ),
    (
        "avg-6-1-c",
        "Wettelijke verplichting",
        "Legal obligation",
        "AVG art. 6 lid 1 sub c",
        "Verwerking die noodzakelijk is om te voldoen aan een wettelijke verplichting.",
        [],
    ),
    (
        "gemeentewet-172",
        "Handhaving van de openbare orde door de burgemeester",
        "Maintenance of public order by the mayor",
        "Gemeentewet art. 172",
        "De burgemeester is belast met de handhaving van de openbare orde.",
        ["municipality"],
    ),
]


def seed(apps, schema_editor):
    LegalBasis = apps.get_model("privacy", "LegalBasis")
    for position, (code, name, name_en, citation, description, kinds) in enumerate(
        LEGAL_BASES, start=1
    ):
        LegalBasis.objects.get_or_create(
            code=code,
            defaults={
                "id": uuid.uuid4(),
                "name": name,
                "name_en": name_en,
                "citation": citation,
                "description": description,
                "organisation_kinds": kinds,
                "position": position * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_legal_bases_and_disclosures")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
