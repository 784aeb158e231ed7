"""The integrated action plan (integraal plan van aanpak): versions and interventions.

A version adopted in a meeting is frozen, with a snapshot of the interventions as adopted;
the next edit starts a new draft version. Interventions carry their own progress (status,
outcome), which their owners update at any time while the case is open.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schakel.cases.choices import (
    InterventionKind,
    InterventionStatus,
    LifeDomain,
    PlanVersionStatus,
)
from schakel.cases.models.case import Case
from schakel.cases.models.meeting import AgendaItem
from schakel.core.fields import EncryptedJSONField, EncryptedTextField
from schakel.core.models import BaseModel, Referenced
from schakel.core.references import reference_is_set
from schakel.network.models import Organisation

# Field name per life domain, so a form, serializer and PDF walk them in the same order.
ANALYSIS_FIELDS = {domain: f"analysis_{domain.value}" for domain in LifeDomain}


class ActionPlan(Referenced, BaseModel):
    """Integraal plan van aanpak: one per case. Its reference: ``PLN-2026-0042``."""

    REFERENCE_PREFIX = "PLN"

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="action_plan")

    class Meta:
        constraints = [reference_is_set("plan_reference_set")]
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")

    def __str__(self) -> str:
        return f"Plan van aanpak {self.reference}"


class ActionPlanVersion(BaseModel):
    """Versie: the analysis per life domain and the goals; ``revision`` guards concurrent
    edits (optimistic concurrency)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PlanVersionStatus.choices,
        default=PlanVersionStatus.DRAFT,
    )
    revision = models.PositiveIntegerField(default=1)
    analysis_housing = EncryptedTextField(LifeDomain.HOUSING.label, null=True, blank=True)
    analysis_work_income = EncryptedTextField(LifeDomain.WORK_INCOME.label, null=True, blank=True)
    analysis_education = EncryptedTextField(LifeDomain.EDUCATION.label, null=True, blank=True)
    analysis_family_network = EncryptedTextField(
        LifeDomain.FAMILY_NETWORK.label, null=True, blank=True
    )
    analysis_health = EncryptedTextField(LifeDomain.HEALTH.label, null=True, blank=True)
    analysis_ideology = EncryptedTextField(LifeDomain.IDEOLOGY.label, null=True, blank=True)
    analysis_justice = EncryptedTextField(LifeDomain.JUSTICE.label, null=True, blank=True)
    analysis_online = EncryptedTextField(LifeDomain.ONLINE.label, null=True, blank=True)
    goals = EncryptedTextField(_("doelen"), null=True, blank=True)
    interventions_snapshot = EncryptedJSONField(
        _("interventies zoals vastgesteld"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    adopted_at = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    adopted_in = models.ForeignKey(
        AgendaItem,
        verbose_name=_("vastgesteld in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_plan_versions",
    )

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(status=PlanVersionStatus.DRAFT),
                name="one_draft_per_plan",
            ),
            models.CheckConstraint(
                condition=Q(status=PlanVersionStatus.DRAFT)
                | Q(adopted_at__isnull=False, adopted_in__isnull=False),
                name="adopted_version_has_meeting",
            ),
        ]
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")

    def __str__(self) -> str:
        return f"Versie {self.number}"

    @property
    def is_adopted(self) -> bool:
        return self.status == PlanVersionStatus.ADOPTED


class Intervention(BaseModel):
    """Interventie: one action owned by one organisation. It belongs to the plan from the
    version it was added in until the version it was removed in."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="interventions")
    kind = models.CharField(_("soort"), max_length=16, choices=InterventionKind.choices)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="owned_interventions",
    )
    life_domain = models.CharField(
        _("leefgebied"), max_length=32, choices=LifeDomain.choices, blank=True
    )
    description = EncryptedTextField(_("omschrijving"))
    starts_on = models.DateField(_("start"))
    due_on = models.DateField(_("gereed uiterlijk"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InterventionStatus.choices,
        default=InterventionStatus.PLANNED,
    )
    outcome = EncryptedTextField(_("resultaat"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)
    added_in = models.ForeignKey(ActionPlanVersion, on_delete=models.PROTECT, related_name="+")
    removed_in = models.ForeignKey(
        ActionPlanVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("starts_on")), name="intervention_period_ordered"
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "status", "due_on"], name="intervention_owner_due"),
            models.Index(fields=["status", "due_on"], name="intervention_status_due"),
        ]
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")

    def __str__(self) -> str:
        return f"Interventie {str(self.pk).split('-')[0].upper()}"

    @property
    def is_current(self) -> bool:
        return self.removed_in_id is None
