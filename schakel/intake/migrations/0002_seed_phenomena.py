"""The phenomena used by ROR and practice (domain.md); admins keep the list up to date."""

import uuid

from django.db import migrations

PHENOMENA = [
    ("Jihadisme / islamistisch extremisme", "Jihadism / Islamist extremism"),
    (
        "Rechts-extremisme (incl. rechts-terroristische online milieus, accelerationisme)",
        "Right-wing extremism (incl. right-wing terrorist online milieus, accelerationism)",
    ),
    ("Links-extremisme", "Left-wing extremism"),
    (
        "Anti-institutioneel extremisme (incl. soevereinen)",
        "Anti-institutional extremism (incl. sovereign citizens)",
    ),
    ("Complotdenken als drijfveer", "Conspiracy-driven"),
    ("Overig / gemengd / onbekend", "Other / mixed / unknown"),
]


def seed(apps, schema_editor):
    Phenomenon = apps.get_model("intake", "Phenomenon")
    for position, (name, name_en) in enumerate(PHENOMENA, start=1):
        Phenomenon.objects.get_or_create(
            name=name,
            defaults={"id": uuid.uuid4(), "name_en": name_en, "position": position * 10},
        )


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_signals_convergence_online_research")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
