"""Writes of data-subject requests (AVG-verzoeken): register, verify identity, extend, decide,
withdraw, and each organisation's input (inbreng).

- Only the contact point handles a request: members of the contact-point municipality in the
  role of municipal lead or privacy officer (``HANDLER_ROLES``).
- The contact point is the directing municipality of the person's latest open case, else of the
  latest case; without a case, the municipality of residence of the person's latest signal.
- Registering fans the request out to every organisation that took part with this person
  (``organisations_taking_part``); their members record the input in ``CONTRIBUTOR_ROLES``.
- The term is one calendar month from receipt (AVG art. 12(3)), extendable once, before it ends,
  by at most two further months, with a reason and the date the person was told.
- Every write logs under ``Activity.SUBJECT_REQUEST`` with the person as subject, in the same
  transaction: when the log cannot be written, nothing happens.
"""

import re
import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import Activity, SubjectType
from schakel.cases.choices import OPEN_PHASES
from schakel.cases.models import Case, Intervention, Invitation, Participation
from schakel.core import validators
from schakel.core.dates import add_months
from schakel.core.errors import StateError
from schakel.core.validators import check_length, collect
from schakel.intake.models import OnlineResearchEntry, Signal, Subject
from schakel.network.models import Organisation
from schakel.privacy.choices import (
    OPEN_REQUEST_STATUSES,
    ContributionStatus,
    RequestDecision,
    RequestKind,
    RequestRestriction,
    RequestStatus,
)
from schakel.privacy.models import Disclosure, RequestContribution, SubjectRequest
from schakel.weighing.models import WeighingItem, WeighingSession

# Who handles a request at the contact point, and who gives an organisation's input.
HANDLER_ROLES = frozenset({Role.MUNICIPAL_LEAD, Role.PRIVACY_OFFICER})
CONTRIBUTOR_ROLES = frozenset(
    {Role.PRIVACY_OFFICER, Role.MUNICIPAL_LEAD, Role.PROCESS_DIRECTOR, Role.PARTNER_MEMBER}
)
# AVG art. 12(3): one month, extendable by two further months.
TERM_MONTHS = 1
MAX_TERM_MONTHS = 3


class RequestStateError(StateError):
    """The request was closed (decided or withdrawn) meanwhile; nothing was changed."""

    detail = gettext_lazy("Er is niets opgeslagen: het verzoek is intussen afgehandeld.")


class NotContactPointError(Exception):
    """The user may see the person's case or signal, but another organisation is the contact
    point (naming it tells them nothing new: they see the case or signal)."""

    def __init__(self, contact_point: Organisation) -> None:
        super().__init__(contact_point.name)
        self.contact_point = contact_point

    @property
    def message(self) -> str:
        return _(
            "Verzoeken over deze persoon worden geregistreerd door het contactpunt: "
            "%(organisation)s. Daar registreert de regievoerder of de privacyfunctionaris "
            "het verzoek. Verwijs de persoon naar %(organisation)s."
        ) % {"organisation": self.contact_point.name}


# Deadlines -------------------------------------------------------------------------------------


def deadline_for(received_on: date) -> date:
    """The statutory term: one calendar month after receipt (31 January → 28/29 February)."""
    return add_months(received_on, TERM_MONTHS)


def latest_extension(received_on: date) -> date:
    """The furthest a term can be extended to: three calendar months after receipt."""
    return add_months(received_on, MAX_TERM_MONTHS)


def days_left(request: SubjectRequest, today: date | None = None) -> int:
    """Days until the due date (negative: overdue)."""
    due: date = request.due_on
    return (due - (today or timezone.localdate())).days


# Who does what ---------------------------------------------------------------------------------


def handles(membership: Membership | None, request: SubjectRequest) -> bool:
    return (
        membership is not None
        and membership.role in HANDLER_ROLES
        and membership.organisation_id == request.contact_point_id
    )


def contributes(membership: Membership | None, contribution: RequestContribution) -> bool:
    return (
        membership is not None
        and membership.role in CONTRIBUTOR_ROLES
        and membership.organisation_id == contribution.organisation_id
    )


def is_open(request: SubjectRequest) -> bool:
    return request.status in OPEN_REQUEST_STATUSES


def person_of(request: SubjectRequest) -> audit.Subject:
    return audit.Subject(SubjectType.PERSON, str(request.subject_id))


def _log(
    membership: Membership, request: SubjectRequest, name: str, **attributes: str | int
) -> None:
    audit.log_processing(
        activity=Activity.SUBJECT_REQUEST,
        name=name,
        by=membership.user,
        subjects=[person_of(request)],
        attributes={"kind": request.kind, **attributes},
    )


# The contact point and the organisations that took part --------------------------------------


@dataclass(frozen=True)
class Origin:
    """Where a registration starts: a case or a signal the registering user can reach."""

    case: Case | None = None
    signal: Signal | None = None

    @property
    def subject_id(self) -> uuid.UUID | None:
        if self.case is not None:
            return self.case.subject_id
        return self.signal.subject_id if self.signal is not None else None


def contact_point_for(origin: Origin) -> Organisation:
    """The directing municipality of the person's latest open case, else latest case; without
    a case, the municipality of residence of the person's latest signal."""
    subject_id = origin.subject_id
    if subject_id is not None:
        cases = Case.objects.filter(subject_id=subject_id).select_related("directing_municipality")
        case = (
            cases.filter(phase__in=OPEN_PHASES).order_by("-opened_at").first()
            or cases.order_by("-opened_at").first()
        )
        if case is not None:
            return case.directing_municipality
        signal = (
            Signal.objects.filter(subject_id=subject_id)
            .select_related("directing_municipality")
            .order_by("-created_at")
            .first()
        )
        if signal is not None:
            return signal.directing_municipality
    if origin.signal is not None:
        return origin.signal.directing_municipality
    if origin.case is not None:
        return origin.case.directing_municipality
    raise ValueError("An origin needs a case or a signal.")


def organisations_taking_part(subject_id: uuid.UUID) -> list[Organisation]:
    """Every organisation that took part with this person, in any period: case participants,
    directing municipalities and ZVHs, invited organisations, disclosing and receiving
    organisations, intervention owners, registering organisations and municipalities of
    residence of the signals, weighing-session participants and online research."""
    cases = Case.objects.filter(subject_id=subject_id)
    signals = Signal.objects.filter(subject_id=subject_id)
    disclosures = Disclosure.objects.filter(agenda_item__case__subject_id=subject_id)
    sources = [
        cases.values("directing_municipality_id"),
        cases.values("zvh_id"),
        Participation.objects.filter(case__subject_id=subject_id).values("organisation_id"),
        Invitation.objects.filter(agenda_item__case__subject_id=subject_id).values(
            "organisation_id"
        ),
        disclosures.values("from_organisation_id"),
        Disclosure.recipients.through.objects.filter(disclosure__in=disclosures).values(
            "organisation_id"
        ),
        Intervention.objects.filter(plan__case__subject_id=subject_id).values("owner_id"),
        signals.values("registering_organisation_id"),
        signals.values("directing_municipality_id"),
        WeighingItem.objects.filter(subject_id=subject_id).values("directing_municipality_id"),
        WeighingSession.participants.through.objects.filter(
            weighingsession__items__subject_id=subject_id
        ).values("organisation_id"),
        OnlineResearchEntry.objects.filter(signal__subject_id=subject_id).values("municipality_id"),
    ]
    condition = Q(pk__in=sources[0])
    for source in sources[1:]:
        condition |= Q(pk__in=source)
    return list(Organisation.objects.filter(condition).order_by("name"))


# Validation ------------------------------------------------------------------------------------

# Whatever looks like a BSN or an identity-document number has no place in the note: only how
# the identity was established is recorded, never a copy or number of the document.
_BSN_GROUPED = re.compile(r"(?<![\d-])\d{4}[ .]\d{2}[ .]\d{3}(?![\d-])")
_DIGIT_RUN = re.compile(r"\d{7,}")
_DOCUMENT_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[A-Za-z])(?=(?:[A-Za-z]*\d){2})[A-Za-z0-9]{8,10}(?![A-Za-z0-9])"
)


def looks_like_identifier(text: str) -> bool:
    """A BSN (also written in groups), a long number, or a document number such as a passport
    or identity-card number (8–10 letters and digits, with at least two digits)."""
    if _BSN_GROUPED.search(text) or _DIGIT_RUN.search(text):
        return True
    return bool(_DOCUMENT_NUMBER.search(text))


def _check_text(
    errors: dict[str, list[str]], name: str, value: str, *, required: str | None
) -> None:
    if required is not None and not value.strip():
        errors.setdefault(name, []).append(required)
    check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
    collect(errors, name, validators.validate_no_control_characters, value)


def _check_past_date(
    errors: dict[str, list[str]], name: str, value: date | None, *, required: str
) -> None:
    if value is None:
        errors.setdefault(name, []).append(required)
    elif value > timezone.localdate():
        errors.setdefault(name, []).append(_("Deze datum ligt in de toekomst."))


def _identity_errors(
    errors: dict[str, list[str]], verified_on: date | None, note: str, *, received_on: date | None
) -> None:
    _check_past_date(
        errors,
        "identity_verified_on",
        verified_on,
        required=_("Vul in wanneer de identiteit is vastgesteld."),
    )
    if verified_on is not None and received_on is not None and verified_on < received_on:
        errors.setdefault("identity_verified_on", []).append(
            _(
                "De identiteit kan niet zijn vastgesteld vóór de datum waarop het verzoek "
                "binnenkwam."
            )
        )
    _check_text(
        errors,
        "identity_verification_note",
        note,
        required=_("Beschrijf hoe de identiteit is vastgesteld (bijvoorbeeld aan de balie)."),
    )
    if looks_like_identifier(note):
        errors.setdefault("identity_verification_note", []).append(
            _(
                "Noteer alleen hoe de identiteit is vastgesteld, nooit een BSN of het nummer "
                "van een identiteitsbewijs. Verwijder het nummer."
            )
        )


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _require_handler(membership: Membership, request: SubjectRequest) -> None:
    if not handles(membership, request):
        raise PermissionDenied


def _lock_open(request: SubjectRequest) -> SubjectRequest:
    locked = SubjectRequest.objects.select_for_update().get(pk=request.pk)
    if not is_open(locked):
        raise RequestStateError
    return locked


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


@dataclass(frozen=True)
class DecisionInput:
    decision: str
    restriction: str
    grounds: str
    decided_on: date | None
    without_all_input: bool = False


def _validate_decision(request: SubjectRequest, data: DecisionInput, open_count: int) -> None:
    errors: dict[str, list[str]] = {}
    if data.decision not in RequestDecision.values:
        errors["decision"] = [_("Kies het besluit.")]
    if data.restriction not in RequestRestriction.values:
        errors["restriction"] = [_("Kies een beperking uit de lijst.")]
    elif data.restriction and data.decision == RequestDecision.GRANTED:
        errors["restriction"] = [
            _("Met een beperking is het verzoek gedeeltelijk toegewezen of afgewezen.")
        ]
    needs_grounds = data.decision != RequestDecision.GRANTED or bool(data.restriction)
    _check_text(
        errors,
        "grounds",
        data.grounds,
        required=_("Geef de gronden van het besluit: het verzoek wordt niet volledig toegewezen.")
        if needs_grounds
        else None,
    )
    _check_past_date(
        errors, "decided_on", data.decided_on, required=_("Vul de datum van het besluit in.")
    )
    if data.decided_on is not None and data.decided_on < request.received_on:
        errors.setdefault("decided_on", []).append(
            _("Het besluit kan niet vóór de ontvangst van het verzoek liggen.")
        )
    if (
        data.decision in (RequestDecision.GRANTED, RequestDecision.PARTIALLY_GRANTED)
        and request.identity_verified_on is None
    ):
        errors.setdefault("decision", []).append(
            _("Leg eerst vast hoe de identiteit van de persoon is vastgesteld.")
        )
    if open_count and not data.without_all_input:
        errors["without_all_input"] = [
            ngettext(
                "Nog %(count)s organisatie gaf geen inbreng. Bevestig dat u besluit zonder "
                "alle inbreng.",
                "Nog %(count)s organisaties gaven geen inbreng. Bevestig dat u besluit zonder "
                "alle inbreng.",
                open_count,
            )
            % {"count": open_count}
        ]
    _raise(errors)


def request_decide(
    *, membership: Membership, request: SubjectRequest, data: DecisionInput
) -> SubjectRequest:
    """Record the contact point's decision and its grounds; this closes the request."""
    _require_handler(membership, request)
    open_count = request.contributions.filter(status=ContributionStatus.OPEN).count()
    _validate_decision(request, data, open_count)
    with transaction.atomic():
        locked = _lock_open(request)
        open_count = locked.contributions.filter(status=ContributionStatus.OPEN).count()
        if open_count and not data.without_all_input:
            raise RequestStateError
        locked.decision = data.decision
        locked.restriction = data.restriction
        locked.decision_grounds = data.grounds.strip() or None
        locked.decided_on = data.decided_on
        locked.decided_by = membership.user
        locked.status = RequestStatus.DECIDED
        locked.closed_at = timezone.now()
        locked.save()
        _log(
            membership,
            locked,
            "request_decided",
            decision=data.decision,
            restriction=data.restriction or "none",
            open_contributions=open_count,
            without_all_input=int(bool(open_count)),
            late=int(data.decided_on is not None and data.decided_on > locked.due_on),
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


# Input of the organisations that took part -----------------------------------------------------


@dataclass(frozen=True)
class ContributionInput:
    holds_data: bool | None
    input: str
    objects_to_disclosure: bool = False


def contribution_answer(
    *, membership: Membership, contribution: RequestContribution, data: ContributionInput
) -> RequestContribution:
    """An organisation's input: whether it holds data, what (or remarks), and whether it
    objects to disclosure to the person (with the reason in the input). It may be changed
    while the request is open."""
    if not contributes(membership, contribution):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if data.holds_data is None:
        errors["holds_data"] = [_("Geef aan of uw organisatie gegevens over de persoon verwerkt.")]
    required = None
    if data.objects_to_disclosure:
        required = _("Licht toe waarom uw organisatie bezwaar heeft tegen verstrekking.")
    elif data.holds_data:
        required = _("Beschrijf welke gegevens uw organisatie verwerkt.")
    _check_text(errors, "input", data.input, required=required)
    _raise(errors)
    with transaction.atomic():
        request = _lock_open(contribution.request)
        locked = RequestContribution.objects.select_for_update().get(pk=contribution.pk)
        again = locked.status == ContributionStatus.ANSWERED
        locked.holds_data = data.holds_data
        locked.input = data.input.strip() or None
        locked.objects_to_disclosure = data.objects_to_disclosure
        locked.status = ContributionStatus.ANSWERED
        locked.answered_by = membership.user
        locked.answered_at = timezone.now()
        locked.save()
        if request.status == RequestStatus.RECEIVED:
            request.status = RequestStatus.IN_PROGRESS
            request.save(update_fields=["status", "updated_at"])
        _log(
            membership,
            request,
            "request_contribution_answered",
            holds_data=int(bool(data.holds_data)),
            objects_to_disclosure=int(data.objects_to_disclosure),
            again=int(again),
        )
    return locked
