"""The activity keys are declared by the apps (``schakel.audit.activities``): the choices are
read from them when used, so an app that adds an activity needs no migration here. No change to
the table."""

import schakel.audit.activities
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_chain_anchor_for_pruning"),
    ]

    operations = [
        migrations.AlterField(
            model_name="processingactivity",
            name="key",
            field=models.CharField(
                choices=schakel.audit.activities.activity_choices,
                max_length=64,
                primary_key=True,
                serialize=False,
                verbose_name="sleutel",
            ),
        ),
    ]
