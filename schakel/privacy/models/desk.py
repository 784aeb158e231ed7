"""The privacy officer's supervision access and the annual access-rights review."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel
from schakel.network.models import Organisation


class SupervisionAccess(BaseModel):
    """Toezichtsinzage: a privacy officer opens one case's content for a recorded reason.

    It runs for a limited time, is logged, and the directing municipality sees it.
    """

    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="supervision_accesses",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    reason = EncryptedTextField(_("reden van de inzage"))
    granted_at = models.DateTimeField(_("geopend op"))
    valid_until = models.DateTimeField(_("geldig tot"))

    class Meta:
        ordering = ["-granted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gt=F("granted_at")), name="supervision_period_ordered"
            )
        ]
        indexes = [models.Index(fields=["officer", "valid_until"], name="supervision_officer")]
        verbose_name = _("toezichtsinzage")
        verbose_name_plural = _("toezichtsinzagen")

    def __str__(self) -> str:
        return f"Toezichtsinzage {str(self.pk)[:8]}"


class AccessReviewSignOff(BaseModel):
    """The yearly review of all access rights of one organisation, signed off by its manager."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="access_reviews",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(_("afgetekend op"))
    memberships_reviewed = models.PositiveIntegerField(_("beoordeelde lidmaatschappen"))
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="one_access_review_per_year"
            )
        ]
        verbose_name = _("toegangsreview")
        verbose_name_plural = _("toegangsreviews")

    def __str__(self) -> str:
        return f"Toegangsreview {self.year}"
