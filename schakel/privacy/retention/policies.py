"""The retention terms in force, and changing them.

The functional admin sets a term per kind (``RetentionPolicy``, seeded with the defaults below).
A kind without a row falls back to its default, so a missing row never means "keep forever" or
"delete now". Changing the term of never-weighed signals moves the expiry date of every signal
still waiting, so the new term applies to them too.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.accounts.models import User
from schakel.audit import services as audit
from schakel.audit.choices import Activity
from schakel.core.dates import add_months
from schakel.core.extensions import RETENTION_HANDLERS, contributions
from schakel.core.retention import KIND_MAX_LENGTH, RetentionRule
from schakel.privacy.choices import RetentionKind
from schakel.privacy.models import RetentionPolicy
from schakel.privacy.models.retention import MAX_TERM_MONTHS

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
    """Every kind with a term: privacy's own, then those other apps contribute
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


def cutoff_date(kind: str, today: date, *, months: int | None = None) -> date:
    return add_months(today, -(months if months is not None else term_months(kind)))


@dataclass(frozen=True)
class PolicyRow:
    kind: str
    label: str
    term_months: int
    clock_starts: str
    action: str
    note: str
    policy: RetentionPolicy | None


def policy_rows() -> list[PolicyRow]:
    stored = {p.kind: p for p in RetentionPolicy.objects.select_related("updated_by")}
    rows = []
    for kind, facts in kinds().items():
        policy = stored.get(kind)
        rows.append(
            PolicyRow(
                kind=kind,
                label=str(facts.label),
                term_months=policy.term_months if policy else facts.default_months,
                clock_starts=str(facts.clock_starts),
                action=str(facts.action),
                note=policy.note if policy else "",
                policy=policy,
            )
        )
    return rows


def policy_update(*, by: User, kind: str, months: int, note: str) -> RetentionPolicy:
    """Set a term (functional admin; the view checks the role and step-up)."""
    facts = kinds().get(kind)
    if facts is None:
        raise ValidationError({"kind": [_("Onbekende soort gegevens.")]})
    if not 1 <= months <= MAX_TERM_MONTHS:
        raise ValidationError(
            {"term_months": [_("Kies een termijn van 1 tot en met %(max)s maanden.") % {
                "max": MAX_TERM_MONTHS}]}
        )  # fmt: skip
    minimum = facts.min_months
    if months < minimum:
        raise ValidationError(
            {"term_months": [_("Voor deze soort is de termijn minstens %(min)s maanden.") % {
                "min": minimum}]}
        )  # fmt: skip
    if "\x00" in note or len(note) > 2000:
        raise ValidationError({"note": [_("De toelichting is te lang of bevat ongeldige tekens.")]})
    with transaction.atomic():
        policy = RetentionPolicy.objects.select_for_update().filter(kind=kind).first()
        before = policy.term_months if policy else facts.default_months
        if policy is None:
            policy = RetentionPolicy(kind=kind)
        policy.term_months = months
        policy.note = note.strip()
        policy.updated_by = by
        policy.save()
        moved = 0
        if kind == RetentionKind.SIGNAL_NOT_WEIGHED and months != before:
            moved = _move_signal_expiry(months)
        audit.log_processing(
            activity=Activity.RETENTION,
            name="retention_policy_update",
            by=by,
            attributes={"kind": kind, "from": before, "to": months, "signals_moved": moved},
        )
    return policy


def _move_signal_expiry(months: int) -> int:
    """Every signal still waiting to expire gets registration + the new term."""
    from schakel.intake.choices import EXPIRABLE_STATUSES
    from schakel.intake.models import Signal

    waiting = Signal.objects.filter(
        status__in=EXPIRABLE_STATUSES, person_data_deleted_at=None
    ).only("pk", "created_at", "expires_at")
    changed = []
    for signal in waiting.iterator(chunk_size=2000):
        expires = add_months(signal.created_at, months)
        if expires != signal.expires_at:
            signal.expires_at = expires
            changed.append(signal)
    Signal.objects.bulk_update(changed, ["expires_at"], batch_size=2000)
    return len(changed)
