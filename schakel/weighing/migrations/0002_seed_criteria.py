"""The considerations of the weighing named by the guidance and the Wet PGA (art. 1 and 5);
not a checklist. Admins keep the list up to date."""

import uuid

from django.db import migrations

CRITERIA = [
    (
        "Signalen van een radicaliseringsproces richting extremistische of terroristische "
        "activiteiten",
        "Signs of a radicalisation process towards extremist or terrorist activities",
        "Wijzen de signalen op een proces dat kan leiden tot terroristische of extremistische "
        "activiteiten (Wet PGA, art. 1)?",
    ),
    (
        "Samenhang en sterkte van de signalen",
        "Coherence and strength of the signals",
        "Hoe hangen de signalen samen, hoe recent en hoe betrouwbaar zijn ze?",
    ),
    (
        "Sociale relaties",
        "Social relations",
        "Netwerk, beschermende en risicovolle contacten.",
    ),
    (
        "Zelfredzaamheid",
        "Self-reliance",
        "Kan de persoon zich redden op de leefgebieden, en met welke steun?",
    ),
]


def seed(apps, schema_editor):
    WeighingCriterion = apps.get_model("weighing", "WeighingCriterion")
    for position, (name, name_en, description) in enumerate(CRITERIA, start=1):
        WeighingCriterion.objects.get_or_create(
            name=name,
            defaults={
                "id": uuid.uuid4(),
                "name_en": name_en,
                "description": description,
                "position": position * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("weighing", "0001_weighing_sessions_and_decisions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
