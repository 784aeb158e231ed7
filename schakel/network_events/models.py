"""Network events of a collaboration: peer review, case evaluations and case simulations, with
their participants, the record of what was discussed, learning points and follow-up actions.

No person data of data subjects: the case material is fictional or anonymised, and every text
passes ``schakel.core.person_data`` in the services. Participants are staff (memberships).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core.models import BaseModel
from schakel.network.models import Collaboration, Organisation
from schakel.network_events.choices import EventKind, EventStatus, FollowUpStatus


class NetworkEvent(BaseModel):
    """Netwerkbijeenkomst: an intervisie, casusevaluatie or casussimulatie of a collaboration."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="network_events",
    )
    kind = models.CharField(_("soort"), max_length=32, choices=EventKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("datum en tijd"))
    location = models.CharField(_("plaats of link"), max_length=300)
    online = models.BooleanField(_("online"), default=False)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organisator"),
        on_delete=models.PROTECT,
        related_name="organised_network_events",
    )
    purpose = models.TextField(_("doel"))
    case_material = models.TextField(_("casusmateriaal"), blank=True)
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("deelnemende organisaties"),
        related_name="network_events",
    )
    participants = models.ManyToManyField(
        Membership,
        verbose_name=_("deelnemende medewerkers"),
        related_name="network_events",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    discussion = models.TextField(_("wat is besproken"), blank=True)
    recorded_at = models.DateTimeField(_("verslag vastgelegd op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gepland door"),
    )

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["collaboration", "starts_at"])]
        verbose_name = _("netwerkbijeenkomst")
        verbose_name_plural = _("netwerkbijeenkomsten")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_planned(self) -> bool:
        return self.status == EventStatus.PLANNED

    @property
    def is_held(self) -> bool:
        return self.status == EventStatus.HELD


class LearningPoint(BaseModel):
    """Leerpunt: what the partners learned, under a theme, for one or more organisations."""

    event = models.ForeignKey(
        NetworkEvent,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="learning_points",
    )
    text = models.TextField(_("leerpunt"))
    theme = models.CharField(_("thema"), max_length=100)
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("voor organisaties"),
        related_name="network_learning_points",
        blank=True,
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("leerpunt")
        verbose_name_plural = _("leerpunten")

    def __str__(self) -> str:
        return self.theme


class FollowUp(BaseModel):
    """Vervolgactie: what an organisation does after the event, by a date."""

    event = models.ForeignKey(
        NetworkEvent,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    text = models.TextField(_("vervolgactie"))
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="network_follow_ups",
    )
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=16, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "created_at"]
        indexes = [models.Index(fields=["owner", "status", "due_on"])]
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")

    def __str__(self) -> str:
        return f"{self.owner} – {self.due_on}"
