"""The legal catalogue and the retention terms: what every app's processing rests on.

The catalogue of legal bases partners disclose on (kept by the functional admin), and the term
per kind of data (``RetentionPolicy``, seeded with the defaults in ``schakel.legal.terms``). Both
lived in ``privacy`` before; their tables keep that name.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from schakel.core.models import BaseModel
from schakel.legal.choices import RetentionKind


class LegalBasis(BaseModel):
    """Grondslag: a legal basis partners may disclose on (catalogue kept by the operator)."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    citation = models.CharField(_("vindplaats"), max_length=200)
    description = models.TextField(_("omschrijving"))
    organisation_kinds = models.JSONField(
        _("geldt voor organisatiesoorten"),
        default=list,
        blank=True,
        help_text=_("Leeg: geldt voor alle organisaties aan tafel."),
    )
    processing_activities = models.ManyToManyField(
        "audit.ProcessingActivity",
        verbose_name=_("verwerkingsactiviteiten"),
        related_name="legal_bases",
        blank=True,
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "name"]
        db_table = "privacy_legalbasis"  # the table from before the app was split off
        verbose_name = _("grondslag")
        verbose_name_plural = _("grondslagen")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language (the English name when there is one)."""
        if (get_language() or "").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def applies_to(self, organisation_kind: str) -> bool:
        return not self.organisation_kinds or organisation_kind in self.organisation_kinds


MAX_TERM_MONTHS = 1200


class RetentionPolicy(BaseModel):
    """Bewaartermijn: how long one kind of data is kept after the moment its clock starts."""

    kind = models.CharField(
        _("soort gegevens"), max_length=32, choices=RetentionKind.choices, unique=True
    )
    term_months = models.PositiveSmallIntegerField(
        _("termijn in maanden"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TERM_MONTHS)],
    )
    note = models.TextField(_("toelichting"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "privacy_retentionpolicy"  # the table from before the app was split off
        ordering = ["kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_months__gte=1, term_months__lte=MAX_TERM_MONTHS),
                name="retention_term_in_range",
            )
        ]
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.term_months}"
