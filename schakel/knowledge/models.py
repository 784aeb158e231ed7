"""The knowledge base: items of a collaboration or national, each with its kept versions.

An item holds what describes it (kind, title, summary, themes, owner, review date, scope); its
versions hold the content (a text and/or one attachment) with a note. Exactly one version is
current; older ones stay readable. The search index lives beside the table and is written by
the services (``schakel.knowledge.search``), not by the model.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core import uploads
from schakel.core.models import BaseModel
from schakel.knowledge.choices import KnowledgeKind
from schakel.network.models import Collaboration, Organisation

TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 2000
BODY_MAX_LENGTH = 50_000
NOTE_MAX_LENGTH = 500
THEME_MAX_LENGTH = 60


class Theme(BaseModel):
    """Thema: a tag items are filtered by (e.g. "Online radicalisering"), shared by all."""

    name = models.CharField(_("naam"), max_length=THEME_MAX_LENGTH, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.name


class KnowledgeItem(BaseModel):
    """Kennisitem: a handbook, factsheet, protocol or other product of one collaboration, or
    national (no collaboration)."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.PROTECT,
        related_name="knowledge_items",
        null=True,
        blank=True,
        help_text=_("Leeg: een landelijk item."),
    )
    kind = models.CharField(_("soort"), max_length=16, choices=KnowledgeKind.choices)
    title = models.CharField(_("titel"), max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(_("samenvatting"), max_length=SUMMARY_MAX_LENGTH)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thema's"), related_name="items", blank=True
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="knowledge_items",
    )
    owner_membership = models.ForeignKey(
        Membership,
        verbose_name=_("contactpersoon"),
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
        null=True,
        blank=True,
    )
    review_on = models.DateField(_("herzien op"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["review_on"], name="knowledge_item_review_on")]
        verbose_name = _("kennisitem")
        verbose_name_plural = _("kennisitems")

    def __str__(self) -> str:
        return self.title

    @property
    def is_national(self) -> bool:
        return self.collaboration_id is None


class KnowledgeVersion(BaseModel):
    """Versie: the content of an item at one moment; every version is kept."""

    item = models.ForeignKey(
        KnowledgeItem, verbose_name=_("kennisitem"), on_delete=models.CASCADE,
        related_name="versions",
    )  # fmt: skip
    number = models.PositiveIntegerField(_("versienummer"))
    body = models.TextField(_("tekst"), max_length=BODY_MAX_LENGTH, blank=True)
    note = models.CharField(_("toelichting bij de versie"), max_length=NOTE_MAX_LENGTH)
    is_current = models.BooleanField(_("huidige versie"), default=True)
    created_by = models.ForeignKey(
        Membership,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        related_name="knowledge_versions",
        null=True,
    )

    class Meta:
        ordering = ["item", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="knowledge_version_number"),
            models.UniqueConstraint(
                fields=["item"], condition=Q(is_current=True), name="knowledge_one_current"
            ),
        ]
        verbose_name = _("versie")
        verbose_name_plural = _("versies")

    def __str__(self) -> str:
        return f"{self.item} – {self.number}"


class KnowledgeAttachment(uploads.Attachment):
    """The one attachment (PDF, ODT, DOCX) of a version; a new version may keep the file of
    the one before (the same stored file; files of kept versions are never removed)."""

    version = models.OneToOneField(
        KnowledgeVersion,
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="attachment",
    )

    class Meta:
        verbose_name = _("bijlage bij een kennisitem")
        verbose_name_plural = _("bijlagen bij kennisitems")
