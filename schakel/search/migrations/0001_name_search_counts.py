"""The name-search limit's counters (``schakel.search.models.NameSearchCount``)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="NameSearchCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("window_start", models.DateTimeField()),
                ("count", models.PositiveIntegerField(default=0)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "telling van zoekopdrachten op naam",
                "verbose_name_plural": "tellingen van zoekopdrachten op naam",
                "indexes": [models.Index(fields=["window_start"], name="name_search_window_start")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "window_start"), name="name_search_window"
                    )
                ],
            },
        ),
    ]
