"""Retention: legal holds that block deletion, and sweep runs.

Deletion records (the vernietigingsregister) are ``audit.DeletionRecord``: written in the same
transaction as the deletion they prove, without personal data.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel
from schakel.intake.models import Subject
from schakel.legal.choices import RetentionKind
from schakel.network.models import Organisation
from schakel.privacy.choices import RetentionRunStatus


class LegalHold(BaseModel):
    """Bewaarplicht: blocks deletion of one person's data, or of a whole kind, until it ends.

    A hold has a reason and an end date; it can be lifted earlier. It never extends itself.
    """

    subject = models.ForeignKey(
        Subject,
        verbose_name=_("betrokkene"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_holds",
    )
    kind = models.CharField(
        _("soort gegevens"), max_length=32, choices=RetentionKind.choices, blank=True
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = EncryptedTextField(_("reden"), null=True)
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"))
    lifted_at = models.DateTimeField(_("opgeheven op"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    content_deleted_at = models.DateTimeField(_("reden verwijderd op"), null=True, blank=True)

    class Meta:
        ordering = ["ends_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(subject__isnull=False, kind="") | Q(subject__isnull=True) & ~Q(kind=""),
                name="legal_hold_has_one_scope",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="legal_hold_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(content_deleted_at__isnull=False) | Q(reason__isnull=False),
                name="legal_hold_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["subject", "ends_on"], name="legal_hold_subject")]
        verbose_name = _("bewaarplicht")
        verbose_name_plural = _("bewaarplichten")

    def __str__(self) -> str:
        return f"Bewaarplicht {self.reference}"

    @property
    def reference(self) -> str:
        return "B-" + str(self.pk).split("-")[0].upper()


class RetentionRun(models.Model):
    """One sweep: the moment it applies the terms for, and how far it got (resumable)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    moment = models.DateTimeField(_("peilmoment"))
    started_at = models.DateTimeField(_("gestart op"))
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RetentionRunStatus.choices,
        default=RetentionRunStatus.RUNNING,
    )
    progress = models.JSONField(_("voortgang"), default=dict)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("opschoonronde")
        verbose_name_plural = _("opschoonrondes")

    def __str__(self) -> str:
        return f"Run {str(self.pk)[:8]} ({self.status})"
