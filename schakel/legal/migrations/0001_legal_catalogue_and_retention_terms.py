"""The legal catalogue and the retention terms move from ``privacy`` to their own app.

Only Django's model state changes: the tables keep their names (``privacy_legalbasis``,
``privacy_retentionpolicy``) and their rows.
"""

import uuid

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("audit", "0004_chain_anchor_for_pruning"),
        ("privacy", "0006_move_out_legal_and_disclosures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="LegalBasis",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("code", models.SlugField(max_length=64, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=200, verbose_name="naam")),
                        (
                            "name_en",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="naam (Engels)"
                            ),
                        ),
                        ("citation", models.CharField(max_length=200, verbose_name="vindplaats")),
                        ("description", models.TextField(verbose_name="omschrijving")),
                        (
                            "organisation_kinds",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Leeg: geldt voor alle organisaties aan tafel.",
                                verbose_name="geldt voor organisatiesoorten",
                            ),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(default=100, verbose_name="volgorde"),
                        ),
                        ("is_active", models.BooleanField(default=True, verbose_name="actief")),
                        (
                            "processing_activities",
                            models.ManyToManyField(
                                blank=True,
                                related_name="legal_bases",
                                to="audit.processingactivity",
                                verbose_name="verwerkingsactiviteiten",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "grondslag",
                        "verbose_name_plural": "grondslagen",
                        "db_table": "privacy_legalbasis",
                        "ordering": ["position", "name"],
                    },
                ),
                migrations.CreateModel(
                    name="RetentionPolicy",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("signal_not_weighed", "Signalen die nooit zijn gewogen"),
                                    ("weighed_not_included", "Gewogen zonder opname in de aanpak"),
                                    ("closed_case", "Afgesloten casussen"),
                                    ("online_research", "Online onderzoek"),
                                    ("subject_request", "Afgehandelde verzoeken van betrokkenen"),
                                    (
                                        "processing_log",
                                        "Logregels van het logboek dataverwerkingen",
                                    ),
                                    ("sign_in_failures", "Mislukte inlogpogingen"),
                                ],
                                max_length=32,
                                unique=True,
                                verbose_name="soort gegevens",
                            ),
                        ),
                        (
                            "term_months",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(1200),
                                ],
                                verbose_name="termijn in maanden",
                            ),
                        ),
                        ("note", models.TextField(blank=True, verbose_name="toelichting")),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "bewaartermijn",
                        "verbose_name_plural": "bewaartermijnen",
                        "db_table": "privacy_retentionpolicy",
                        "ordering": ["kind"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("term_months__gte", 1), ("term_months__lte", 1200)
                                ),
                                name="retention_term_in_range",
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
