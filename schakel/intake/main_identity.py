"""The main identity of a person whose signals were confirmed as one: per field, one
registration's value; every other registered value stays an alias.

The lead who confirms picks per field (default: the most complete value, the earliest on a
tie — not simply the latest); the directing lead can change it later, with its history in
``IdentityChoice``. A choice points at a signal, never copies its value: when that signal's
person data is deleted, the default takes over again.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from schakel.intake.choices import IdentityField, Sex
from schakel.intake.convergence.normalise import exact_form, parse_given_names, parse_surname
from schakel.intake.display import signal_born_text
from schakel.intake.models import IdentityChoice, Signal, Subject, mask_bsn

FIELDS = tuple(IdentityField)


def field_text(signal: Signal, field: str, *, full_bsn: bool = False) -> str:
    """The value of one field as a person reads it ("" when not registered)."""
    if field == IdentityField.GIVEN_NAMES:
        return signal.given_names or ""
    if field == IdentityField.SURNAME:
        return " ".join(p for p in (signal.surname_prefix, signal.surname) if p)
    if field == IdentityField.BIRTH:
        known = signal.date_of_birth or signal.birth_year or signal.age_estimate
        return signal_born_text(signal) if known else ""
    if field == IdentityField.SEX:
        return str(Sex(signal.sex).label) if signal.sex in Sex.values else ""
    return (signal.bsn or "") if full_bsn else mask_bsn(signal.bsn)


def differs(first: Signal, second: Signal, field: str) -> bool:
    a = exact_form(field_text(first, field, full_bsn=True))
    b = exact_form(field_text(second, field, full_bsn=True))
    return a != b


def completeness(signal: Signal, field: str) -> tuple[int, ...]:
    """Higher is more complete: more full names, a prefix and more parts, a date over a year
    over an estimate. Not the length of a name: a typo may add a letter."""
    if field == IdentityField.GIVEN_NAMES:
        given, _prefix = parse_given_names(signal.given_names or "")
        return (len(given.names), len(given.initials))
    if field == IdentityField.SURNAME:
        surname = parse_surname(signal.surname_prefix or "", signal.surname or "")
        return (len(surname.parts), bool(surname.prefix))
    if field == IdentityField.BIRTH:
        if signal.date_of_birth:
            return (3,)
        return (2,) if signal.birth_year else ((1,) if signal.age_estimate else (0,))
    return (1,) if field_text(signal, field) else (0,)


def default_signal(signals: Iterable[Signal], field: str) -> Signal | None:
    """The most complete value; among equally complete ones the earliest registered."""
    found = [s for s in signals if s.has_person_data]
    if not found:
        return None
    return max(found, key=lambda s: (completeness(s, field), -s.created_at.timestamp()))


def confirmation_default(signal: Signal, earlier: Signal, field: str) -> str:
    """The side pre-chosen when confirming: where a lead already chose the person's main value
    for this field, it stays (the earlier side); otherwise the more complete value."""
    if earlier.subject_id is not None and field in current_choices(earlier.subject):
        return "earlier_signal"
    return "earlier_signal" if default_signal([signal, earlier], field) is earlier else "signal"


def current_choices(subject: Subject | None) -> dict[str, uuid.UUID]:
    """The latest choice per field whose signal still belongs to the person."""
    found: dict[str, uuid.UUID] = {}
    if subject is None:
        return found
    rows = IdentityChoice.objects.filter(
        subject=subject,
        signal__subject=subject,
        signal__person_data_deleted_at__isnull=True,
    ).order_by("created_at")
    for field, signal_id in rows.values_list("field", "signal_id"):
        found[field] = signal_id
    return found


def main_signals(subject: Subject, signals: list[Signal]) -> dict[str, Signal]:
    """Per field, the signal whose value is the main identity."""
    chosen = current_choices(subject)
    by_id = {s.pk: s for s in signals if s.has_person_data}
    result: dict[str, Signal] = {}
    for field in FIELDS:
        signal = by_id.get(chosen[field]) if field in chosen else None
        signal = signal or default_signal(by_id.values(), field)
        if signal is not None:
            result[field] = signal
    return result


@dataclass(frozen=True)
class Alias:
    """Another registered value of a field (text only, for whoever may see the identity)."""

    field: str
    label: str
    text: str


def aliases(signals: list[Signal], main: dict[str, Signal]) -> list[Alias]:
    """Every registered value that differs from the main one, once per field."""
    found: list[Alias] = []
    for field in FIELDS:
        main_signal = main.get(field)
        seen = {exact_form(field_text(main_signal, field, full_bsn=True))} if main_signal else set()
        for signal in sorted(signals, key=lambda s: s.created_at):
            if not signal.has_person_data:
                continue
            value = exact_form(field_text(signal, field, full_bsn=True))
            if value and value not in seen:
                seen.add(value)
                label = str(IdentityField(field).label)
                found.append(Alias(field, label, field_text(signal, field)))
    return found


def choice_label(value: str) -> str:
    return _("Nieuw signaal") if value == "signal" else _("Eerder signaal")
