from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The personas of product.md; a person may hold several through memberships."""

    MUNICIPAL_LEAD = "municipal_lead", _("Regievoerder gemeente")
    PROCESS_DIRECTOR = "process_director", _("Procesregisseur")
    PARTNER_MEMBER = "partner_member", _("Professional ketenpartner")
    PRIVACY_OFFICER = "privacy_officer", _("Privacyfunctionaris")
    REGIONAL_COORDINATOR = "regional_coordinator", _("Regionaal coördinator")
    ADMINISTRATOR = "administrator", _("Bestuurder")
    FUNCTIONAL_ADMIN = "functional_admin", _("Functioneel beheerder")


# The roles that take part in the case table: weighing, cases, consultations, interventions.
TABLE_ROLES = frozenset({Role.MUNICIPAL_LEAD, Role.PARTNER_MEMBER, Role.PROCESS_DIRECTOR})
