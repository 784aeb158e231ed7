"""The legal catalogue and retention terms move to ``legal``, disclosures to ``cases``.

Only Django's model state changes here; the tables stay as they are, under their old names.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("privacy", "0005_sign_in_failure_retention")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="Disclosure"),
                migrations.DeleteModel(name="LegalBasis"),
                migrations.DeleteModel(name="RetentionPolicy"),
            ],
        ),
    ]
