"""Every row has its reference: the database refuses an empty one (``bulk_create`` skips
``save``; ``schakel.core.references.assign`` numbers a batch). Runs after the backfill in
0008_readable_references, which numbered the existing rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("privacy", "0008_readable_references")]

    operations = [
        migrations.AddConstraint(
            model_name="subjectrequest",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="request_reference_set"
            ),
        ),
    ]
