"""Writes at the meldpunt. Each service is one transaction with its processing-log records.

If a log record cannot be written the whole action rolls back (fail closed). Validation is
repeated here, whatever the form or serializer already checked, so no caller can bypass it.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import Activity, SubjectType
from schakel.core.dates import add_months
from schakel.intake import permissions, validators
from schakel.intake.choices import (
    DataCategory,
    ReportedBy,
    SignalStatus,
    SourceDomain,
    SourceOpenness,
    SuggestionStatus,
    Urgency,
)
from schakel.intake.convergence import engine
from schakel.intake.convergence.encoding import Identity, encode
from schakel.intake.convergence.normalise import given_name_tokens, split_surname
from schakel.intake.models import (
    MatchSuggestion,
    Phenomenon,
    RelatedPerson,
    Signal,
    Subject,
    SuggestionConfirmation,
)
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation
from schakel.privacy.choices import RetentionKind
from schakel.privacy.models import LegalHold, SubjectRequest
from schakel.privacy.retention.policies import term_months


class AlreadyDecidedError(Exception):
    """The suggestion was decided by someone else in the meantime."""


def person(signal: Signal) -> audit.Subject:
    """The log's data subject for a signal's person: the signal id, logged as a pseudonym."""
    return audit.Subject(SubjectType.PERSON, str(signal.pk))


def related(related_person: RelatedPerson) -> audit.Subject:
    return audit.Subject(SubjectType.RELATED_PERSON, str(related_person.pk))


@dataclass(frozen=True)
class RelatedPersonInput:
    relation: str
    name: str
    date_of_birth: date | None = None


@dataclass(frozen=True)
class SignalInput:
    """Everything a registration holds, as plain values (from a form or the API)."""

    given_names: str
    surname: str
    date_of_birth: date
    residence: Organisation
    observation: str
    observed_on: date
    source_domain: SourceDomain
    phenomenon: Phenomenon
    surname_prefix: str = ""
    sex: str = ""
    bsn: str = ""
    address: str = ""
    observation_category: DataCategory = DataCategory.ORDINARY
    urgency: Urgency = Urgency.NORMAL
    reported_by: ReportedBy = ReportedBy.OWN_ORGANISATION
    reporter_contact: str = ""
    reporter_contact_category: DataCategory = DataCategory.ORDINARY
    online_platform: str = ""
    online_source_openness: str = ""
    online_content: str = ""
    online_content_category: DataCategory = DataCategory.ORDINARY
    capture_fingerprint: str = ""
    related_persons: tuple[RelatedPersonInput, ...] = field(default=())


def check_length(errors: dict[str, list[str]], name: str, value: str, maximum: int) -> None:
    if len(value) > maximum:
        errors.setdefault(name, []).append(
            str(_("Maximaal %(max)s tekens (nu %(now)s)."))
            % {
                "max": number_format(maximum, force_grouping=True),
                "now": number_format(len(value), force_grouping=True),
            }
        )


def collect(errors: dict[str, list[str]], name: str, check: object, value: object) -> None:
    try:
        check(value)  # type: ignore[operator]
    except ValidationError as error:
        errors.setdefault(name, []).extend(error.messages)


def validate_signal_input(data: SignalInput, *, membership: Membership) -> None:
    """Raise one ValidationError with every problem, keyed by field name."""
    errors: dict[str, list[str]] = {}
    for name in ("given_names", "surname_prefix", "surname"):
        value = getattr(data, name)
        check_length(errors, name, value, validators.NAME_MAX_LENGTH)
        collect(errors, name, validators.validate_name_characters, value)
    # Bounded names: a long string of names would resemble many people at once and turn
    # registration into a way to find out who is known.
    if len(given_name_tokens(data.given_names)) > validators.MAX_GIVEN_NAMES:
        errors.setdefault("given_names", []).append(
            str(_("Vul ten hoogste %(max)s voornamen in.") % {"max": validators.MAX_GIVEN_NAMES})
        )
    if len(split_surname(data.surname_prefix, data.surname)[1]) > validators.MAX_SURNAME_PARTS:
        errors.setdefault("surname", []).append(
            str(
                _("Een achternaam heeft ten hoogste %(max)s delen.")
                % {"max": validators.MAX_SURNAME_PARTS}
            )
        )
    for name in ("given_names", "surname"):
        if not getattr(data, name).strip():
            errors.setdefault(name, []).append(str(_("Dit veld is vereist.")))
        collect(errors, name, validators.validate_has_letters, getattr(data, name))
    check_length(errors, "address", data.address, validators.ADDRESS_MAX_LENGTH)
    collect(errors, "address", validators.validate_no_control_characters, data.address)
    for name in ("observation", "reporter_contact", "online_platform", "online_content"):
        value = getattr(data, name)
        check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
        collect(errors, name, validators.validate_no_control_characters, value)
    if not data.observation.strip():
        errors.setdefault("observation", []).append(str(_("Beschrijf wat is waargenomen.")))
    collect(errors, "date_of_birth", validators.validate_date_of_birth, data.date_of_birth)
    collect(errors, "observed_on", validators.validate_not_in_future, data.observed_on)
    collect(errors, "bsn", validators.validate_bsn, data.bsn)
    try:
        validators.validate_bsn_allowed(
            data.bsn, may_process_bsn=membership.organisation.may_process_bsn
        )
    except ValidationError as error:
        errors["bsn"] = list(error.messages)
    collect(errors, "capture_fingerprint", validators.validate_sha256, data.capture_fingerprint)
    if data.residence.kind != OrganisationKind.MUNICIPALITY or not data.residence.is_active:
        errors.setdefault("residence", []).append(str(_("Kies een gemeente uit de lijst.")))
    if not data.phenomenon.is_active:
        errors.setdefault("phenomenon", []).append(str(_("Kies een fenomeen uit de lijst.")))
    if data.reported_by == ReportedBy.CITIZEN and not permissions.may_report_for_citizen(
        membership
    ):
        errors.setdefault("reported_by", []).append(
            str(_("Alleen het meldpunt van de gemeente registreert namens een burger."))
        )
    if data.reporter_contact and data.reported_by != ReportedBy.CITIZEN:
        errors.setdefault("reporter_contact", []).append(
            str(_("Contactgegevens van een melder horen alleen bij een melding van een burger."))
        )
    if data.source_domain != SourceDomain.ONLINE and (
        data.online_platform or data.online_content or data.capture_fingerprint
    ):
        errors.setdefault("source_domain", []).append(
            str(_("Online gegevens horen bij het brondomein „Online”."))
        )
    if data.online_source_openness and data.online_source_openness not in SourceOpenness.values:
        errors.setdefault("online_source_openness", []).append(str(_("Kies een waarde.")))
    if data.sex and data.sex not in {"female", "male", "other"}:
        errors.setdefault("sex", []).append(str(_("Kies een waarde.")))
    for index, item in enumerate(data.related_persons):
        prefix = f"related_persons.{index}"
        check_length(errors, f"{prefix}.name", item.name, validators.NAME_MAX_LENGTH)
        check_length(errors, f"{prefix}.relation", item.relation, 120)
        collect(errors, f"{prefix}.name", validators.validate_name_characters, item.name)
        collect(
            errors, f"{prefix}.relation", validators.validate_no_control_characters, item.relation
        )
        if not item.name.strip():
            errors.setdefault(f"{prefix}.name", []).append(str(_("Vul een naam in.")))
        if item.date_of_birth is not None:
            collect(
                errors,
                f"{prefix}.date_of_birth",
                validators.validate_date_of_birth,
                item.date_of_birth,
            )
    if errors:
        raise ValidationError(errors)


def expiry_from(moment: datetime) -> datetime:
    """When a signal registered at ``moment`` expires unless it is weighed: the retention term
    for never-weighed signals (``privacy.retention``), in calendar months."""
    return add_months(moment, term_months(RetentionKind.SIGNAL_NOT_WEIGHED))


@dataclass(frozen=True)
class Registration:
    signal: Signal
    suggestions: list[MatchSuggestion]


def _identity(data: SignalInput) -> Identity:
    return Identity(
        given_names=data.given_names,
        surname_prefix=data.surname_prefix,
        surname=data.surname,
        date_of_birth=data.date_of_birth,
        sex=data.sex,
        bsn=validators.bsn_digits(data.bsn),
    )


def signal_register(*, membership: Membership, data: SignalInput) -> Registration:
    """Register a signal, index its encoding and suggest earlier signals about the same person."""
    if not permissions.may_register_signal(membership):
        raise PermissionDenied
    validate_signal_input(data, membership=membership)
    now = timezone.now()
    identity = _identity(data)
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
            date_of_birth=data.date_of_birth.isoformat(),
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
        audit.log_processing(
            activity=Activity.SIGNAL_REGISTRATION,
            name="signal_register",
            by=membership.user,
            subjects=[person(signal), *(related(r) for r in related_persons)],
            attributes={
                "source_domain": data.source_domain,
                "urgency": data.urgency,
                "with_bsn": bool(identity.bsn),
                "related_persons": len(related_persons),
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
        activity=Activity.CONVERGENCE_REVIEW,
        name="convergence_check",
        by=by.user if by else None,
        subjects=[person(signal)],
        attributes={"suggestions": len(suggestions)},
    )
    for suggestion in suggestions:
        audit.log_processing(
            activity=Activity.CONVERGENCE_REVIEW,
            name="convergence_suggest",
            by=by.user if by else None,
            subjects=[
                person(signal),
                audit.Subject(SubjectType.PERSON, str(suggestion.earlier_signal_id)),
            ],
            attributes={"suggestion": str(suggestion.pk), "score": suggestion.score},
        )


class MergeRefusedError(Exception):
    """Linking would join people whose signals another municipality directs; that meldpunt
    must be involved first."""


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
    # data-subject requests and legal holds are about the same person and move along.
    joined = [pk for pk in subject_ids if pk != subject.pk]
    if joined:
        SubjectRequest.objects.filter(subject_id__in=joined).update(subject=subject)
        LegalHold.objects.filter(subject_id__in=joined).update(subject=subject)
        Subject.objects.filter(pk__in=joined).delete()
    return subject, moved


def suggestion_decide(
    *, suggestion: MatchSuggestion, membership: Membership, confirm: bool
) -> MatchSuggestion:
    """A municipal lead confirms ("same person") or rejects (remembered) a suggestion.

    A rejection by either municipality is final. A confirmation links the signals once every
    municipality that directs one of them has confirmed; until then the suggestion stays open.
    """
    if not permissions.may_decide_suggestion(membership, suggestion):
        raise PermissionDenied
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
        }
        subjects = [person(first), person(second)]
        complete = False
        if confirm:
            SuggestionConfirmation.objects.create(
                suggestion=locked,
                organisation=membership.organisation,
                confirmed_by=membership.user,
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
        audit.log_processing(
            activity=Activity.CONVERGENCE_REVIEW,
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
            activity=Activity.SIGNAL_REGISTRATION,
            name="signal_status",
            by=membership.user,
            subjects=[person(locked)],
            attributes={"status": status},
        )
    return locked
