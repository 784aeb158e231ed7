"""Every row has its reference: the database refuses an empty one (``bulk_create`` skips
``save``; ``schakel.core.references.assign`` numbers a batch). Runs after the backfill in
0005_readable_references, which numbered the existing rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_monitoring_started")]

    operations = [
        migrations.AddConstraint(
            model_name="actionplan",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="plan_reference_set"
            ),
        ),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="case_reference_set"
            ),
        ),
        migrations.AddConstraint(
            model_name="consultationmeeting",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="meeting_reference_set"
            ),
        ),
    ]
