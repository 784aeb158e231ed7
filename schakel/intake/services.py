"""Writes at the meldpunt. Each service is one transaction with its processing-log records.

If a log record cannot be written the whole action rolls back (fail closed). Validation is
repeated here, whatever the form or serializer already checked, so no caller can bypass it.
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.core import validators
from schakel.core.dates import add_months
from schakel.core.errors import StateError
from schakel.core.extensions import PERSON_JOIN_HOOKS, contributions
from schakel.core.validators import check_length, collect
from schakel.intake import permissions
from schakel.intake.activities import IntakeActivity
from schakel.intake.choices import SignalStatus, SuggestionStatus
from schakel.intake.convergence import engine
from schakel.intake.convergence.encoding import encode
from schakel.intake.log_subjects import person, related
from schakel.intake.main_identity_services import clean_sides, record_confirmation_choices
from schakel.intake.models import (
    IdentityChoice,
    MatchSuggestion,
    OnlineAccount,
    RelatedPerson,
    Signal,
    Subject,
    SuggestionConfirmation,
)
from schakel.intake.signal_input import (
    AccountInput,
    RelatedPersonInput,
    SignalInput,
    identity_of_input,
    validate_signal_input,
)
from schakel.legal.choices import RetentionKind
from schakel.legal.terms import term_months

__all__ = [
    "AccountInput",
    "RelatedPersonInput",
    "SignalInput",
    "person",
    "related",
    "signal_register",
    "validate_signal_input",
]


class AlreadyDecidedError(StateError):
    """The suggestion was decided by someone else in the meantime."""

    detail = _("Iemand anders heeft dit intussen al afgehandeld. Haal de gegevens opnieuw op.")


def expiry_from(moment: datetime) -> datetime:
    """When a signal registered at ``moment`` expires unless it is weighed: the retention term
    for never-weighed signals (``privacy.retention``), in calendar months."""
    return add_months(moment, term_months(RetentionKind.SIGNAL_NOT_WEIGHED))


@dataclass(frozen=True)
class Registration:
    signal: Signal
    suggestions: list[MatchSuggestion]


def signal_register(*, membership: Membership, data: SignalInput) -> Registration:
    """Register a signal, index its encoding and suggest earlier signals about the same person."""
    if not permissions.may_register_signal(membership):
        raise PermissionDenied
    validate_signal_input(data, membership=membership)
    now = timezone.now()
    identity = identity_of_input(data)
    encoding = encode(identity)
    with transaction.atomic():
        signal = Signal.objects.create(
            registering_organisation=membership.organisation,
            registered_by=membership.user,
            registered_in_role=membership.role,
            reported_by=data.reported_by,
            directing_municipality=data.residence,
            status=SignalStatus.NEW,
            status_changed_at=now,
            source_domain=data.source_domain,
            phenomenon=data.phenomenon,
            urgency=data.urgency,
            observed_on=data.observed_on,
            expires_at=expiry_from(now),
            given_names=data.given_names.strip(),
            surname_prefix=data.surname_prefix.strip(),
            surname=data.surname.strip(),
            date_of_birth=data.date_of_birth.isoformat() if data.date_of_birth else "",
            birth_year=str(data.birth_year) if data.birth_year is not None else "",
            age_estimate=f"{data.age_estimate[0]}-{data.age_estimate[1]}"
            if data.age_estimate
            else "",
            sex=data.sex,
            bsn=identity.bsn,
            address=data.address.strip(),
            observation=data.observation,
            observation_category=data.observation_category,
            reporter_contact=data.reporter_contact,
            reporter_contact_category=data.reporter_contact_category,
            online_platform=data.online_platform,
            online_source_openness=data.online_source_openness,
            online_content=data.online_content,
            online_content_category=data.online_content_category,
            capture_fingerprint=data.capture_fingerprint.lower(),
        )
        related_persons = RelatedPerson.objects.bulk_create(
            RelatedPerson(
                signal=signal,
                relation=item.relation.strip(),
                name=item.name.strip(),
                date_of_birth=item.date_of_birth.isoformat() if item.date_of_birth else "",
            )
            for item in data.related_persons
        )
        OnlineAccount.objects.bulk_create(
            OnlineAccount(signal=signal, platform=a.platform.strip(), handle=a.handle.strip())
            for a in data.online_accounts
        )
        audit.log_processing(
            activity=IntakeActivity.SIGNAL_REGISTRATION,
            name="signal_register",
            by=membership.user,
            subjects=[person(signal), *(related(r) for r in related_persons)],
            attributes={
                "source_domain": data.source_domain,
                "urgency": data.urgency,
                "with_bsn": bool(identity.bsn),
                "related_persons": len(related_persons),
                "online_accounts": len(data.online_accounts),
            },
        )
        engine.store_encoding(signal, encoding)
        suggestions = engine.suggest_for(signal, encoding)
        _log_suggestions(signal, suggestions, by=membership)
    return Registration(signal=signal, suggestions=suggestions)


def _log_suggestions(
    signal: Signal, suggestions: list[MatchSuggestion], *, by: Membership | None
) -> None:
    audit.log_processing(
        activity=IntakeActivity.CONVERGENCE_REVIEW,
        name="convergence_check",
        by=by.user if by else None,
        subjects=[person(signal)],
        attributes={"suggestions": len(suggestions)},
    )
    for suggestion in suggestions:
        audit.log_processing(
            activity=IntakeActivity.CONVERGENCE_REVIEW,
            name="convergence_suggest",
            by=by.user if by else None,
            subjects=[
                person(signal),
                audit.Subject(SubjectType.PERSON, str(suggestion.earlier_signal_id)),
            ],
            attributes={"suggestion": str(suggestion.pk), "score": suggestion.score},
        )


class MergeRefusedError(StateError):
    """Linking would join people whose signals another municipality directs; that meldpunt
    must be involved first."""

    detail = _(
        "Niet gekoppeld: deze signalen horen al bij betrokkenen met signalen bij een ander "
        "meldpunt. Overleg eerst met dat meldpunt."
    )


def required_municipalities(first: Signal, second: Signal) -> set[uuid.UUID]:
    """Every municipality that must say "same person": the directing municipalities of the two
    signals (one, when both are directed by the same municipality)."""
    return {first.directing_municipality_id, second.directing_municipality_id}


def _link(first: Signal, second: Signal) -> tuple[Subject, list[Signal]]:
    """Put both signals (and every signal already confirmed with either) under one subject.

    Returns the subject and the signals that moved to it. Two existing subjects are joined
    only when every one of their signals is directed by a municipality that confirmed.
    """
    subject_ids = [s for s in (second.subject_id, first.subject_id) if s is not None]
    others = list(
        Signal.objects.select_for_update()
        .filter(subject_id__in=subject_ids)
        .exclude(pk__in=[first.pk, second.pk])
        .order_by("pk")
    )
    if len(set(subject_ids)) > 1 and any(
        s.directing_municipality_id not in required_municipalities(first, second) for s in others
    ):
        raise MergeRefusedError
    # A subject already weighed or in a case keeps its identity: the other joins it. Two such
    # subjects are not joined here (their weighings and cases would have to be merged by hand).
    in_process = list(
        Subject.objects.filter(pk__in=set(subject_ids))
        .filter(Q(weighing_items__isnull=False) | Q(cases__isnull=False))
        .distinct()
        .values_list("pk", flat=True)
    )
    if len(in_process) > 1:
        raise MergeRefusedError
    keep = in_process[0] if in_process else (subject_ids[0] if subject_ids else None)
    subject = Subject.objects.get(pk=keep) if keep else Subject.objects.create()
    moved = [s for s in others if s.subject_id != subject.pk]
    Signal.objects.filter(pk__in=[s.pk for s in moved]).update(subject=subject)
    Signal.objects.filter(pk__in=[first.pk, second.pk]).update(subject=subject)
    # A subject left without signals (joined into the other) has nothing to hold together; its
    # main-identity choices (with their history) and what other apps hold about it (their
    # PERSON_JOIN_HOOKS: data-subject requests, legal holds) are about the same person and
    # move along.
    joined = [pk for pk in subject_ids if pk != subject.pk]
    if joined:
        IdentityChoice.objects.filter(subject_id__in=joined).update(subject=subject)
        for move_along in contributions(PERSON_JOIN_HOOKS):
            move_along(joined=joined, into=subject)
        Subject.objects.filter(pk__in=joined).delete()
    return subject, moved


def suggestion_decide(
    *,
    suggestion: MatchSuggestion,
    membership: Membership,
    confirm: bool,
    identity_choices: Mapping[str, str] | None = None,
) -> MatchSuggestion:
    """A municipal lead confirms ("same person") or rejects (remembered) a suggestion.

    A rejection by either municipality is final. A confirmation links the signals once every
    municipality that directs one of them has confirmed; until then the suggestion stays open.
    With the confirmation the lead chooses, per field where the two differ, which signal holds
    the main identity ({field: "signal" | "earlier_signal"}; default: the most complete); the
    last confirming lead's choice applies.
    """
    if not permissions.may_decide_suggestion(membership, suggestion):
        raise PermissionDenied
    choices = clean_sides(identity_choices or {})
    with transaction.atomic():
        # Signals first, in a fixed order (as the expiry does), then the suggestion.
        signals = {
            s.pk: s
            for s in Signal.objects.select_for_update()
            .filter(pk__in=[suggestion.signal_id, suggestion.earlier_signal_id])
            .order_by("pk")
        }
        locked = MatchSuggestion.objects.select_for_update().filter(pk=suggestion.pk).first()
        if locked is None or locked.status != SuggestionStatus.OPEN or len(signals) != 2:
            raise AlreadyDecidedError
        first, second = signals[locked.signal_id], signals[locked.earlier_signal_id]
        if not (first.has_person_data and second.has_person_data):
            raise AlreadyDecidedError
        confirmed_by = set(locked.confirmations.values_list("organisation_id", flat=True))
        if membership.organisation_id in confirmed_by:
            raise AlreadyDecidedError
        attributes: dict[str, str | int | bool] = {
            "suggestion": str(locked.pk),
            "score": locked.score,
            "band": locked.band,
        }
        subjects = [person(first), person(second)]
        complete = False
        if confirm:
            SuggestionConfirmation.objects.create(
                suggestion=locked,
                organisation=membership.organisation,
                confirmed_by=membership.user,
                identity_choices=choices,
            )
            confirmed_by.add(membership.organisation_id)
            complete = required_municipalities(first, second) <= confirmed_by
        if confirm and not complete:
            name = "convergence_confirm_one_side"
        else:
            locked.status = SuggestionStatus.CONFIRMED if confirm else SuggestionStatus.REJECTED
            locked.decided_by = membership.user
            locked.decided_for = membership.organisation
            locked.decided_at = timezone.now()
            locked.save(
                update_fields=["status", "decided_by", "decided_for", "decided_at", "updated_at"]
            )
            name = "convergence_confirm" if confirm else "convergence_reject"
            if confirm:
                subject, moved = _link(first, second)
                attributes["subject"] = str(subject.pk)
                subjects += [person(s) for s in moved]
                earlier_choices: dict[str, str] = {}
                for stored in locked.confirmations.order_by("created_at"):
                    earlier_choices.update(stored.identity_choices or {})
                record_confirmation_choices(
                    subject=subject,
                    signal=first,
                    earlier=second,
                    choices={**earlier_choices, **choices},
                    membership=membership,
                )
        audit.log_processing(
            activity=IntakeActivity.CONVERGENCE_REVIEW,
            name=name,
            by=membership.user,
            subjects=subjects,
            attributes=attributes,
        )
    return locked


HANDLING_TRANSITIONS = {
    SignalStatus.NEW: {SignalStatus.UNDER_REVIEW, SignalStatus.CLOSED_WITHOUT_ACTION},
    SignalStatus.UNDER_REVIEW: {SignalStatus.CLOSED_WITHOUT_ACTION},
    SignalStatus.CLOSED_WITHOUT_ACTION: {SignalStatus.UNDER_REVIEW},
}


def signal_set_status(
    *, signal: Signal, membership: Membership, status: SignalStatus, note: str = ""
) -> Signal:
    """The directing municipality takes a signal in handling, closes it without action, or
    reopens it. Closing needs a note. Linking to a weighing is the weighing's own action."""
    if not permissions.may_handle_signal(membership, signal):
        raise PermissionDenied
    if status not in HANDLING_TRANSITIONS.get(SignalStatus(signal.status), set()):
        raise ValidationError(
            {"status": [str(_("Deze statuswijziging is nu niet mogelijk."))]}, code="transition"
        )
    errors: dict[str, list[str]] = {}
    check_length(errors, "note", note, validators.TEXT_MAX_LENGTH)
    collect(errors, "note", validators.validate_no_control_characters, note)
    if status == SignalStatus.CLOSED_WITHOUT_ACTION and not note.strip():
        errors.setdefault("note", []).append(
            str(_("Licht toe waarom het signaal zonder actie wordt afgesloten."))
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Signal.objects.select_for_update().get(pk=signal.pk)
        if locked.status != signal.status:
            raise AlreadyDecidedError
        locked.status = status
        locked.status_changed_at = timezone.now()
        if note.strip():
            locked.handling_note = note.strip()
        locked.save(update_fields=["status", "status_changed_at", "handling_note", "updated_at"])
        audit.log_processing(
            activity=IntakeActivity.SIGNAL_REGISTRATION,
            name="signal_status",
            by=membership.user,
            subjects=[person(locked)],
            attributes={"status": status},
        )
    return locked
