"""Reads of the trainings, scoped by the acting membership (anything else is a 404).

- The catalogue: national trainings for every membership, a collaboration's trainings for the
  members of that collaboration (``collaboration.selectors.collaborations_of``).
- Sessions: those of the collaborations the membership takes part in.
- Registrations (staff names): the managers of the session's collaboration see every one (they
  admit participants and record attendance at the session); a member organisation sees its own;
  a participant sees their own. Other organisations see counts per organisation only. Every read
  of registrations is logged (``record_reads``) under the activity of ``activities``.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership, User
from schakel.audit.services import Read, employee, record_reads
from schakel.collaboration.permissions import may_manage
from schakel.collaboration.selectors import collaborations_of, managed_by, roles_in
from schakel.network.models import Collaboration, Organisation
from schakel.training.activities import TrainingActivity
from schakel.training.choices import RegistrationStatus
from schakel.training.models import Registration, SeatAllocation, Training, TrainingSession
from schakel.training.permissions import sees_own_budget


def trainings_for(membership: Membership | None) -> QuerySet[Training]:
    if membership is None:
        return Training.objects.none()
    return Training.objects.filter(
        Q(collaboration__isnull=True) | Q(collaboration__in=collaborations_of(membership))
    ).select_related("collaboration")


def training_for(membership: Membership | None, pk: uuid.UUID) -> Training:
    found = trainings_for(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def sessions_for(membership: Membership | None) -> QuerySet[TrainingSession]:
    if membership is None:
        return TrainingSession.objects.none()
    return TrainingSession.objects.filter(
        collaboration__in=collaborations_of(membership)
    ).select_related("training", "collaboration")


def upcoming_sessions_for(membership: Membership | None) -> QuerySet[TrainingSession]:
    return sessions_for(membership).filter(starts_at__gte=timezone.now())


def session_for(membership: Membership | None, pk: uuid.UUID) -> TrainingSession:
    found = sessions_for(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def manages(membership: Membership | None, collaboration: Collaboration) -> bool:
    return may_manage(roles_in(membership, collaboration))


def managed_collaborations(membership: Membership | None) -> QuerySet[Collaboration]:
    return managed_by(membership)


def eligible_participants(organisation: Organisation) -> QuerySet[User]:
    """The organisation's staff: users with an active membership of it."""
    return (
        User.objects.filter(
            memberships__in=Membership.objects.active().filter(organisation=organisation)
        )
        .distinct()
        .order_by("full_name", "pk")
    )


@dataclass(frozen=True)
class AllocationRow:
    organisation: Organisation
    allocated: int
    registered: int
    waiting: int

    @property
    def free(self) -> int:
        return max(self.allocated - self.registered, 0)


def allocation_rows(session: TrainingSession) -> list[AllocationRow]:
    """Per member organisation of the session's collaboration: its seats, how many are taken,
    how many wait (counts only, no names). Three queries."""
    allocated = dict(session.allocations.values_list("organisation_id", "seats"))
    counts = {
        (org, status): n
        for org, status, n in session.registrations.values_list("organisation_id", "status")
        .annotate(n=Count("id"))
        .values_list("organisation_id", "status", "n")
    }
    return [
        AllocationRow(
            organisation=org,
            allocated=allocated.get(org.pk, 0),
            registered=counts.get((org.pk, RegistrationStatus.REGISTERED), 0),
            waiting=counts.get((org.pk, RegistrationStatus.WAITING), 0),
        )
        for org in session.collaboration.members.order_by("name")
    ]


def allocated_total(session: TrainingSession) -> int:
    return sum(session.allocations.values_list("seats", flat=True))


def registrations_visible(
    membership: Membership | None, session: TrainingSession
) -> QuerySet[Registration]:
    """The open registrations of the session this membership may see by name."""
    if membership is None:
        return Registration.objects.none()
    rows = session.registrations.filter(
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    ).select_related("participant", "organisation")
    if manages(membership, session.collaboration):
        return rows
    return rows.filter(organisation_id=membership.organisation_id)


def registration_for(membership: Membership | None, pk: uuid.UUID) -> Registration:
    """A registration the membership may act on or read: its own organisation's (any status),
    the participant's own, or any one of a session its collaboration's managers run."""
    if membership is None:
        raise Http404
    found = (
        Registration.objects.filter(pk=pk)
        .select_related("session__training", "session__collaboration", "participant")
        .select_related("organisation")
        .first()
    )
    if found is None:
        raise Http404
    own = found.organisation_id == membership.organisation_id
    if own or found.participant_id == membership.user_id:
        return found
    if manages(membership, found.session.collaboration):
        return found
    raise Http404


def waiting_position(registration: Registration) -> int | None:
    """Place on its organisation's waiting list (1: next), None when not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(
        session_id=registration.session_id,
        organisation_id=registration.organisation_id,
        status=RegistrationStatus.WAITING,
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, number__lt=registration.number)
    )
    return ahead.count() + 1


def participant_label(registration: Registration, membership: Membership | None) -> str:
    """How a participant is shown: by name to their own organisation and to themself; to anyone
    else — the session's managers of other organisations too — by participant number and
    function – organisation – mailbox (``staff_display``): staff leave their organisation by
    function only."""
    participant = registration.participant
    display = staff_display(participant, registration.organisation)
    if membership is not None and (
        membership.organisation_id == registration.organisation_id
        or membership.user_id == participant.pk
    ):
        return f"{participant.full_name} – {display}"
    number = _("Deelnemer %(number)s") % {"number": registration.number}
    return f"{number} – {display}"


def labelled(
    membership: Membership | None, session: TrainingSession, registrations: list[Registration]
) -> list[tuple[Registration, str, int | None]]:
    """Each visible registration (``registrations_visible``, in order of registration) with
    its label and its place on its organisation's waiting list, in one query however many
    rows: the visible rows hold every waiting registration of each organisation shown."""
    waiting: dict[uuid.UUID, int] = {}
    rows: list[tuple[Registration, str, int | None]] = []
    for registration in sorted(registrations, key=lambda r: (r.queued_at, r.number)):
        position = None
        if registration.status == RegistrationStatus.WAITING:
            position = waiting[registration.organisation_id] = (
                waiting.get(registration.organisation_id, 0) + 1
            )
        label = participant_label(registration, membership)
        rows.append((registration, label, position))
    return rows


def log_reads(by: User, registrations: Iterable[Registration], name: str) -> None:
    """Log that these registrations (staff names) were shown."""
    record_reads(
        name=name,
        by=by,
        reads=[
            Read(TrainingActivity.TRAINING_REGISTRATION, employee(r.participant))
            for r in registrations
        ],
    )


def my_registrations(user: User) -> QuerySet[Registration]:
    """The registrations in which the user is the participant, newest session first."""
    return (
        Registration.objects.filter(participant=user)
        .select_related("session__training", "session__collaboration", "organisation")
        .order_by("-session__starts_at")
    )


# The training budget ------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetLine:
    organisation: Organisation
    year: int
    seats: int
    cents: int


def _used_seats(year: int) -> QuerySet[Registration]:
    """Seats used in a year: registrations holding a seat of a session that starts in it
    (attended or not: a no-show still costs the seat)."""
    return Registration.objects.filter(
        status=RegistrationStatus.REGISTERED, session__starts_at__year=year
    )


def training_budget_used(organisation: Organisation, year: int) -> int:
    """The training budget an organisation used in a year, in euro cents: its seats used × the
    training's cost per participant. The link for a funding application (one query)."""
    return sum(
        _used_seats(year)
        .filter(organisation=organisation)
        .values_list("session__training__cost_cents", flat=True)
    )


def budget_lines(membership: Membership | None, year: int) -> list[BudgetLine]:
    """The budget per organisation the membership may see: for the managers, every member
    organisation of the collaborations they manage (over those collaborations' sessions); for
    an organisation's registrars and administrators, its own (over every session)."""
    if membership is None:
        return []
    managed = list(managed_collaborations(membership))
    scope = Q(pk__in=[])
    if managed:
        scope |= Q(session__collaboration__in=managed)
    if sees_own_budget(membership):
        scope |= Q(organisation_id=membership.organisation_id)
    if not managed and not sees_own_budget(membership):
        raise Http404
    rows = _used_seats(year).filter(scope)
    totals: dict[uuid.UUID, list[int]] = {}
    for org_id, cost in rows.values_list("organisation_id", "session__training__cost_cents"):
        line = totals.setdefault(org_id, [0, 0])
        line[0] += 1
        line[1] += cost
    organisations = Organisation.objects.in_bulk(list(totals))
    return sorted(
        (
            BudgetLine(organisations[org_id], year, seats, cents)
            for org_id, (seats, cents) in totals.items()
        ),
        key=lambda line: line.organisation.name,
    )


def may_see_budget(membership: Membership | None) -> bool:
    return sees_own_budget(membership) or managed_collaborations(membership).exists()


def allocation_of(session: TrainingSession, organisation_id: uuid.UUID) -> int:
    found = SeatAllocation.objects.filter(session=session, organisation_id=organisation_id).first()
    return found.seats if found else 0
