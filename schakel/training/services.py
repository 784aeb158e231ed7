"""Writes of the trainings, each in one transaction. Writes of registrations (they name staff)
are logged with ``log_processing``; a refusal is a ``ValidationError`` with Dutch messages per
field, or ``PermissionDenied`` (a 404 on the page and in the API).

The waiting list: a registration beyond the organisation's allocated seats waits, in order of
registration. A seat that comes free — a cancellation, or more seats allocated — goes to the
first on the same organisation's waiting list. Seats of one organisation are never handed to
another automatically: unused seats are released by the coordinator, who lowers one
organisation's allocation and raises another's (which moves that one's waiting list up).
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership, User
from schakel.audit.services import employee, log_processing
from schakel.core.person_data import validate_no_person_data
from schakel.network.models import Collaboration, Organisation
from schakel.training import selectors
from schakel.training.activities import TrainingActivity
from schakel.training.choices import OPEN_STATUSES, RegistrationStatus, TargetGroup
from schakel.training.models import Registration, SeatAllocation, Training, TrainingSession
from schakel.training.permissions import may_register_in


def _log(name: str, by: User, registration: Registration, **attributes: str | int) -> None:
    log_processing(
        activity=TrainingActivity.TRAINING_REGISTRATION,
        name=name,
        by=by,
        subjects=[employee(registration.participant)],
        attributes={"registration": str(registration.pk), **attributes},
    )


def _require_manager(membership: Membership | None, collaboration: Collaboration) -> None:
    if not selectors.manages(membership, collaboration):
        raise PermissionDenied


# The catalogue and sessions -----------------------------------------------------------------


@dataclass(frozen=True)
class TrainingInput:
    title: str
    provider: str
    description: str
    target_groups: list[str]
    duration: str
    cost_cents: int
    collaboration: Collaboration | None


def training_create(*, by: User, membership: Membership | None, data: TrainingInput) -> Training:
    """A collaboration's managers add its trainings; only the platform operator (superuser)
    adds national ones."""
    if data.collaboration is None:
        if not by.is_superuser:
            raise PermissionDenied
    else:
        _require_manager(membership, data.collaboration)
    errors: dict[str, list[str]] = {}
    for key in ("title", "provider", "duration"):
        if not getattr(data, key).strip():
            errors.setdefault(key, []).append(_("Vul dit veld in."))
    for key in ("title", "provider", "description", "duration"):
        try:
            validate_no_person_data(getattr(data, key))
        except ValidationError as error:
            errors.setdefault(key, []).extend(error.messages)
    if not data.target_groups or set(data.target_groups) - set(TargetGroup.values):
        errors.setdefault("target_groups", []).append(_("Kies ten minste één doelgroep."))
    if data.cost_cents < 0:
        errors.setdefault("cost_cents", []).append(_("De kosten kunnen niet negatief zijn."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return Training.objects.create(
            title=data.title.strip(),
            provider=data.provider.strip(),
            description=data.description.strip(),
            target_groups=sorted(set(data.target_groups)),
            duration=data.duration.strip(),
            cost_cents=data.cost_cents,
            collaboration=data.collaboration,
        )


@dataclass(frozen=True)
class SessionInput:
    collaboration: Collaboration
    starts_at: datetime
    online: bool
    place: str
    seats: int
    registration_deadline: date


def session_plan(
    *, by: User, membership: Membership | None, training: Training, data: SessionInput
) -> TrainingSession:
    """The managers of a collaboration plan a session of a national training or of one of
    its own."""
    _require_manager(membership, data.collaboration)
    if training.collaboration_id not in (None, data.collaboration.pk):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if not data.online and not data.place.strip():
        errors["place"] = [_("Vul de plaats in, of kies voor online.")]
    if data.seats < 1:
        errors["seats"] = [_("Een sessie heeft ten minste één plaats.")]
    if data.registration_deadline > timezone.localdate(data.starts_at):
        errors["registration_deadline"] = [
            _("De aanmeldtermijn sluit uiterlijk op de dag van de sessie.")
        ]
    if data.starts_at <= timezone.now():
        errors["starts_at"] = [_("Plan de sessie in de toekomst.")]
    try:
        validate_no_person_data(data.place)
    except ValidationError as error:
        errors.setdefault("place", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return TrainingSession.objects.create(
            training=training,
            collaboration=data.collaboration,
            starts_at=data.starts_at,
            online=data.online,
            place=data.place.strip(),
            seats=data.seats,
            registration_deadline=data.registration_deadline,
        )


# Seats ----------------------------------------------------------------------------------------


def _locked(session: TrainingSession) -> TrainingSession:
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def _promote(by: User, session: TrainingSession, organisation_id: uuid.UUID) -> list[Registration]:
    """Move the organisation's waiting list up into its free seats, first come first."""
    allocated = selectors.allocation_of(session, organisation_id)
    own = Registration.objects.filter(session=session, organisation_id=organisation_id)
    free = allocated - own.filter(status=RegistrationStatus.REGISTERED).count()
    promoted: list[Registration] = []
    if free <= 0:
        return promoted
    waiting = own.filter(status=RegistrationStatus.WAITING).select_related("participant")
    for registration in waiting.order_by("queued_at", "number")[:free]:
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        _log("training.registration_promoted", by, registration)
        promoted.append(registration)
    return promoted


def allocations_set(
    *,
    by: User,
    membership: Membership | None,
    session: TrainingSession,
    seats: Mapping[uuid.UUID, int],
) -> None:
    """The coordinator sets the seats of some member organisations (the others keep theirs).
    The sum over all organisations cannot exceed the session's seats; an organisation cannot
    get fewer seats than it has taken."""
    _require_manager(membership, session.collaboration)
    members = set(session.collaboration.members.values_list("pk", flat=True))
    if set(seats) - members:
        raise ValidationError({"organisation": [_("Kies een lid van het samenwerkingsverband.")]})
    with transaction.atomic():
        session = _locked(session)
        current = dict(session.allocations.values_list("organisation_id", "seats"))
        wanted = {**current, **seats}
        errors: list[str] = []
        if any(value < 0 for value in seats.values()):
            errors.append(_("Het aantal plaatsen kan niet negatief zijn."))
        total = sum(wanted.values())
        if total > session.seats:
            errors.append(
                _(
                    "U wijst %(total)s plaatsen toe, maar de sessie heeft er %(seats)s. Verlaag "
                    "het aantal bij een of meer organisaties."
                )
                % {"total": total, "seats": session.seats}
            )
        taken = dict(
            session.registrations.filter(status=RegistrationStatus.REGISTERED)
            .values("organisation_id")
            .annotate(n=Count("id"))
            .values_list("organisation_id", "n")
        )
        names = dict(Organisation.objects.filter(pk__in=seats).values_list("pk", "name"))
        for org_id, value in seats.items():
            if 0 <= value < taken.get(org_id, 0):
                errors.append(
                    _(
                        "%(organisation)s heeft al %(taken)s aangemelde deelnemers: wijs niet "
                        "minder plaatsen toe, of laat eerst aanmeldingen annuleren."
                    )
                    % {"organisation": names[org_id], "taken": taken[org_id]}
                )
        if errors:
            raise ValidationError({"seats": errors})
        for org_id, value in seats.items():
            SeatAllocation.objects.update_or_create(
                session=session, organisation_id=org_id, defaults={"seats": value}
            )
        for org_id in seats:
            _promote(by, session, org_id)


# Registrations --------------------------------------------------------------------------------


def registration_closed(session: TrainingSession) -> bool:
    return (
        timezone.localdate() > session.registration_deadline or session.starts_at <= timezone.now()
    )


def registration_create(
    *, by: User, membership: Membership | None, session: TrainingSession, participant: User
) -> Registration:
    """A registrar registers a staff member of their own organisation: on a seat of its
    allocation while one is free, on its waiting list otherwise."""
    if membership is None or not may_register_in(membership, session.collaboration):
        raise PermissionDenied
    if registration_closed(session):
        raise ValidationError(
            {
                "participant": [
                    _("De aanmeldtermijn is gesloten op %(date)s: aanmelden kan niet meer.")
                    % {"date": date_format(session.registration_deadline, "j F Y")}
                ]
            }
        )
    organisation = membership.organisation
    if not selectors.eligible_participants(organisation).filter(pk=participant.pk).exists():
        raise ValidationError({"participant": [_("Kies een medewerker van uw eigen organisatie.")]})
    with transaction.atomic():
        session = _locked(session)
        if session.registrations.filter(participant=participant, status__in=OPEN_STATUSES).exists():
            raise ValidationError(
                {"participant": [_("Deze medewerker is al aangemeld voor deze sessie.")]}
            )
        taken = session.registrations.filter(
            organisation=organisation, status=RegistrationStatus.REGISTERED
        ).count()
        has_seat = taken < selectors.allocation_of(session, organisation.pk)
        last = session.registrations.aggregate(n=Max("number"))["n"] or 0
        registration = Registration.objects.create(
            session=session,
            organisation=organisation,
            participant=participant,
            number=last + 1,
            status=RegistrationStatus.REGISTERED if has_seat else RegistrationStatus.WAITING,
            queued_at=timezone.now(),
            registered_by=by,
        )
        _log("training.registration_create", by, registration, status=registration.status)
    return registration


def registration_cancel(
    *, by: User, membership: Membership | None, registration: Registration
) -> list[Registration]:
    """The organisation's registrar cancels; a seat that comes free goes to the first on the
    organisation's waiting list. Returns who moved up."""
    if (
        membership is None
        or registration.organisation_id != membership.organisation_id
        or not may_register_in(membership, registration.session.collaboration)
    ):
        raise PermissionDenied
    if registration.session.starts_at <= timezone.now():
        raise ValidationError(_("De sessie is al begonnen: annuleren kan niet meer."))
    with transaction.atomic():
        session = _locked(registration.session)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in OPEN_STATUSES:
            raise ValidationError(_("Deze aanmelding is al geannuleerd."))
        held_seat = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        _log("training.registration_cancel", by, registration)
        return _promote(by, session, registration.organisation_id) if held_seat else []


def attendance_record(
    *,
    by: User,
    membership: Membership | None,
    session: TrainingSession,
    attended: Mapping[uuid.UUID, bool],
) -> None:
    """The managers record, once the session has begun, who of the registered attended."""
    _require_manager(membership, session.collaboration)
    if session.starts_at > timezone.now():
        raise ValidationError(_("Aanwezigheid legt u vast vanaf het begin van de sessie."))
    with transaction.atomic():
        rows = session.registrations.filter(
            pk__in=list(attended), status=RegistrationStatus.REGISTERED
        ).select_related("participant")
        found = {row.pk: row for row in rows}
        if set(attended) - set(found):
            raise ValidationError(_("Kies alleen aangemelde deelnemers van deze sessie."))
        for pk, value in attended.items():
            row = found[pk]
            if row.attended is value:
                continue
            row.attended = value
            row.save(update_fields=["attended", "updated_at"])
            _log("training.attendance_record", by, row, attended=int(value))


def certificate_issued(*, by: User, registration: Registration) -> None:
    """Log that a participant's certificate (it shows their name) was handed out."""
    with transaction.atomic():
        _log("training.certificate_download", by, registration)
