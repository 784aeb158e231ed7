"""The staff-safety register: designated safety officers, incidents against staff, and each
organisation's staff-safety protocol.

An incident belongs to one organisation (the employer of the staff member it concerns) and is
seen only inside it, by the people ``schakel.staff_safety.permissions`` names.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core.models import BaseModel
from schakel.network.models import Organisation
from schakel.staff_safety.choices import IncidentChannel, IncidentKind, IncidentStatus


class SafetyOfficer(BaseModel):
    """Veiligheidscoördinator (vertrouwenspersoon agressie): designated by the organisation's
    functional admin from its active memberships; ended, never deleted (the history stays)."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="safety_designations"
    )
    designated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership"],
                condition=Q(ended_at__isnull=True),
                name="one_open_safety_designation_per_membership",
            )
        ]
        verbose_name = _("veiligheidscoördinator")
        verbose_name_plural = _("veiligheidscoördinatoren")

    def __str__(self) -> str:
        return f"Veiligheidscoördinator – {self.membership.organisation_id}"


class Incident(BaseModel):
    """An incident against a staff member: intimidation, a threat, doxing, assault."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="staff_incidents"
    )
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff_incidents"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    occurred_on = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=32, choices=IncidentKind.choices)
    channel = models.CharField(_("kanaal"), max_length=32, choices=IncidentChannel.choices)
    description = models.TextField(_("wat is er gebeurd"))
    police_report_filed = models.BooleanField(_("aangifte gedaan"), default=False)
    police_report_on = models.DateField(_("datum aangifte"), null=True, blank=True)
    employer_details_used = models.BooleanField(
        _("aangifte met de gegevens van de werkgever"), default=False
    )
    employer_details_note = models.TextField(_("toelichting bij de aangifte"), blank=True)
    support = models.JSONField(_("geboden ondersteuning"), default=list, blank=True)
    support_note = models.TextField(_("toelichting bij de ondersteuning"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=IncidentStatus.choices, default=IncidentStatus.NEW
    )
    # When it was closed: the retention term runs from here (``schakel.staff_safety.retention``).
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]
        verbose_name = _("incident")
        verbose_name_plural = _("incidenten")

    def __str__(self) -> str:
        return f"Melding {self.reference}"

    @property
    def reference(self) -> str:
        return str(self.pk).split("-")[0].upper()


class SafetyProtocol(BaseModel):
    """The organisation's staff-safety protocol: how to report, what to do, whom to reach (by
    function and mailbox, never by name), and the employer's details for a police report."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="safety_protocol"
    )
    report_mailbox = models.EmailField(_("algemene mailbox voor meldingen"))
    officer_function = models.CharField(_("functie van de veiligheidscoördinator"), max_length=200)
    officer_mailbox = models.EmailField(_("mailbox van de veiligheidscoördinator"))
    employer_name = models.CharField(_("naam van de werkgever"), max_length=200)
    employer_address = models.TextField(_("adres van de werkgever"))
    when_threatened = models.TextField(_("wat te doen bij bedreiging"))
    public_documents = models.TextField(_("afspraken over openbare stukken"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("veiligheidsprotocol")
        verbose_name_plural = _("veiligheidsprotocollen")

    def __str__(self) -> str:
        return f"Veiligheidsprotocol – {self.organisation_id}"
