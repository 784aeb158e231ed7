"""Consultation meetings (casusoverleg): agenda, invitations, attendance and decisions."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schakel.cases.choices import MeetingStatus, ParticipationKind
from schakel.cases.models.case import Case
from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel, Referenced
from schakel.core.references import reference_is_set
from schakel.intake.choices import DataCategory
from schakel.network.models import Organisation


class ConsultationMeeting(Referenced, BaseModel):
    """Casusoverleg: a meeting chaired by the ZVH's process director. Its date, place and
    participants are no person data; what is said is in the agenda items. Its reference:
    ``OVL-2026-0007``."""

    REFERENCE_PREFIX = "OVL"

    zvh = models.ForeignKey(
        Organisation,
        verbose_name=_("Zorg- en Veiligheidshuis"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    place = models.CharField(
        _("plaats"),
        max_length=200,
        help_text=_("Een zaal of een verbinding; geen namen of andere persoonsgegevens."),
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter"),
        on_delete=models.PROTECT,
        related_name="chaired_meetings",
    )
    minute_taker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("notulist"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minuted_meetings",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"
            ),
            reference_is_set("meeting_reference_set"),
        ]
        indexes = [models.Index(fields=["zvh", "starts_at"], name="meeting_zvh_start")]
        verbose_name = _("casusoverleg")
        verbose_name_plural = _("casusoverleggen")

    def __str__(self) -> str:
        return f"Casusoverleg {self.reference}"


class AgendaItem(BaseModel):
    """Agendapunt: one case discussed in a meeting."""

    meeting = models.ForeignKey(
        ConsultationMeeting, on_delete=models.CASCADE, related_name="agenda_items"
    )
    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=10)

    class Meta:
        ordering = ["meeting__starts_at", "position", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="one_item_per_case")
        ]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return f"Agendapunt {self.position}"


class Invitation(BaseModel):
    """Uitnodiging: an organisation invited to one agenda item. An incidental partner sees the
    item (and only that) from ``valid_from`` to ``valid_until`` inclusive."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="invitations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    kind = models.CharField(_("soort"), max_length=16, choices=ParticipationKind.choices)
    valid_from = models.DateField(_("inzage vanaf"))
    valid_until = models.DateField(_("inzage tot en met"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "organisation"], name="one_invitation_per_organisation"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="invitation_period_ordered"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "valid_until"], name="invitation_org_until"),
        ]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"


class MeetingAttendance(BaseModel):
    """Aanwezigheid: a person's confidentiality acknowledgment (recorded the first time they
    open the meeting) and whether the chair recorded them as present."""

    meeting = models.ForeignKey(
        ConsultationMeeting, on_delete=models.CASCADE, related_name="attendances"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_attendances"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(_("geheimhouding bevestigd op"))
    present = models.BooleanField(_("aanwezig"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_attendance_per_user")
        ]
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")

    def __str__(self) -> str:
        return f"{self.organisation}"


class ItemDecision(BaseModel):
    """Besluit: what the meeting agreed on for a case (encrypted)."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = EncryptedTextField(_("besluit"))
    text_category = models.CharField(
        _("categorie"), max_length=16, choices=DataCategory.choices, default=DataCategory.ORDINARY
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return f"Besluit {str(self.pk).split('-')[0].upper()}"
