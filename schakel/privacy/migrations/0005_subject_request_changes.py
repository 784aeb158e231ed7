"""Model changes for subject requests (helper-owned). Hand-written operations only; removed if it stays empty."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("privacy", "0004_seed_retention_policies_and_register_links")]

    operations: list[migrations.operations.base.Operation] = []
