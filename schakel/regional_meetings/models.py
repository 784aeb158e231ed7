"""Recurring meetings of a collaboration and its working groups: series, their generated
occurrences (``Meeting``), agendas, minutes with attachments, decisions and action points.

No person data of data subjects: every free text passes ``validate_no_person_data`` in the
services. Staff appear as memberships (a working group's members, an action point's owner).
"""

from datetime import datetime, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core.models import BaseModel
from schakel.core.uploads import Attachment
from schakel.network.models import Collaboration, Organisation
from schakel.regional_meetings.choices import ActionStatus, AttachmentPart, MeetingStatus


class WorkingGroup(BaseModel):
    """Werkgroep of a collaboration with its own members (memberships of member organisations)."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="working_groups",
    )
    name = models.CharField(_("naam"), max_length=200)
    theme = models.CharField(_("thema"), max_length=200, blank=True)
    purpose = models.TextField(_("doel"), blank=True)
    members = models.ManyToManyField(
        Membership, verbose_name=_("leden"), related_name="working_groups", blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("werkgroep")
        verbose_name_plural = _("werkgroepen")

    def __str__(self) -> str:
        return self.name


class MeetingSeries(BaseModel):
    """Overlegreeks: every ``interval_weeks`` weeks from ``first_on`` at ``start_time`` (local
    time, so the same clock time across daylight saving), until a date or a number of times."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="meeting_series",
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("werkgroep"),
        on_delete=models.CASCADE,
        related_name="series",
        null=True,
        blank=True,
    )
    title = models.CharField(_("titel"), max_length=200)
    place = models.CharField(_("plaats"), max_length=200)
    first_on = models.DateField(_("eerste datum"))
    start_time = models.TimeField(_("begintijd"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"))
    interval_weeks = models.PositiveSmallIntegerField(_("om de zoveel weken"))
    until = models.DateField(_("tot en met"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("aantal keer"), null=True, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("overlegreeks")
        verbose_name_plural = _("overlegreeksen")

    def __str__(self) -> str:
        return self.title


class Meeting(BaseModel):
    """Overleg: one occurrence of a series (``sequence``: its number in the series, from 0) or a
    one-off meeting (no series). A moved or cancelled occurrence keeps its reason."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="network_meetings",
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("werkgroep"),
        on_delete=models.CASCADE,
        related_name="meetings",
        null=True,
        blank=True,
    )
    series = models.ForeignKey(
        MeetingSeries,
        verbose_name=_("reeks"),
        on_delete=models.CASCADE,
        related_name="meetings",
        null=True,
        blank=True,
    )
    sequence = models.PositiveIntegerField(_("volgnummer in de reeks"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=200)
    place = models.CharField(_("plaats"), max_length=200)
    starts_at = models.DateTimeField(_("begint om"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"))
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    reason = models.TextField(_("reden van verplaatsen of annuleren"), blank=True)
    minutes = models.TextField(_("notulen"), blank=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "sequence"], name="unique_meeting_series_sequence"
            )
        ]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED


class AgendaItem(BaseModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"))
    title = models.CharField(_("titel"), max_length=200)
    explanation = models.TextField(_("toelichting"), blank=True)
    introduced_by = models.ForeignKey(
        Organisation,
        verbose_name=_("ingebracht door"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["meeting", "position", "created_at"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.title


class MeetingAttachment(Attachment):
    """Bijlage bij de agenda of de notulen van een overleg."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="attachments"
    )
    part = models.CharField(_("hoort bij"), max_length=16, choices=AttachmentPart.choices)

    class Meta:
        ordering = ["meeting", "part", "created_at"]
        verbose_name = _("bijlage bij een overleg")
        verbose_name_plural = _("bijlagen bij overleggen")


class Decision(BaseModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="decisions"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    text = models.TextField(_("besluit"))

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return self.text[:60]


class ActionPoint(BaseModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="action_points"
    )
    description = models.TextField(_("actie"))
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="meeting_action_points",
    )
    owner_membership = models.ForeignKey(
        Membership,
        verbose_name=_("eigenaar (persoon)"),
        on_delete=models.SET_NULL,
        related_name="meeting_action_points",
        null=True,
        blank=True,
    )
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    class Meta:
        ordering = ["due_on", "created_at"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")

    def __str__(self) -> str:
        return self.description[:60]
