"""The weighing (weging): arrangements, sessions, and the team's recorded decision per person.

A decision always carries the criteria considered and a necessity, proportionality and
subsidiarity justification; the justification and the notes are stored encrypted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel, Referenced
from schakel.core.references import reference_is_set
from schakel.intake.choices import DataCategory
from schakel.intake.models import Signal, Subject
from schakel.network.models import Organisation
from schakel.weighing.choices import ArrangementScope, SessionStatus, WeighingOutcome


class WeighingCriterion(BaseModel):
    """Wegingscriterium: a consideration the team records (not a checklist; admin-managed)."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    description = models.TextField(_("toelichting"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("wegingscriterium")
        verbose_name_plural = _("wegingscriteria")

    def __str__(self) -> str:
        return self.name


class WeighingArrangement(BaseModel):
    """Wegingsafspraak: where the residents of these municipalities are weighed.

    Per municipality, or facilitated per province/region; direction stays with the
    municipality of residence either way.
    """

    name = models.CharField(_("naam"), max_length=200, unique=True)
    scope = models.CharField(_("schaal"), max_length=16, choices=ArrangementScope.choices)
    facilitator = models.ForeignKey(
        Organisation,
        verbose_name=_("faciliterende organisatie"),
        on_delete=models.PROTECT,
        related_name="facilitated_weighing_arrangements",
    )
    municipalities = models.ManyToManyField(
        Organisation,
        verbose_name=_("gemeenten"),
        related_name="weighing_arrangements",
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("wegingsafspraak")
        verbose_name_plural = _("wegingsafspraken")

    def __str__(self) -> str:
        return self.name


class WeighingSession(Referenced, BaseModel):
    """Wegingsoverleg: one meeting of the weighing team (municipality, police, OM, a chair).
    Its reference: ``WEG-2026-0003``."""

    REFERENCE_PREFIX = "WEG"

    arrangement = models.ForeignKey(
        WeighingArrangement,
        verbose_name=_("wegingsafspraak"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    held_at = models.DateTimeField(_("datum en tijd"))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter"),
        on_delete=models.PROTECT,
        related_name="chaired_weighing_sessions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    participants = models.ManyToManyField(
        Organisation,
        verbose_name=_("deelnemende organisaties"),
        related_name="weighing_sessions",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.OPEN
    )
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-held_at"]
        constraints = [reference_is_set("weighing_session_reference_set")]
        indexes = [models.Index(fields=["arrangement", "-held_at"], name="weighing_session_arr")]
        verbose_name = _("wegingsoverleg")
        verbose_name_plural = _("wegingsoverleggen")

    def __str__(self) -> str:
        return f"Weging {self.reference}"

    @property
    def is_open(self) -> bool:
        return self.status == SessionStatus.OPEN


class WeighingItem(Referenced, BaseModel):
    """Wegingspunt: one person on a session's agenda, with their confirmed signals and the
    team's decision. Its reference: ``WGP-2026-0012``."""

    REFERENCE_PREFIX = "WGP"

    session = models.ForeignKey(
        WeighingSession, verbose_name=_("wegingsoverleg"), on_delete=models.PROTECT,
        related_name="items",
    )  # fmt: skip
    subject = models.ForeignKey(
        Subject, verbose_name=_("betrokkene"), on_delete=models.PROTECT,
        related_name="weighing_items",
    )  # fmt: skip
    directing_municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("woongemeente (regievoerder)"),
        on_delete=models.PROTECT,
        related_name="directed_weighing_items",
    )
    signals = models.ManyToManyField(Signal, verbose_name=_("signalen"), related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(
        _("uitkomst"), max_length=32, choices=WeighingOutcome.choices, blank=True
    )
    justification = EncryptedTextField(
        _("onderbouwing noodzaak, proportionaliteit en subsidiariteit"), null=True, blank=True
    )
    justification_category = models.CharField(
        _("categorie onderbouwing"),
        max_length=16,
        choices=DataCategory.choices,
        default=DataCategory.ORDINARY,
    )
    follow_up_on = models.DateField(
        _("datum vervolg"),
        null=True,
        blank=True,
        help_text=_("Meer informatie uiterlijk op, of opnieuw wegen op deze datum."),
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    content_deleted_at = models.DateTimeField(
        _("inhoud verwijderd op"), null=True, blank=True
    )  # by the retention sweep; the outcome stays for statistics
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "subject"], name="one_item_per_subject"),
            models.CheckConstraint(
                condition=Q(outcome="")
                | Q(decided_at__isnull=False)
                & (Q(justification__isnull=False) | Q(content_deleted_at__isnull=False)),
                name="decided_item_has_justification",
            ),
            reference_is_set("weighing_item_reference_set"),
        ]
        indexes = [
            models.Index(fields=["directing_municipality", "outcome"], name="weighing_item_dir"),
        ]
        verbose_name = _("wegingspunt")
        verbose_name_plural = _("wegingspunten")

    def __str__(self) -> str:
        return f"Wegingspunt {self.reference}"

    @property
    def is_decided(self) -> bool:
        return bool(self.outcome)


class ItemCriterion(BaseModel):
    """What the team considered for one criterion of one item (encrypted note)."""

    item = models.ForeignKey(WeighingItem, on_delete=models.CASCADE, related_name="criteria")
    criterion = models.ForeignKey(WeighingCriterion, on_delete=models.PROTECT, related_name="+")
    note = EncryptedTextField(_("overwegingen"), null=True, blank=True)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["item", "criterion"], name="one_note_per_criterion")
        ]
        verbose_name = _("overwogen criterium")
        verbose_name_plural = _("overwogen criteria")

    def __str__(self) -> str:
        return str(self.criterion)
