"""The case (casus) and the organisations taking part in it."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schakel.cases.choices import (
    CasePhase,
    ClosureReason,
    DeescalationDestination,
    InformingStatus,
    ParticipationKind,
)
from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel, Referenced
from schakel.core.references import reference_is_set
from schakel.intake.models import Subject
from schakel.network.models import Organisation


class Case(Referenced, BaseModel):
    """Casus: the person-oriented approach of one person, directed by the municipality of
    residence (also the contact point for data-subject requests) and run by its ZVH. Its
    reference: ``CAS-2026-0042``."""

    REFERENCE_PREFIX = "CAS"

    subject = models.ForeignKey(
        Subject, verbose_name=_("betrokkene"), on_delete=models.PROTECT, related_name="cases"
    )
    directing_municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("regievoerende gemeente"),
        on_delete=models.PROTECT,
        related_name="directed_cases",
    )
    zvh = models.ForeignKey(
        Organisation,
        verbose_name=_("Zorg- en Veiligheidshuis"),
        on_delete=models.PROTECT,
        related_name="zvh_cases",
    )
    process_director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("procesregisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directed_cases",
    )
    opened_from = models.OneToOneField(
        "weighing.WeighingItem",
        verbose_name=_("geopend na weging"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case",
    )
    phase = models.CharField(
        _("fase"), max_length=16, choices=CasePhase.choices, default=CasePhase.CONSULTATION
    )
    opened_at = models.DateTimeField(_("geopend op"))
    next_review_on = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    reassessment_due_on = models.DateField(
        _("herbeoordeling uiterlijk"),
        help_text=_("Minstens jaarlijks: is voortgezette bespreking nog nodig?"),
    )
    last_reassessed_on = models.DateField(_("laatst herbeoordeeld"), null=True, blank=True)

    # Informing the person (art. 14 AVG; practice: unless undesirable, e.g. an investigation).
    informing_status = models.CharField(
        _("informeren betrokkene"),
        max_length=16,
        choices=InformingStatus.choices,
        default=InformingStatus.UNDECIDED,
    )
    informed_on = models.DateField(_("geïnformeerd op"), null=True, blank=True)
    informed_by = models.ForeignKey(
        Organisation,
        verbose_name=_("geïnformeerd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    informing_note = EncryptedTextField(_("toelichting informeren"), null=True, blank=True)
    reconsider_informing_on = models.DateField(_("heroverwegen op"), null=True, blank=True)

    # When the plan started running (consultation → monitoring); empty when the case never
    # reached monitoring (de-escalated or closed from consultation).
    monitoring_started_at = models.DateTimeField(_("monitoring vanaf"), null=True, blank=True)
    # De-escalation and closure (the retention clock starts at closure).
    deescalated_at = models.DateTimeField(_("afgeschaald op"), null=True, blank=True)
    deescalation_destination = models.CharField(
        _("afgeschaald naar"), max_length=32, choices=DeescalationDestination.choices, blank=True
    )
    aftercare_until = models.DateField(_("nazorg tot en met"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closure_reason = models.CharField(
        _("reden afsluiting"), max_length=32, choices=ClosureReason.choices, blank=True
    )
    closure_note = EncryptedTextField(_("toelichting afsluiting"), null=True, blank=True)
    retention_starts_on = models.DateField(
        _("bewaartermijn loopt vanaf"), null=True, blank=True, db_index=True
    )
    content_deleted_at = models.DateTimeField(
        _("inhoud verwijderd op"), null=True, blank=True
    )  # by the retention sweep: person data gone, the anonymous row stays for statistics

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phase=CasePhase.CLOSED)
                | Q(closed_at__isnull=False, retention_starts_on__isnull=False)
                & ~Q(closure_reason=""),
                name="closed_case_has_reason_and_retention",
            ),
            models.CheckConstraint(
                condition=~Q(informing_status=InformingStatus.DEFERRED)
                | Q(reconsider_informing_on__isnull=False),
                name="deferred_informing_has_reconsider_date",
            ),
            reference_is_set("case_reference_set"),
        ]
        indexes = [
            models.Index(fields=["directing_municipality", "phase"], name="case_dir_phase"),
            models.Index(fields=["zvh", "phase"], name="case_zvh_phase"),
        ]
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")

    def __str__(self) -> str:
        return f"Casus {self.reference}"

    @property
    def is_closed(self) -> bool:
        return self.phase == CasePhase.CLOSED


class Participation(BaseModel):
    """Deelname: an organisation at the table for a case, structurally or incidentally, for a
    period. A partner's members see the case only while a structural participation runs;
    incidental partners see only the agenda items they are invited to."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="case_participations",
    )
    kind = models.CharField(_("soort"), max_length=16, choices=ParticipationKind.choices)
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_on", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="participation_period_ordered",
            ),
        ]
        indexes = [
            # Covering: the access condition reads the organisation's running participations
            # from the index alone.
            models.Index(
                fields=["organisation", "kind", "case", "starts_on", "ends_on"],
                name="participation_org",
            ),
        ]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"
