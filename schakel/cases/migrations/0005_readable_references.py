"""Readable references (CAS, OVL, PLN): a stored field, existing rows numbered in
creation order per year, then unique (``schakel.core.references``)."""

from typing import Any

from django.db import migrations, models

from schakel.core import references


def number_existing(apps: Any, schema_editor: Any) -> None:
    counters = apps.get_model("core", "ReferenceCounter")
    references.backfill(apps.get_model("cases", "case"), "CAS", counters)
    references.backfill(apps.get_model("cases", "consultationmeeting"), "OVL", counters)
    references.backfill(apps.get_model("cases", "actionplan"), "PLN", counters)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_reference_counters"),
        ("cases", "0004_disclosures_from_privacy"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="reference",
            field=models.CharField(
                default="", editable=False, max_length=20, verbose_name="referentie"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="consultationmeeting",
            name="reference",
            field=models.CharField(
                default="", editable=False, max_length=20, verbose_name="referentie"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="actionplan",
            name="reference",
            field=models.CharField(
                default="", editable=False, max_length=20, verbose_name="referentie"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(number_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="case",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="referentie"
            ),
        ),
        migrations.AlterField(
            model_name="consultationmeeting",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="referentie"
            ),
        ),
        migrations.AlterField(
            model_name="actionplan",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="referentie"
            ),
        ),
    ]
