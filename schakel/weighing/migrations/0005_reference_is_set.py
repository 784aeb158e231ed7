"""Every row has its reference: the database refuses an empty one (``bulk_create`` skips
``save``; ``schakel.core.references.assign`` numbers a batch). Runs after the backfill in
0004_readable_references, which numbered the existing rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("weighing", "0004_readable_references")]

    operations = [
        migrations.AddConstraint(
            model_name="weighingitem",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="weighing_item_reference_set"
            ),
        ),
        migrations.AddConstraint(
            model_name="weighingsession",
            constraint=models.CheckConstraint(
                condition=~models.Q(reference=""), name="weighing_session_reference_set"
            ),
        ),
    ]
