"""The processing activity of notifications: e-mail to staff about their work, for the register
of processing activities (AVG art. 30, see ``schakel.audit.activities``). The e-mail holds no
data about the persons in Schakel; it processes the staff member's own address."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import RegisterEntry


class NotificationActivity(models.TextChoices):
    STAFF_NOTIFICATIONS = "staff_notifications", _("E-mailberichten aan medewerkers")


REGISTER = [
    RegisterEntry(
        activity=NotificationActivity.STAFF_NOTIFICATIONS,
        name="E-mailberichten aan medewerkers",
        name_en="Notifications to staff",
        purpose=(
            "Medewerkers per e-mail laten weten dat er werk voor hen klaarstaat, zonder "
            "gegevens over de personen om wie het gaat."
        ),
        legal_basis="AVG art. 6 lid 1 sub e (goede uitvoering van de taak)",
        data_categories=(
            "E-mailadres, voorkeur voor e-mailberichten, soort werk met kenmerk en datum, "
            "verzendstatus"
        ),
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients="De medewerker zelf (via de mailserver van de organisatie)",
        retention="Verzonden en opgegeven e-mails 30 dagen; de voorkeur zolang het account bestaat",
        position=105,
    ),
]
