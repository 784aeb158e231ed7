"""The processing activity of the administration of users and memberships: its key in the
processing log and its entry in the register of processing activities (AVG art. 30, see
``schakel.audit.activities``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.audit.activities import RegisterEntry


class AccountActivity(models.TextChoices):
    ACCOUNT_ADMINISTRATION = "account_administration", _("Accountbeheer")


REGISTER = [
    RegisterEntry(
        activity=AccountActivity.ACCOUNT_ADMINISTRATION,
        name="Accountbeheer",
        name_en="Account administration",
        purpose="Toegang van medewerkers beheren: accounts, lidmaatschappen, aanmelden en tokens.",
        legal_basis="AVG art. 6 lid 1 sub c en e; BIO2 (toegangsbeveiliging)",
        data_categories="Naam, e-mailadres, functie, organisatie, rol, aanmeldmomenten",
        data_subjects="Medewerkers van deelnemende organisaties",
        recipients="Functioneel beheerders en privacyfunctionarissen van de eigen organisatie",
        retention="Tot 1 jaar na einde van het laatste lidmaatschap (instelbaar)",
        position=100,
    ),
]
