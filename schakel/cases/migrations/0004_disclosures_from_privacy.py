"""Disclosures move from ``privacy`` to the case consultation (``cases``), their one owner.

Only Django's model state changes: the table keeps its name (``privacy_disclosure``) and its rows.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import schakel.core.fields


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_participation_covering_index"),
        ("legal", "0001_legal_catalogue_and_retention_terms"),
        ("network", "0001_organisations_regions_collaborations"),
        ("privacy", "0006_move_out_legal_and_disclosures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Disclosure",
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
                            "content",
                            schakel.core.fields.EncryptedTextField(
                                null=True, verbose_name="wat wordt ingebracht"
                            ),
                        ),
                        (
                            "has_ordinary_data",
                            models.BooleanField(
                                default=False, verbose_name="gewone persoonsgegevens"
                            ),
                        ),
                        (
                            "has_special_data",
                            models.BooleanField(
                                default=False,
                                verbose_name="bijzondere persoonsgegevens (art. 9 AVG)",
                            ),
                        ),
                        (
                            "has_criminal_data",
                            models.BooleanField(
                                default=False,
                                verbose_name="strafrechtelijke gegevens (art. 10 AVG)",
                            ),
                        ),
                        (
                            "purpose",
                            schakel.core.fields.EncryptedTextField(null=True, verbose_name="doel"),
                        ),
                        (
                            "necessity_note",
                            schakel.core.fields.EncryptedTextField(
                                null=True,
                                verbose_name="noodzaak, proportionaliteit en subsidiariteit",
                            ),
                        ),
                        (
                            "content_deleted_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="inhoud verwijderd op"
                            ),
                        ),
                        (
                            "agenda_item",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="disclosures",
                                to="cases.agendaitem",
                                verbose_name="agendapunt",
                            ),
                        ),
                        (
                            "corrects",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="corrected_by",
                                to="cases.disclosure",
                                verbose_name="corrigeert",
                            ),
                        ),
                        (
                            "disclosed_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="ingebracht door",
                            ),
                        ),
                        (
                            "from_organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="disclosures_made",
                                to="network.organisation",
                                verbose_name="van organisatie",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "verstrekking",
                        "verbose_name_plural": "verstrekkingen",
                        "db_table": "privacy_disclosure",
                        "ordering": ["created_at"],
                    },
                ),
                migrations.AddField(
                    model_name="disclosure",
                    name="legal_basis",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="disclosures",
                        to="legal.legalbasis",
                        verbose_name="grondslag",
                    ),
                ),
                migrations.AddField(
                    model_name="disclosure",
                    name="recipients",
                    field=models.ManyToManyField(
                        related_name="disclosures_received",
                        to="network.organisation",
                        verbose_name="aan organisaties",
                    ),
                ),
                migrations.AddIndex(
                    model_name="disclosure",
                    index=models.Index(
                        fields=["legal_basis", "created_at"], name="disclosure_basis"
                    ),
                ),
                migrations.AddIndex(
                    model_name="disclosure",
                    index=models.Index(
                        fields=["from_organisation", "created_at"], name="disclosure_from"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="disclosure",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("has_ordinary_data", True),
                            ("has_special_data", True),
                            ("has_criminal_data", True),
                            _connector="OR",
                        ),
                        name="disclosure_has_data_category",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="disclosure",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("content_deleted_at__isnull", False),
                            models.Q(
                                ("content__isnull", False),
                                ("necessity_note__isnull", False),
                                ("purpose__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="disclosure_is_complete",
                    ),
                ),
            ],
        ),
    ]
