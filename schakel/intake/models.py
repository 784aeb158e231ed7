"""The meldpunt: signals, the persons they are about, convergence data and online research.

Person data (identifiers and free text) is stored encrypted. Matching never reads it: it uses
the keyed encodings in ``IdentityEncoding`` and ``BlockingKey``, which hold no plain identifier.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel
from schakel.intake.choices import (
    DataCategory,
    ReportedBy,
    ResearchLegalBasis,
    ResearchOutcome,
    SignalStatus,
    SourceDomain,
    SourceOpenness,
    SuggestionStatus,
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


class Subject(BaseModel):
    """Betrokkene: the one person that human-confirmed signals (and later a case) are about."""

    class Meta:
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")

    def __str__(self) -> str:
        return f"Betrokkene {str(self.pk)[:8]}"


class Signal(BaseModel):
    """Signaal: a partner's or citizen's concern about a person, registered at the meldpunt.

    The directing municipality is the municipality of residence. Person fields are emptied when
    the signal expires; the row stays with its metadata for accountability and statistics.
    """

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

    # The person (encrypted; null once deleted).
    given_names = EncryptedTextField(_("voornamen"), null=True)
    surname_prefix = EncryptedTextField(_("tussenvoegsel"), null=True, blank=True)
    surname = EncryptedTextField(_("achternaam"), null=True)
    date_of_birth = EncryptedTextField(_("geboortedatum"), null=True)
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
        indexes = [
            models.Index(fields=["directing_municipality", "status"], name="signal_direct_status"),
            models.Index(fields=["registering_organisation", "-created_at"], name="signal_reg"),
        ]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self) -> str:
        return f"Signaal {self.reference}"

    @property
    def reference(self) -> str:
        """A short reference to mention in a phone call or mail; no person data in it."""
        return str(self.pk).split("-")[0].upper()

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


class IdentityEncoding(models.Model):
    """The error-tolerant keyed encoding of a signal's person; never a plain identifier.

    Bloom filters of keyed q-grams (names, date-of-birth digits) and truncated HMAC keys for
    exact comparisons. Deleted together with the signal's person data.
    """

    id = models.BigAutoField(primary_key=True)
    signal = models.OneToOneField(Signal, on_delete=models.CASCADE, related_name="encoding")
    given_names_bloom = models.BinaryField()
    surname_bloom = models.BinaryField()
    date_of_birth_bloom = models.BinaryField()
    date_of_birth_key = models.BigIntegerField(null=True)
    date_of_birth_unordered_key = models.BigIntegerField(null=True)
    given_names_ordered_key = models.BigIntegerField(null=True)
    given_names_sorted_key = models.BigIntegerField(null=True)
    surname_prefix_key = models.BigIntegerField(null=True)
    sex_key = models.BigIntegerField(null=True)
    bsn_key = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = _("identiteitscodering")
        verbose_name_plural = _("identiteitscoderingen")

    def __str__(self) -> str:
        return f"Codering {self.pk}"


class BlockingKey(models.Model):
    """A keyed blocking key: signals sharing one are compared (an index without identifiers)."""

    id = models.BigAutoField(primary_key=True)
    key = models.BigIntegerField()
    encoding = models.ForeignKey(
        IdentityEncoding, on_delete=models.CASCADE, related_name="blocking_keys"
    )

    class Meta:
        indexes = [models.Index(fields=["key", "encoding"], name="blocking_key_lookup")]
        verbose_name = _("blokkeersleutel")
        verbose_name_plural = _("blokkeersleutels")

    def __str__(self) -> str:
        return f"Blokkeersleutel {self.pk}"


class MatchSuggestion(BaseModel):
    """Matchsuggestie: two signals that may be about the same person, for a human to decide.

    The explanation holds only part names, verdicts and similarity figures — no identifiers.
    """

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="suggestions")
    earlier_signal = models.ForeignKey(
        Signal, on_delete=models.CASCADE, related_name="suggestions_as_earlier"
    )
    score = models.PositiveSmallIntegerField(_("score"))
    explanation = models.JSONField(_("uitleg"))
    status = models.CharField(
        _("status"), max_length=16, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_for = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-score", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "earlier_signal"], name="unique_suggestion"),
            models.CheckConstraint(
                condition=~models.Q(signal=models.F("earlier_signal")),
                name="suggestion_two_signals",
            ),
        ]
        verbose_name = _("matchsuggestie")
        verbose_name_plural = _("matchsuggesties")

    def __str__(self) -> str:
        return f"Matchsuggestie {self.score}"


class SuggestionConfirmation(BaseModel):
    """One municipality's "same person" on a suggestion. When the two signals are directed by
    different municipalities, both leads must confirm before the signals are linked."""

    suggestion = models.ForeignKey(
        MatchSuggestion, on_delete=models.CASCADE, related_name="confirmations"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["suggestion", "organisation"], name="one_confirmation_per_municipality"
            )
        ]
        verbose_name = _("bevestiging van een matchsuggestie")
        verbose_name_plural = _("bevestigingen van matchsuggesties")

    def __str__(self) -> str:
        return f"Bevestiging {str(self.pk)[:8]}"


class OnlineResearchEntry(BaseModel):
    """Online onderzoek: a municipal lead's search in public sources, recorded before and after."""

    municipality = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="online_research_entries"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signal = models.ForeignKey(
        Signal,
        verbose_name=_("aanleiding (signaal)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="online_research_entries",
    )
    purpose = EncryptedTextField(_("doel"))
    occasion = EncryptedTextField(_("aanleiding"))
    legal_basis = models.CharField(
        _("grondslag"), max_length=32, choices=ResearchLegalBasis.choices
    )
    public_order_interest = EncryptedTextField(_("belang voor de openbare orde"))
    subsidiarity = EncryptedTextField(_("afweging subsidiariteit"))
    confirms_no_fictitious_profile = models.BooleanField(default=False)
    confirms_no_closed_groups = models.BooleanField(default=False)
    confirms_no_systematic_following = models.BooleanField(default=False)
    sources_consulted = EncryptedTextField(_("geraadpleegde bronnen"), null=True, blank=True)
    outcome = models.CharField(
        _("uitkomst"), max_length=16, choices=ResearchOutcome.choices, blank=True
    )
    outcome_summary = EncryptedTextField(_("bevindingen"), null=True, blank=True)
    outcome_category = models.CharField(
        _("categorie bevindingen"),
        max_length=16,
        choices=DataCategory.choices,
        default=DataCategory.ORDINARY,
    )
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    content_deleted_at = models.DateTimeField(
        _("inhoud verwijderd op"),
        null=True,
        blank=True,
        help_text=_("Met het signaal dat de aanleiding was, vervallen ook doel en bevindingen."),
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(confirms_no_fictitious_profile=True)
                & models.Q(confirms_no_closed_groups=True)
                & models.Q(confirms_no_systematic_following=True),
                name="online_research_confirmed",
            )
        ]
        verbose_name = _("online onderzoek")
        verbose_name_plural = _("online onderzoeken")

    def __str__(self) -> str:
        return f"Online onderzoek {str(self.pk)[:8]}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None
