"""Changing a retention term (the terms in force are ``schakel.legal.terms``).

Changing the term of never-weighed signals moves the expiry date of every signal still waiting,
so the new term applies to them too.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from schakel.accounts.models import User
from schakel.audit import services as audit
from schakel.core.dates import add_months
from schakel.legal.choices import RetentionKind
from schakel.legal.models import MAX_TERM_MONTHS, RetentionPolicy
from schakel.legal.terms import kinds
from schakel.privacy.activities import PrivacyActivity


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
            activity=PrivacyActivity.RETENTION,
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
