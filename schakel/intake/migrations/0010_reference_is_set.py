"""Every row has its reference: the database refuses an empty one (``bulk_create`` skips
``save``; ``schakel.core.references.assign`` numbers a batch). Runs after the backfill in
0009_readable_references, which numbered the existing rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("intake", "0009_readable_references")]

    operations = [
        migrations.AddConstraint(
            model_name="signal",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="signal_reference_set"
            ),
        ),
        migrations.AddConstraint(
            model_name="subject",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="subject_reference_set"
            ),
        ),
    ]
