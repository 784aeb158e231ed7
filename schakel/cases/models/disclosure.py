"""A disclosure records what a partner brought into a case consultation, on which legal basis,
for what purpose and with which necessity, proportionality and subsidiarity note. It is never
changed: a correction is a new disclosure that points at the one it corrects. (It lived in
``privacy`` before; its table keeps that name.)
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.core.fields import EncryptedTextField
from schakel.core.models import BaseModel
from schakel.intake.choices import DataCategory
from schakel.legal.models import LegalBasis
from schakel.network.models import Organisation


class Disclosure(BaseModel):
    """Verstrekking: information a partner brought into one agenda item of a consultation."""

    # Written as privacy.Disclosure before the model moved here: its ciphertext stays bound to
    # that label (``schakel.core.fields``), as its rows stay in the privacy_disclosure table.
    ENCRYPTION_LABEL = "privacy.disclosure"

    agenda_item = models.ForeignKey(
        "cases.AgendaItem",
        verbose_name=_("agendapunt"),
        on_delete=models.PROTECT,
        related_name="disclosures",
    )
    from_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("van organisatie"),
        on_delete=models.PROTECT,
        related_name="disclosures_made",
    )
    disclosed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingebracht door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipients = models.ManyToManyField(
        Organisation, verbose_name=_("aan organisaties"), related_name="disclosures_received"
    )
    content = EncryptedTextField(_("wat wordt ingebracht"), null=True)
    has_ordinary_data = models.BooleanField(_("gewone persoonsgegevens"), default=False)
    has_special_data = models.BooleanField(
        _("bijzondere persoonsgegevens (art. 9 AVG)"), default=False
    )
    has_criminal_data = models.BooleanField(
        _("strafrechtelijke gegevens (art. 10 AVG)"), default=False
    )
    legal_basis = models.ForeignKey(
        LegalBasis,
        verbose_name=_("grondslag"),
        on_delete=models.PROTECT,
        related_name="disclosures",
    )
    purpose = EncryptedTextField(_("doel"), null=True)
    necessity_note = EncryptedTextField(
        _("noodzaak, proportionaliteit en subsidiariteit"), null=True
    )
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("corrigeert"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrected_by",
    )
    content_deleted_at = models.DateTimeField(_("inhoud verwijderd op"), null=True, blank=True)

    class Meta:
        db_table = "privacy_disclosure"  # the table from before disclosures moved to cases
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(has_ordinary_data=True)
                | Q(has_special_data=True)
                | Q(has_criminal_data=True),
                name="disclosure_has_data_category",
            ),
            models.CheckConstraint(
                condition=Q(content_deleted_at__isnull=False)
                | Q(content__isnull=False, purpose__isnull=False, necessity_note__isnull=False),
                name="disclosure_is_complete",
            ),
        ]
        indexes = [
            models.Index(fields=["legal_basis", "created_at"], name="disclosure_basis"),
            models.Index(fields=["from_organisation", "created_at"], name="disclosure_from"),
        ]
        verbose_name = _("verstrekking")
        verbose_name_plural = _("verstrekkingen")

    def __str__(self) -> str:
        return f"Verstrekking {str(self.pk).split('-')[0].upper()}"

    @property
    def data_categories(self) -> list[str]:
        flags = {
            DataCategory.ORDINARY: self.has_ordinary_data,
            DataCategory.SPECIAL: self.has_special_data,
            DataCategory.CRIMINAL: self.has_criminal_data,
        }
        return [category.value for category, on in flags.items() if on]
