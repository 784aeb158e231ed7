"""Data-subject requests (AVG-verzoeken), registered once at the contact point.

The contact point is the burgemeester of the municipality of residence: the directing
municipality of the person's case, or, without a case, the municipality of residence that
directs the person's signals (Besluit Stb. 2025, 78, art. 3). A request counts as a request to
every joint controller, so it fans out to every organisation that took part; each records its
input, and the contact point records the decision and its grounds.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel, Referenced
from schakel.core.references import reference_is_set
from schakel.intake.models import Subject
from schakel.network.models import Organisation
from schakel.privacy.choices import (
    ContributionStatus,
    RequestDecision,
    RequestKind,
    RequestRestriction,
    RequestStatus,
)


class SubjectRequest(Referenced, BaseModel):
    """AVG-verzoek: one request of a data subject about the person Schakel knows as ``subject``.
    Its reference: ``VRZ-2026-0002``."""

    REFERENCE_PREFIX = "VRZ"

    subject = models.ForeignKey(
        Subject, verbose_name=_("betrokkene"), on_delete=models.PROTECT, related_name="requests"
    )
    contact_point = models.ForeignKey(
        Organisation,
        verbose_name=_("contactpunt"),
        on_delete=models.PROTECT,
        related_name="subject_requests",
    )
    kind = models.CharField(_("soort verzoek"), max_length=16, choices=RequestKind.choices)
    received_on = models.DateField(_("ontvangen op"))
    description = EncryptedTextField(_("wat de betrokkene vraagt"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Identity verification: how it was done, never a copy or number of an identity document.
    identity_verified_on = models.DateField(_("identiteit vastgesteld op"), null=True, blank=True)
    identity_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("identiteit vastgesteld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    identity_verification_note = EncryptedTextField(
        _("hoe de identiteit is vastgesteld"), null=True, blank=True
    )
    deadline_on = models.DateField(_("uiterste datum"))
    extended_until = models.DateField(_("verlengd tot"), null=True, blank=True)
    extension_reason = EncryptedTextField(_("reden verlenging"), null=True, blank=True)
    extension_informed_on = models.DateField(
        _("betrokkene over verlenging geïnformeerd op"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    decision = models.CharField(
        _("besluit"), max_length=32, choices=RequestDecision.choices, blank=True
    )
    restriction = models.CharField(
        _("beperking"), max_length=32, choices=RequestRestriction.choices, blank=True
    )
    decision_grounds = EncryptedTextField(_("gronden van het besluit"), null=True, blank=True)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True, db_index=True)
    content_deleted_at = models.DateTimeField(_("inhoud verwijderd op"), null=True, blank=True)

    class Meta:
        ordering = ["deadline_on", "received_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_on__gte=F("received_on")),
                name="request_deadline_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(extended_until__isnull=True)
                | Q(extended_until__gt=F("deadline_on"), extension_reason__isnull=False),
                name="request_extension_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=RequestStatus.DECIDED)
                | Q(decided_on__isnull=False, closed_at__isnull=False) & ~Q(decision=""),
                name="decided_request_has_decision",
            ),
            reference_is_set("request_reference_set"),
        ]
        indexes = [
            models.Index(fields=["contact_point", "status"], name="request_contact_point"),
        ]
        verbose_name = _("verzoek van een betrokkene")
        verbose_name_plural = _("verzoeken van betrokkenen")

    def __str__(self) -> str:
        return f"Verzoek {self.reference}"

    @property
    def due_on(self):  # type: ignore[no-untyped-def]
        """The date the answer is due: the extended date if the term was extended."""
        return self.extended_until or self.deadline_on


class RequestContribution(BaseModel):
    """Inbreng: what one participating organisation contributes to a request."""

    request = models.ForeignKey(
        SubjectRequest, on_delete=models.CASCADE, related_name="contributions"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="request_contributions",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ContributionStatus.choices,
        default=ContributionStatus.OPEN,
    )
    holds_data = models.BooleanField(_("organisatie verwerkt gegevens"), null=True, blank=True)
    input = EncryptedTextField(_("inbreng"), null=True, blank=True)
    objects_to_disclosure = models.BooleanField(
        _("bezwaar tegen verstrekking aan betrokkene"), default=False
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("gegeven op"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "organisation"], name="one_contribution_per_organisation"
            ),
            models.CheckConstraint(
                condition=Q(status=ContributionStatus.OPEN)
                | Q(answered_at__isnull=False, holds_data__isnull=False),
                name="answered_contribution_is_complete",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"], name="contribution_org")]
        verbose_name = _("inbreng op een verzoek")
        verbose_name_plural = _("inbreng op verzoeken")

    def __str__(self) -> str:
        return f"Inbreng {self.organisation}"
