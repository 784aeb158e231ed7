"""The register of processing activities and the append-only, hash-chained processing log."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import activity_choices
from schakel.audit.choices import StatusCode, SubjectType


class ProcessingActivity(models.Model):
    """Verwerkingsactiviteit: an entry in the register of processing activities (AVG art. 30)."""

    key = models.CharField(_("sleutel"), max_length=64, primary_key=True, choices=activity_choices)
    name = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200)
    purpose = models.TextField(_("doel"))
    legal_basis = models.TextField(_("grondslag"))
    data_categories = models.TextField(_("categorieën persoonsgegevens"))
    data_subject_categories = models.TextField(_("categorieën betrokkenen"))
    recipients = models.TextField(_("ontvangers"))
    retention = models.TextField(_("bewaartermijn"))
    controller = models.TextField(_("verwerkingsverantwoordelijke"))

    class Meta:
        ordering = ["key"]
        verbose_name = _("verwerkingsactiviteit")
        verbose_name_plural = _("verwerkingsactiviteiten")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language (the English name when there is one)."""
        if (get_language() or "").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class LogRecord(models.Model):
    """One processing action on (at most) one data subject; a link in the hash chain.

    Written only by ``audit.services``. Holds pseudonyms and ids, never names or content.
    """

    sequence = models.BigIntegerField(unique=True, editable=False)
    trace_id = models.CharField(max_length=32, db_index=True)
    span_id = models.CharField(max_length=16)
    parent_span_id = models.CharField(max_length=16, blank=True)
    name = models.CharField(max_length=100)
    start_time = models.DateTimeField(db_index=True)
    end_time = models.DateTimeField()
    status_code = models.CharField(max_length=5, choices=StatusCode.choices)
    activity = models.ForeignKey(
        ProcessingActivity, on_delete=models.PROTECT, related_name="log_records"
    )
    data_subject_id = models.CharField(max_length=64, blank=True, db_index=True)
    data_subject_type = models.CharField(max_length=32, blank=True, choices=SubjectType.choices)
    actor_user_id = models.CharField(max_length=36, blank=True, db_index=True)
    actor_organisation_id = models.CharField(max_length=36, blank=True, db_index=True)
    actor_role = models.CharField(max_length=32, blank=True)
    origin = models.CharField(max_length=64, blank=True)
    result = models.CharField(max_length=32)
    attributes = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64)
    record_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logregels")

    def __str__(self) -> str:
        return f"#{self.sequence} {self.name}"


class ChainHead(models.Model):
    """The single row that serialises writers and names the chain's latest link."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.BigIntegerField(default=0)
    record_hash = models.CharField(max_length=64)
    # The anchor: records up to ``pruned_through`` were removed by the retention sweep; the
    # first record kept links to ``pruned_hash``, the hash of the last one removed.
    pruned_through = models.BigIntegerField(default=0)
    pruned_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="single_chain_head")]

    def __str__(self) -> str:
        return f"head #{self.sequence}"


class VerificationRun(models.Model):
    """The outcome of one integrity check of the whole processing log."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    records_checked = models.BigIntegerField()
    intact = models.BooleanField()
    first_broken_sequence = models.BigIntegerField(null=True, blank=True)
    problem = models.CharField(max_length=200, blank=True)
    started_by_id = models.CharField(max_length=36, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {'intact' if self.intact else 'broken'}"


class DeletionRecord(models.Model):
    """Vernietigingsregister: proof that data was deleted, without any personal data.

    It says what kind of object, how many, under which policy, when and in which run — never
    which person. Written in the same transaction as the deletion it proves.
    """

    id = models.BigAutoField(primary_key=True)
    object_kind = models.CharField(_("soort gegevens"), max_length=64)
    count = models.PositiveIntegerField(_("aantal"))
    policy = models.CharField(_("regel"), max_length=64)
    run_id = models.UUIDField(_("run"), db_index=True)
    deleted_at = models.DateTimeField(_("verwijderd op"), db_index=True)

    class Meta:
        ordering = ["-deleted_at", "-id"]
        verbose_name = _("vernietigingsrecord")
        verbose_name_plural = _("vernietigingsregister")

    def __str__(self) -> str:
        return f"{self.object_kind} × {self.count} ({self.policy})"
