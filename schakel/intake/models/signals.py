"""Signals, the persons they are about (subjects), phenomena, related persons and accounts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel, Referenced
from schakel.core.references import reference_is_set
from schakel.intake.choices import (
    DataCategory,
    ReportedBy,
    SignalStatus,
    SourceDomain,
    SourceOpenness,
    Urgency,
)
from schakel.network.models import Organisation


class Phenomenon(BaseModel):
    """Fenomeen: the kind of extremism a signal is about (admin-managed list)."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    name_en = models.CharField(_("naam (Engels)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("fenomeen")
        verbose_name_plural = _("fenomenen")

    def __str__(self) -> str:
        return self.name


class Subject(Referenced, BaseModel):
    """Betrokkene: the one person that human-confirmed signals (and later a case) are about.

    Its reference: ``PER-2026-0042``."""

    REFERENCE_PREFIX = "PER"

    class Meta:
        constraints = [reference_is_set("subject_reference_set")]
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")

    def __str__(self) -> str:
        return f"Betrokkene {self.reference}"


class Signal(Referenced, BaseModel):
    """Signaal: a partner's or citizen's concern about a person, registered at the meldpunt.

    The directing municipality is the municipality of residence. Person fields are emptied when
    the signal expires; the row stays with its metadata for accountability and statistics. Its
    reference: ``SIG-2026-0042``.
    """

    REFERENCE_PREFIX = "SIG"

    registering_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("melder (organisatie)"),
        on_delete=models.PROTECT,
        related_name="registered_signals",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        related_name="registered_signals",
    )
    registered_in_role = models.CharField(
        _("geregistreerd in de rol"),
        max_length=32,
        help_text=_("Wie in de organisatie het signaal volgt: leden met dezelfde rol."),
    )
    reported_by = models.CharField(
        _("gemeld door"),
        max_length=32,
        choices=ReportedBy.choices,
        default=ReportedBy.OWN_ORGANISATION,
    )
    directing_municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("woongemeente (regievoerder)"),
        on_delete=models.PROTECT,
        related_name="directed_signals",
    )
    status = models.CharField(
        _("status"), max_length=32, choices=SignalStatus.choices, default=SignalStatus.NEW
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd op"))
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("betrokkene"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )
    source_domain = models.CharField(_("brondomein"), max_length=32, choices=SourceDomain.choices)
    phenomenon = models.ForeignKey(
        Phenomenon, verbose_name=_("fenomeen"), on_delete=models.PROTECT, related_name="signals"
    )
    urgency = models.CharField(
        _("urgentie"), max_length=16, choices=Urgency.choices, default=Urgency.NORMAL
    )
    observed_on = models.DateField(_("waargenomen op"))
    expires_at = models.DateTimeField(_("vervalt op"), db_index=True)
    person_data_deleted_at = models.DateTimeField(
        _("persoonsgegevens verwijderd op"), null=True, blank=True
    )

    # The person (encrypted; null once deleted). Any part may be unknown: a signal may name
    # only initials, only a year of birth or an estimated age, or only an online account.
    given_names = EncryptedTextField(_("voornamen"), null=True, blank=True)
    surname_prefix = EncryptedTextField(_("tussenvoegsel"), null=True, blank=True)
    surname = EncryptedTextField(_("achternaam"), null=True, blank=True)
    date_of_birth = EncryptedTextField(_("geboortedatum"), null=True, blank=True)
    birth_year = EncryptedTextField(
        _("geboortejaar"), null=True, blank=True, help_text=_("Als alleen het jaar bekend is.")
    )
    age_estimate = EncryptedTextField(
        _("geschatte leeftijd"),
        null=True,
        blank=True,
        help_text=_("Van en tot (in jaren, op de dag van waarneming), als: 25-30."),
    )
    sex = EncryptedTextField(_("geslacht"), null=True, blank=True)
    bsn = EncryptedTextField(_("BSN"), null=True, blank=True)
    address = EncryptedTextField(_("adres"), null=True, blank=True)

    # What was observed (encrypted free text, each with its AVG category).
    observation = EncryptedTextField(_("waarneming"), null=True)
    observation_category = models.CharField(
        _("categorie waarneming"),
        max_length=16,
        choices=DataCategory.choices,
        default=DataCategory.ORDINARY,
    )
    reporter_contact = EncryptedTextField(_("contactgegevens melder"), null=True, blank=True)
    reporter_contact_category = models.CharField(
        _("categorie contactgegevens melder"),
        max_length=16,
        choices=DataCategory.choices,
        default=DataCategory.ORDINARY,
    )

    # Online signals.
    online_platform = EncryptedTextField(_("platform"), null=True, blank=True)
    online_source_openness = models.CharField(
        _("openbaarheid bron"), max_length=16, choices=SourceOpenness.choices, blank=True
    )
    online_content = EncryptedTextField(_("wat online is gezien"), null=True, blank=True)
    online_content_category = models.CharField(
        _("categorie online waarneming"),
        max_length=16,
        choices=DataCategory.choices,
        default=DataCategory.ORDINARY,
    )
    capture_fingerprint = models.CharField(
        _("vingerafdruk vastlegging (SHA-256)"), max_length=64, blank=True
    )

    # The meldpunt's handling note (e.g. why it was closed without action).
    handling_note = EncryptedTextField(_("toelichting behandeling"), null=True, blank=True)
    handling_note_category = models.CharField(
        _("categorie toelichting"),
        max_length=16,
        choices=DataCategory.choices,
        default=DataCategory.ORDINARY,
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [reference_is_set("signal_reference_set")]
        indexes = [
            models.Index(fields=["directing_municipality", "status"], name="signal_direct_status"),
            models.Index(fields=["registering_organisation", "-created_at"], name="signal_reg"),
        ]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self) -> str:
        return f"Signaal {self.reference}"

    @property
    def has_person_data(self) -> bool:
        return self.person_data_deleted_at is None


def mask_bsn(value: str | None, mask: str = "•") -> str:
    """Only the last three digits of a BSN, enough to compare two records by eye."""
    if not value:
        return ""
    return mask * (len(value) - 3) + value[-3:]


class RelatedPerson(BaseModel):
    """Persoon in de directe omgeving: a family or network member named in a signal."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="related_persons")
    relation = models.CharField(_("relatie"), max_length=120)
    name = EncryptedTextField(_("naam"))
    date_of_birth = EncryptedTextField(_("geboortedatum"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("persoon in de directe omgeving")
        verbose_name_plural = _("personen in de directe omgeving")

    def __str__(self) -> str:
        return str(self.relation)


class OnlineAccount(BaseModel):
    """Online account: a platform and a handle by which a signal names the person."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="online_accounts")
    platform = models.CharField(_("platform"), max_length=120)
    handle = EncryptedTextField(_("gebruikersnaam"))

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("online account")
        verbose_name_plural = _("online accounts")

    def __str__(self) -> str:
        return str(self.platform)
