"""Choosing a person's main identity: at the confirmation that links two signals, and later by
the directing lead. Every choice is kept (history) and logged."""

import uuid
from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.intake import permissions
from schakel.intake.activities import IntakeActivity
from schakel.intake.choices import IdentityChoiceMoment, IdentityField
from schakel.intake.log_subjects import person
from schakel.intake.main_identity import (
    FIELDS,
    confirmation_default,
    current_choices,
    default_signal,
    differs,
    field_text,
)
from schakel.intake.models import IdentityChoice, Signal, Subject

SIDES = ("signal", "earlier_signal")


def clean_sides(choices: Mapping[str, str]) -> dict[str, str]:
    """{field: "signal" | "earlier_signal"} as posted; anything else is refused."""
    cleaned: dict[str, str] = {}
    for field, side in choices.items():
        if field not in IdentityField.values or side not in SIDES:
            raise ValidationError(
                {"identity": [str(_("Kies per gegeven het nieuwe of het eerdere signaal."))]}
            )
        cleaned[field] = side
    return cleaned


def record_confirmation_choices(
    *,
    subject: Subject,
    signal: Signal,
    earlier: Signal,
    choices: Mapping[str, str],
    membership: Membership,
) -> list[IdentityChoice]:
    """At the link: per field where the two registrations differ, the chosen one (default:
    the most complete). A field whose main value a lead chose before keeps it unless the new
    signal is chosen. Called inside the confirming transaction; it logs with it."""
    rows: list[IdentityChoice] = []
    existing = current_choices(subject)
    for field in FIELDS:
        if not differs(signal, earlier, field):
            continue
        side = choices.get(field) or (
            "earlier_signal" if field in existing else confirmation_default(signal, earlier, field)
        )
        if field in existing and side == "earlier_signal":
            continue  # the person's main value stays as a lead chose it
        chosen = {"signal": signal, "earlier_signal": earlier}[side]
        rows.append(_choice(subject, field, chosen, IdentityChoiceMoment.CONFIRMATION, membership))
    return _store(rows, membership, [signal, earlier], "confirmation")


def _choice(
    subject: Subject, field: str, signal: Signal, moment: str, membership: Membership
) -> IdentityChoice:
    return IdentityChoice(
        subject=subject,
        field=field,
        signal=signal,
        moment=moment,
        chosen_by=membership.user,
        organisation=membership.organisation,
    )


def _store(
    rows: list[IdentityChoice], membership: Membership, signals: Iterable[Signal], moment: str
) -> list[IdentityChoice]:
    """Store the choices with their log record (in the caller's transaction)."""
    created = IdentityChoice.objects.bulk_create(rows)
    if created:
        audit.log_processing(
            activity=IntakeActivity.CONVERGENCE_REVIEW,
            name="main_identity_chosen",
            by=membership.user,
            subjects=[person(s) for s in signals],
            attributes={"fields": ",".join(row.field for row in created), "moment": moment},
        )
    return created


def identity_choose(
    *, subject: Subject, membership: Membership, choices: Mapping[str, uuid.UUID]
) -> list[IdentityChoice]:
    """The directing lead chooses, per field, which registration is the main identity."""
    with transaction.atomic():
        signals = {
            s.pk: s
            for s in Signal.objects.select_for_update()
            .filter(subject=subject, person_data_deleted_at=None)
            .order_by("pk")
        }
        directing = {s.directing_municipality_id for s in signals.values()}
        if not signals or not permissions.may_choose_identity(membership, directing):
            raise PermissionDenied
        current = current_choices(subject)
        rows: list[IdentityChoice] = []
        for field, signal_id in choices.items():
            if (
                field not in IdentityField.values
                or signal_id not in signals
                or not field_text(signals[signal_id], field)
            ):
                raise ValidationError({field: [str(_("Kies een van de geregistreerde waarden."))]})
            now = current.get(field) or getattr(default_signal(signals.values(), field), "pk", None)
            if signal_id == now:
                continue
            choice = _choice(
                subject, field, signals[signal_id], IdentityChoiceMoment.CHANGE, membership
            )
            rows.append(choice)
        return _store(rows, membership, signals.values(), "change")
