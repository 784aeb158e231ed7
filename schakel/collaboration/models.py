"""Who holds which role in a regional collaboration (``network.Collaboration``), the weighing
arrangements it hosts and its multi-year policy plan (themes, goals, indicators, progress)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.collaboration.choices import CollaborationRoleKind, ProgressStatus
from schakel.core.models import BaseModel
from schakel.network.models import Collaboration
from schakel.weighing.models import WeighingArrangement


class CollaborationRole(BaseModel):
    """Rol in een samenwerkingsverband: a membership (a person acting for an organisation)
    holds a role such as chair or regional coordinator in one collaboration."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("lidmaatschap"),
        on_delete=models.CASCADE,
        related_name="collaboration_roles",
    )
    kind = models.CharField(_("rol"), max_length=32, choices=CollaborationRoleKind.choices)

    class Meta:
        ordering = ["collaboration__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "membership", "kind"], name="unique_collaboration_role"
            )
        ]
        verbose_name = _("rol in een samenwerkingsverband")
        verbose_name_plural = _("rollen in samenwerkingsverbanden")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.collaboration}"


class HostedWeighing(BaseModel):
    """Gefaciliteerde weging: the collaboration hosts the weighing arrangement of (some of) its
    municipalities. Direction (regie) stays with the municipality of residence; the
    collaboration only facilitates, and sees no case data through this link."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="hosted_weighings",
    )
    arrangement = models.ForeignKey(
        WeighingArrangement,
        verbose_name=_("wegingsafspraak"),
        on_delete=models.CASCADE,
        related_name="hosted_by",
    )

    class Meta:
        ordering = ["arrangement__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "arrangement"], name="unique_hosted_weighing"
            )
        ]
        verbose_name = _("gefaciliteerde weging")
        verbose_name_plural = _("gefaciliteerde wegingen")

    def __str__(self) -> str:
        return f"{self.arrangement} – {self.collaboration}"


class PolicyPlan(BaseModel):
    """Meerjarig beleidsplan: one per collaboration, over a period of years."""

    collaboration = models.OneToOneField(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="policy_plan",
    )
    start_year = models.PositiveSmallIntegerField(_("beginjaar"))
    end_year = models.PositiveSmallIntegerField(_("eindjaar"))
    summary = models.TextField(_("samenvatting"), blank=True)

    class Meta:
        verbose_name = _("meerjarig beleidsplan")
        verbose_name_plural = _("meerjarige beleidsplannen")

    def __str__(self) -> str:
        return f"{self.collaboration} {self.start_year}–{self.end_year}"

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"


class PlanTheme(BaseModel):
    """Prioritair thema of a policy plan."""

    plan = models.ForeignKey(PolicyPlan, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("thema"), max_length=200)
    position = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="unique_theme_position")
        ]
        verbose_name = _("prioritair thema")
        verbose_name_plural = _("prioritaire thema's")

    def __str__(self) -> str:
        return self.name


class PlanGoal(BaseModel):
    """Doel under a theme, with its intended result."""

    theme = models.ForeignKey(PlanTheme, on_delete=models.PROTECT, related_name="goals")
    title = models.CharField(_("doel"), max_length=300)
    intended_result = models.TextField(_("beoogd resultaat"), blank=True)

    class Meta:
        ordering = ["theme__position", "created_at"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.title


class Indicator(BaseModel):
    """Indicator of a goal: where it started (baseline), where it should be (target)."""

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=300)
    baseline = models.DecimalField(_("nulmeting"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("eenheid"), max_length=60)

    class Meta:
        ordering = ["goal", "created_at"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self) -> str:
        return self.name


class ProgressUpdate(BaseModel):
    """Voortgang of a goal in one period (``2026-K1`` or a date range), with a status."""

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="progress_updates")
    period_label = models.CharField(_("periode"), max_length=40)
    status = models.CharField(_("status"), max_length=16, choices=ProgressStatus.choices)
    explanation = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["goal", "-created_at"]
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")

    def __str__(self) -> str:
        return f"{self.goal} {self.period_label}"
