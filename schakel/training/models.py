"""Trainings (ROR and others): the catalogue, sessions in a collaboration, the seats the
coordinator allocates to member organisations, and the registrations of their staff."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import User
from schakel.core.models import BaseModel
from schakel.network.models import Collaboration, Organisation
from schakel.training.choices import OPEN_STATUSES, RegistrationStatus


class Training(BaseModel):
    """A training in the catalogue: national (no collaboration) or of one collaboration."""

    title = models.CharField(_("titel"), max_length=200)
    provider = models.CharField(_("aanbieder"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    target_groups = models.JSONField(_("doelgroepen"), default=list)
    duration = models.CharField(_("duur"), max_length=100)
    # Whole euro cents, never a float.
    cost_cents = models.PositiveIntegerField(_("kosten per deelnemer (eurocent)"), default=0)
    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="trainings",
        help_text=_("Leeg: een landelijke training."),
    )

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("training")
        verbose_name_plural = _("trainingen")

    def __str__(self) -> str:
        return self.title

    @property
    def is_national(self) -> bool:
        return self.collaboration_id is None


class TrainingSession(BaseModel):
    """Sessie: one run of a training, planned by a collaboration's managers."""

    training = models.ForeignKey(
        Training, verbose_name=_("training"), on_delete=models.CASCADE, related_name="sessions"
    )
    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="training_sessions",
    )
    starts_at = models.DateTimeField(_("datum en tijd"))
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    seats = models.PositiveIntegerField(_("plaatsen"))
    registration_deadline = models.DateField(_("aanmelden tot en met"))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("trainingssessie")
        verbose_name_plural = _("trainingssessies")

    def __str__(self) -> str:
        return f"{self.training} – {self.starts_at:%d-%m-%Y}"


class SeatAllocation(BaseModel):
    """The seats of a session the coordinator allocates to one member organisation."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="allocations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="training_allocations"
    )
    seats = models.PositiveIntegerField(_("plaatsen"))

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "organisation"], name="unique_training_allocation"
            )
        ]
        verbose_name = _("plaatstoewijzing")
        verbose_name_plural = _("plaatstoewijzingen")


class Registration(BaseModel):
    """A staff member of an organisation registered for a session: on a seat of the
    organisation's allocation, on its waiting list (in order of ``queued_at``), or cancelled."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="registrations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="training_registrations"
    )
    participant = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="training_registrations"
    )
    number = models.PositiveIntegerField(_("deelnemernummer"))
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(_("aangemeld op"))
    registered_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="training_registrations_made"
    )
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"],
                condition=Q(status__in=OPEN_STATUSES),
                name="one_open_training_registration",
            ),
            models.UniqueConstraint(
                fields=["session", "number"], name="unique_training_participant_number"
            ),
        ]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")

    def __str__(self) -> str:
        return f"Deelnemer {self.number} – {self.session}"
