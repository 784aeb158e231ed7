"""The online research log of the meldpunt."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel
from schakel.intake.choices import DataCategory, ResearchLegalBasis, ResearchOutcome
from schakel.intake.models.signals import Signal
from schakel.network.models import Organisation


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
    # Who is searched for, when no signal names them: a partial identity (encrypted), so
    # that reads of the entry are logged under that person and an access export finds it.
    person_given_names = EncryptedTextField(_("voornamen"), null=True, blank=True)
    person_surname_prefix = EncryptedTextField(_("tussenvoegsel"), null=True, blank=True)
    person_surname = EncryptedTextField(_("achternaam"), null=True, blank=True)
    person_birth_year = EncryptedTextField(_("geboortejaar"), null=True, blank=True)
    person_platform = models.CharField(_("platform"), max_length=120, blank=True)
    person_handle = EncryptedTextField(_("gebruikersnaam"), null=True, blank=True)
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

    @property
    def names_a_person(self) -> bool:
        return bool(self.person_surname or self.person_handle)
