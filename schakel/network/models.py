"""Organisations at the table, their service areas and regional collaborations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.core.models import BaseModel
from schakel.network.choices import CollaborationKind, OrganisationKind


class Region(BaseModel):
    """Regio: the area whose organisations see each other in the partner directory."""

    name = models.CharField(_("naam"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self) -> str:
        return self.name


class Organisation(BaseModel):
    """Organisatie: a municipality, ZVH or chain partner that takes part in the approach.

    An organisation without a region works nationally (e.g. the NCTV) and is listed in every
    region's directory.
    """

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=32, choices=OrganisationKind.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Leeg voor een landelijke organisatie."),
    )
    mailbox = models.EmailField(_("functionele mailbox"))
    legal_framework = models.TextField(_("wettelijk kader voor gegevensdeling"), blank=True)
    may_process_bsn = models.BooleanField(_("mag BSN verwerken"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    served_municipalities = models.ManyToManyField(
        "self",
        verbose_name=_("bediende gemeenten"),
        through="ZvhServiceArea",
        symmetrical=False,
        related_name="served_by",
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class InterventionOption(BaseModel):
    """Interventiemogelijkheid: something an organisation can do in an approach."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="intervention_options"
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="unique_intervention_option_name"
            )
        ]
        verbose_name = _("interventiemogelijkheid")
        verbose_name_plural = _("interventiemogelijkheden")

    def __str__(self) -> str:
        return self.name


class ZvhServiceArea(BaseModel):
    """Werkgebied: a municipality served by a Zorg- en Veiligheidshuis."""

    zvh = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="service_areas")
    municipality = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="zvh_service_areas"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["zvh", "municipality"], name="unique_service_area"),
            models.UniqueConstraint(fields=["municipality"], name="one_zvh_per_municipality"),
        ]
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")

    def __str__(self) -> str:
        return f"{self.zvh} – {self.municipality}"


class Collaboration(BaseModel):
    """Samenwerkingsverband: a regional partnership of municipalities and partners."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=32, choices=CollaborationKind.choices)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="collaborations"
    )
    members = models.ManyToManyField(Organisation, related_name="collaborations", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")

    def __str__(self) -> str:
        return self.name
