"""Readable references (PER, SIG): a stored field, existing rows numbered in
creation order per year, then unique (``schakel.core.references``)."""

from typing import Any

from django.db import migrations, models

from schakel.core import references


def number_existing(apps: Any, schema_editor: Any) -> None:
    counters = apps.get_model("core", "ReferenceCounter")
    references.backfill(apps.get_model("intake", "subject"), "PER", counters)
    references.backfill(apps.get_model("intake", "signal"), "SIG", counters)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_reference_counters"),
        ("intake", "0008_blocking_key_index_with_seeks"),
    ]

    operations = [
        migrations.AddField(
            model_name="subject",
            name="reference",
            field=models.CharField(
                default="", editable=False, max_length=20, verbose_name="referentie"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="signal",
            name="reference",
            field=models.CharField(
                default="", editable=False, max_length=20, verbose_name="referentie"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(number_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="subject",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="referentie"
            ),
        ),
        migrations.AlterField(
            model_name="signal",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="referentie"
            ),
        ),
    ]
