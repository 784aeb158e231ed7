"""Model changes for the privacy desk (helper-owned). Hand-written operations only; removed if it stays empty."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("privacy", "0005_subject_request_changes")]

    operations: list[migrations.operations.base.Operation] = []
