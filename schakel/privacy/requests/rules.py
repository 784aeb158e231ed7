"""The rules of a data-subject request shared by its writes and reads: the term, who handles
and who contributes, the contact point and the organisations taking part, and the checks the
services share (no identifiers in notes, dates in the past, an open request).
"""

import re
import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.cases.choices import OPEN_PHASES
from schakel.cases.models import Case, Disclosure, Intervention, Invitation, Participation
from schakel.core import validators
from schakel.core.dates import add_months
from schakel.core.errors import StateError
from schakel.core.validators import check_length, collect
from schakel.intake.models import OnlineResearchEntry, Signal
from schakel.network.models import Organisation
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.choices import (
    OPEN_REQUEST_STATUSES,
)
from schakel.privacy.models import RequestContribution, SubjectRequest
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
        activity=PrivacyActivity.SUBJECT_REQUEST,
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
