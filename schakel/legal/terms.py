"""The retention terms in force: each kind of data, its default and minimum term, when its clock
starts and what happens when it ends.

The functional admin sets a term per kind (``RetentionPolicy``, seeded with the defaults below;
changing one is ``schakel.privacy.retention.policies``). A kind without a row falls back to its
default, so a missing row never means "keep forever" or "delete now". Besides the kinds below,
apps contribute their own (``RETENTION_HANDLERS``, ``schakel.core.retention``).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

from schakel.core.dates import add_months
from schakel.core.extensions import RETENTION_HANDLERS, contributions
from schakel.core.retention import KIND_MAX_LENGTH, RetentionRule
from schakel.legal.choices import RetentionKind
from schakel.legal.models import RetentionPolicy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DEFAULT_TERMS: dict[str, int] = {
    RetentionKind.SIGNAL_NOT_WEIGHED: 12,
    RetentionKind.WEIGHED_NOT_INCLUDED: 12,
    RetentionKind.CLOSED_CASE: 60,
    RetentionKind.ONLINE_RESEARCH: 12,
    RetentionKind.SUBJECT_REQUEST: 60,
    RetentionKind.PROCESSING_LOG: 84,
    RetentionKind.SIGN_IN_FAILURES: 3,
}

# When each kind's clock starts (shown to the admin and the privacy officer).
CLOCK_STARTS: dict[str, Any] = {
    RetentionKind.SIGNAL_NOT_WEIGHED: gettext_lazy("na registratie van het signaal"),
    RetentionKind.WEIGHED_NOT_INCLUDED: gettext_lazy("na het laatste wegingsbesluit zonder opname"),
    RetentionKind.CLOSED_CASE: gettext_lazy("na afsluiting van de casus"),
    RetentionKind.ONLINE_RESEARCH: gettext_lazy("na vastlegging van het onderzoek"),
    RetentionKind.SUBJECT_REQUEST: gettext_lazy("na afhandeling van het verzoek"),
    RetentionKind.PROCESSING_LOG: gettext_lazy("na het moment van de verwerking"),
    RetentionKind.SIGN_IN_FAILURES: gettext_lazy("na de mislukte poging"),
}

# What happens when the term ends.
ACTIONS: dict[str, Any] = {
    RetentionKind.SIGNAL_NOT_WEIGHED: gettext_lazy(
        "Persoonsgegevens, personen in de omgeving, coderingen en matchsuggesties worden "
        "verwijderd; het signaal blijft zonder persoonsgegevens voor de statistiek."
    ),
    RetentionKind.WEIGHED_NOT_INCLUDED: gettext_lazy(
        "Persoonsgegevens van de gewogen signalen en de onderbouwing van de weging worden "
        "verwijderd; de uitkomst blijft voor de statistiek."
    ),
    RetentionKind.CLOSED_CASE: gettext_lazy(
        "Alle persoonsgegevens van de persoon (signalen, weging, casus, plan, interventies, "
        "besluiten, verstrekkingen) worden verwijderd; fase en data blijven geanonimiseerd."
    ),
    RetentionKind.ONLINE_RESEARCH: gettext_lazy(
        "Doel, aanleiding, bronnen en bevindingen worden verwijderd; dat er is gezocht, met "
        "grondslag en data, blijft."
    ),
    RetentionKind.SUBJECT_REQUEST: gettext_lazy(
        "Omschrijving, identiteitsvaststelling, gronden en inbreng worden verwijderd; soort, "
        "data en besluit blijven."
    ),
    RetentionKind.PROCESSING_LOG: gettext_lazy(
        "De oudste logregels worden verwijderd; de keten blijft controleerbaar vanaf het anker."
    ),
    RetentionKind.SIGN_IN_FAILURES: gettext_lazy(
        "Mislukte inlogpogingen (e-mailadres, IP-adres, browser) worden verwijderd; ze dienen "
        "alleen om pieken te zien en accounts te blokkeren."
    ),
}

ORDER = list(DEFAULT_TERMS)

# The processing log accounts for every processing: a shorter term would let one functional
# admin have the next sweep erase the record of recent processing (their own included).
MIN_TERM_MONTHS: dict[str, int] = {RetentionKind.PROCESSING_LOG: 12}


@dataclass(frozen=True)
class KindFacts:
    """What the sweep and the term pages know of a kind of data."""

    kind: str
    label: "StrOrPromise"
    default_months: int
    clock_starts: "StrOrPromise"
    action: "StrOrPromise"
    min_months: int


def kinds() -> dict[str, KindFacts]:
    """Every kind with a term: the built-in kinds, then those other apps contribute
    (``RETENTION_HANDLERS``, ``schakel.core.retention``)."""
    found = {
        kind: KindFacts(
            kind,
            RetentionKind(kind).label,
            DEFAULT_TERMS[kind],
            CLOCK_STARTS[kind],
            ACTIONS[kind],
            MIN_TERM_MONTHS.get(kind, 1),
        )
        for kind in ORDER
    }
    for rule in contributed_rules():
        found.setdefault(
            rule.kind,
            KindFacts(
                rule.kind,
                rule.label,
                rule.default_months,
                rule.clock_starts,
                rule.action,
                rule.min_months,
            ),
        )
    return found


def contributed_rules() -> list[RetentionRule]:
    """The rules other apps contribute; a kind that clashes or is too long is a setup error."""
    rules: list[RetentionRule] = contributions(RETENTION_HANDLERS)
    seen: set[str] = set(RetentionKind.values)
    for rule in rules:
        if rule.kind in seen or not 0 < len(rule.kind) <= KIND_MAX_LENGTH:
            raise ImproperlyConfigured(
                f"Bewaarregel {rule.kind!r}: de soort moet uniek zijn en 1 tot "
                f"{KIND_MAX_LENGTH} tekens lang."
            )
        seen.add(rule.kind)
    return rules


def term_months(kind: str) -> int:
    policy = RetentionPolicy.objects.filter(kind=kind).only("term_months").first()
    return policy.term_months if policy else kinds()[kind].default_months


def terms() -> dict[str, int]:
    """Every kind's term in force, in one query."""
    stored = dict(RetentionPolicy.objects.values_list("kind", "term_months"))
    return {
        kind: max(stored.get(kind, facts.default_months), facts.min_months)
        for kind, facts in kinds().items()
    }


def cutoff(kind: str, now: datetime, *, months: int | None = None) -> datetime:
    """Objects whose clock started at or before this moment are due at ``now``."""
    return add_months(now, -(months if months is not None else term_months(kind)))
