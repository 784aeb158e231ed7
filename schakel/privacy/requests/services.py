"""Writes of data-subject requests (AVG-verzoeken): register, verify identity, extend and
withdraw; the decision and each organisation's input (inbreng) are in ``requests.decisions``,
the shared rules (term, handlers, contact point, checks) in ``requests.rules``.

- Only the contact point handles a request: members of the contact-point municipality in the
  role of municipal lead or privacy officer (``HANDLER_ROLES``).
- The contact point is the directing municipality of the person's latest open case, else of the
  latest case; without a case, the municipality of residence of the person's latest signal.
- Registering fans the request out to every organisation that took part with this person
  (``organisations_taking_part``); their members record the input in ``CONTRIBUTOR_ROLES``.
- The term is one calendar month from receipt (AVG art. 12(3)), extendable once, before it ends,
  by at most two further months, with a reason and the date the person was told.
- Every write logs under ``PrivacyActivity.SUBJECT_REQUEST`` with the person as subject, in the same
  transaction: when the log cannot be written, nothing happens.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.intake.models import Signal, Subject
from schakel.privacy.choices import (
    RequestKind,
    RequestStatus,
)
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.requests.rules import (
    HANDLER_ROLES,
    NotContactPointError,
    Origin,
    RequestStateError,
    _check_past_date,
    _check_text,
    _identity_errors,
    _lock_open,
    _log,
    _raise,
    _require_handler,
    contact_point_for,
    deadline_for,
    latest_extension,
    organisations_taking_part,
)

# Registration ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationInput:
    kind: str
    received_on: date | None
    description: str
    identity_verified_on: date | None = None
    identity_verification_note: str = ""


def _validate_registration(data: RegistrationInput) -> None:
    errors: dict[str, list[str]] = {}
    if data.kind not in RequestKind.values:
        errors["kind"] = [_("Kies de soort verzoek.")]
    _check_past_date(
        errors,
        "received_on",
        data.received_on,
        required=_("Vul in wanneer het verzoek binnenkwam."),
    )
    _check_text(
        errors, "description", data.description, required=_("Beschrijf wat de persoon vraagt.")
    )
    if data.identity_verified_on is not None or data.identity_verification_note.strip():
        _identity_errors(
            errors,
            data.identity_verified_on,
            data.identity_verification_note,
            received_on=data.received_on,
        )
    _raise(errors)


def _subject_for(origin: Origin) -> Subject:
    """The person of the case or signal; a signal not yet linked to others gets its own
    subject (as on the weighing agenda)."""
    if origin.case is not None:
        return origin.case.subject
    if origin.signal is None:
        raise ValueError("An origin needs a case or a signal.")
    locked = Signal.objects.select_for_update().get(pk=origin.signal.pk)
    if locked.subject_id is not None:
        return Subject.objects.get(pk=locked.subject_id)
    subject = Subject.objects.create()
    locked.subject = subject
    locked.save(update_fields=["subject", "updated_at"])
    return subject


def request_register(
    *, membership: Membership, origin: Origin, data: RegistrationInput
) -> SubjectRequest:
    """Register a request at the contact point and ask every organisation that took part for
    its input. ``origin`` must come from ``request_selectors.origin_for`` (the access check)."""
    contact_point = contact_point_for(origin)
    if membership.role not in HANDLER_ROLES or membership.organisation_id != contact_point.pk:
        raise NotContactPointError(contact_point)
    _validate_registration(data)
    if data.received_on is None:  # validated; keeps the type checker sure
        raise ValidationError({"received_on": [_("Vul in wanneer het verzoek binnenkwam.")]})
    verified = data.identity_verified_on is not None
    with transaction.atomic():
        subject = _subject_for(origin)
        request = SubjectRequest.objects.create(
            subject=subject,
            contact_point=contact_point,
            kind=data.kind,
            received_on=data.received_on,
            description=data.description.strip(),
            registered_by=membership.user,
            identity_verified_on=data.identity_verified_on,
            identity_verified_by=membership.user if verified else None,
            identity_verification_note=data.identity_verification_note.strip() or None,
            deadline_on=deadline_for(data.received_on),
            status=RequestStatus.IN_PROGRESS if verified else RequestStatus.RECEIVED,
        )
        organisations = {org.pk: org for org in organisations_taking_part(subject.pk)}
        organisations.setdefault(contact_point.pk, contact_point)
        RequestContribution.objects.bulk_create(
            RequestContribution(request=request, organisation=org) for org in organisations.values()
        )
        _log(
            membership,
            request,
            "request_registered",
            contributions=len(organisations),
            identity_verified=int(verified),
            origin="case" if origin.case is not None else "signal",
        )
    return request


# Handling --------------------------------------------------------------------------------------


def request_verify_identity(
    *, membership: Membership, request: SubjectRequest, verified_on: date | None, note: str
) -> SubjectRequest:
    """Record when and how the person's identity was established (by the current user)."""
    _require_handler(membership, request)
    errors: dict[str, list[str]] = {}
    _identity_errors(errors, verified_on, note, received_on=request.received_on)
    _raise(errors)
    with transaction.atomic():
        locked = _lock_open(request)
        again = locked.identity_verified_on is not None
        locked.identity_verified_on = verified_on
        locked.identity_verified_by = membership.user
        locked.identity_verification_note = note.strip()
        locked.status = RequestStatus.IN_PROGRESS
        locked.save()
        _log(membership, locked, "request_identity_verified", again=int(again))
    return locked


@dataclass(frozen=True)
class ExtensionInput:
    extended_until: date | None
    reason: str
    informed_on: date | None


def request_extend(
    *, membership: Membership, request: SubjectRequest, data: ExtensionInput
) -> SubjectRequest:
    """Extend the term once, before it ends, to at most three months after receipt."""
    _require_handler(membership, request)
    today = timezone.localdate()
    if request.extended_until is not None:
        _raise({NON_FIELD_ERRORS: [_("De termijn is al verlengd; verlengen kan maar één keer.")]})
    if today > request.deadline_on:
        _raise(
            {
                NON_FIELD_ERRORS: [
                    _(
                        "De termijn is op %(date)s verstreken; verlengen kan alleen vóór het "
                        "einde van de oorspronkelijke termijn."
                    )
                    % {"date": request.deadline_on.strftime("%d-%m-%Y")}
                ]
            }
        )
    errors: dict[str, list[str]] = {}
    latest = latest_extension(request.received_on)
    if data.extended_until is None:
        errors["extended_until"] = [_("Vul in tot wanneer de termijn wordt verlengd.")]
    elif data.extended_until <= request.deadline_on:
        errors["extended_until"] = [_("De nieuwe datum ligt niet na de huidige uiterste datum.")]
    elif data.extended_until > latest:
        errors["extended_until"] = [
            _(
                "Verlengen kan met ten hoogste twee maanden: uiterlijk tot %(date)s "
                "(drie maanden na ontvangst)."
            )
            % {"date": latest.strftime("%d-%m-%Y")}
        ]
    _check_text(errors, "reason", data.reason, required=_("Geef de reden van de verlenging."))
    _check_past_date(
        errors,
        "informed_on",
        data.informed_on,
        required=_("Vul in wanneer de persoon over de verlenging is geïnformeerd."),
    )
    if data.informed_on is not None and not (
        request.received_on <= data.informed_on <= request.deadline_on
    ):
        errors.setdefault("informed_on", []).append(
            _(
                "De persoon moet binnen de oorspronkelijke termijn over de verlenging worden "
                "geïnformeerd (tussen ontvangst en %(date)s)."
            )
            % {"date": request.deadline_on.strftime("%d-%m-%Y")}
        )
    _raise(errors)
    with transaction.atomic():
        locked = _lock_open(request)
        if locked.extended_until is not None:
            raise RequestStateError
        locked.extended_until = data.extended_until
        locked.extension_reason = data.reason.strip()
        locked.extension_informed_on = data.informed_on
        locked.status = RequestStatus.IN_PROGRESS
        locked.save()
        _log(
            membership,
            locked,
            "request_extended",
            days=(locked.due_on - locked.deadline_on).days,
        )
    return locked


def request_withdraw(*, membership: Membership, request: SubjectRequest) -> SubjectRequest:
    """The person withdrew the request: it is closed without a decision."""
    _require_handler(membership, request)
    with transaction.atomic():
        locked = _lock_open(request)
        locked.status = RequestStatus.WITHDRAWN
        locked.closed_at = timezone.now()
        locked.save()
        _log(membership, locked, "request_withdrawn")
    return locked
