"""Vocabularies of the meldpunt (intake): statuses, domains, categories, decisions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    UNDER_REVIEW = "under_review", _("In behandeling")
    LINKED_TO_WEIGHING = "linked_to_weighing", _("Gekoppeld aan een weging")
    CLOSED_WITHOUT_ACTION = "closed_without_action", _("Afgesloten zonder actie")
    EXPIRED = "expired", _("Vervallen")


# A signal in one of these statuses can still expire; a weighed signal follows the case's terms.
EXPIRABLE_STATUSES = (
    SignalStatus.NEW,
    SignalStatus.UNDER_REVIEW,
    SignalStatus.CLOSED_WITHOUT_ACTION,
)


class SourceDomain(models.TextChoices):
    CARE = "care", _("Zorg")
    SAFETY = "safety", _("Veiligheid")
    SOCIAL = "social", _("Sociaal domein")
    EDUCATION = "education", _("Onderwijs")
    CITIZEN = "citizen", _("Burger")
    MUNICIPAL_DEPARTMENT = "municipal_department", _("Gemeentelijke afdeling")
    ONLINE = "online", _("Online")


class DataCategory(models.TextChoices):
    """AVG category of what a free-text field holds; decides who may receive it later."""

    ORDINARY = "ordinary", _("Gewone persoonsgegevens")
    SPECIAL = "special", _("Bijzondere persoonsgegevens (art. 9 AVG)")
    CRIMINAL = "criminal", _("Strafrechtelijke gegevens (art. 10 AVG)")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normaal")
    HIGH = "high", _("Hoog: binnen enkele dagen oppakken")


class ReportedBy(models.TextChoices):
    """On whose behalf the signal is registered."""

    OWN_ORGANISATION = "own_organisation", _("Eigen waarneming van de organisatie")
    CITIZEN = "citizen", _("Namens een burger")
    COLLEAGUE = "colleague", _("Namens een collega of afdeling")


class Sex(models.TextChoices):
    FEMALE = "female", _("Vrouw")
    MALE = "male", _("Man")
    OTHER = "other", _("Anders")


class Relation(models.TextChoices):
    PARENT = "parent", _("Ouder")
    PARTNER = "partner", _("Partner")
    CHILD = "child", _("Kind")
    SIBLING = "sibling", _("Broer of zus")
    FRIEND = "friend", _("Vriend of kennis")
    OTHER = "other", _("Anders")


class SourceOpenness(models.TextChoices):
    PUBLIC = "public", _("Openbare bron")
    CLOSED = "closed", _("Besloten bron")


class SuggestionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONFIRMED = "confirmed", _("Bevestigd: dezelfde persoon")
    REJECTED = "rejected", _("Afgewezen: niet dezelfde persoon")


class MatchBand(models.TextChoices):
    """How likely a suggestion is about one person (a person decides either way)."""

    LIKELY = "likely", _("Waarschijnlijk dezelfde persoon")
    POSSIBLE = "possible", _("Mogelijk dezelfde persoon")


class IdentityField(models.TextChoices):
    """The parts of a person's identity for which one registration's value is the main one."""

    GIVEN_NAMES = "given_names", _("Voornamen")
    SURNAME = "surname", _("Achternaam")
    BIRTH = "birth", _("Geboren")
    SEX = "sex", _("Geslacht")
    BSN = "bsn", _("BSN")


class IdentityChoiceMoment(models.TextChoices):
    CONFIRMATION = "confirmation", _("Bij het bevestigen van een matchsuggestie")
    CHANGE = "change", _("Later gewijzigd")


class ResearchLegalBasis(models.TextChoices):
    """Bases a municipality can rely on for online research (public sources only)."""

    PUBLIC_ORDER = "public_order", _("Handhaving openbare orde (Gemeentewet art. 172)")
    PGA_ACT = "pga_act", _("Wet gegevensverwerking PGA (voorbereiding casusoverleg)")
    OTHER = "other", _("Andere grondslag (toelichten in het doel)")


class ResearchOutcome(models.TextChoices):
    FOUND = "found", _("Relevante informatie gevonden")
    NOTHING_FOUND = "nothing_found", _("Niets gevonden")
