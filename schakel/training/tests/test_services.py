"""The rules of the trainings: the allocation sum, the waiting list and its order, promotion,
the deadline, own staff only, attendance after the start, the budget in cents."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.training import selectors, services
from schakel.training.choices import RegistrationStatus
from schakel.training.forms import euros_to_cents
from schakel.training.models import SeatAllocation, TrainingSession
from schakel.training.tests.world import attend, begin, membership_of, register, training_world

pytestmark = pytest.mark.django_db


def _allocate(network, session, seats):
    services.allocations_set(
        by=network.coordinator,
        membership=membership_of(network.coordinator),
        session=session,
        seats=seats,
    )


def test_the_sum_of_allocations_cannot_exceed_the_seats(personas, network) -> None:
    world = training_world(personas, network)

    with pytest.raises(ValidationError) as refused:
        _allocate(network, world.session, {personas.police.pk: 3})

    assert "U wijst 6 plaatsen toe, maar de sessie heeft er 5." in refused.value.messages[0]
    assert not SeatAllocation.objects.filter(organisation=personas.police).exists()
    _allocate(network, world.session, {personas.police.pk: 2})
    assert selectors.allocated_total(world.session) == 5


def test_only_managers_allocate_and_only_to_members(personas, network) -> None:
    world = training_world(personas, network)
    for user in (personas.lead_a, personas.police_member, network.coordinator_other):
        with pytest.raises(PermissionDenied):
            services.allocations_set(
                by=user,
                membership=membership_of(user),
                session=world.session,
                seats={personas.municipality_a.pk: 1},
            )
    with pytest.raises(ValidationError):
        _allocate(network, world.session, {personas.municipality_other_region.pk: 1})
    # The chair manages too.
    services.allocations_set(
        by=network.chair,
        membership=membership_of(network.chair),
        session=world.session,
        seats={personas.om.pk: 1},
    )


def test_beyond_the_allocation_registrations_wait_in_order(personas, network) -> None:
    world = training_world(personas, network)
    extra = [membership_of(personas.admin_a).user, personas.privacy_officer_a]

    first = register(personas.lead_a, world.session, personas.lead_a)
    second = register(personas.lead_a, world.session, personas.colleague_a)
    third = register(personas.lead_a, world.session, extra[1])

    assert first.status == RegistrationStatus.REGISTERED
    assert (second.status, third.status) == (RegistrationStatus.WAITING,) * 2
    assert [selectors.waiting_position(r) for r in (first, second, third)] == [None, 1, 2]
    log = LogRecord.objects.filter(name="training.registration_create")
    assert log.count() == 3
    assert {record.activity_id for record in log} == {"training_registration"}


def test_cancelling_moves_the_first_of_the_same_organisation_up(personas, network) -> None:
    world = training_world(personas, network)
    seat = register(personas.lead_a, world.session, personas.lead_a)
    waiting_first = register(personas.lead_a, world.session, personas.colleague_a)
    waiting_second = register(personas.lead_a, world.session, personas.privacy_officer_a)
    brookdam = [register(personas.lead_b, world.session, personas.admin_b)]

    moved = services.registration_cancel(
        by=personas.lead_a, membership=membership_of(personas.lead_a), registration=seat
    )

    assert moved == [waiting_first]
    for registration in (seat, waiting_first, waiting_second, *brookdam):
        registration.refresh_from_db()
    assert seat.status == RegistrationStatus.CANCELLED
    assert waiting_first.status == RegistrationStatus.REGISTERED
    assert selectors.waiting_position(waiting_second) == 1
    assert LogRecord.objects.filter(name="training.registration_promoted").count() == 1


def test_raising_an_allocation_moves_the_waiting_list_up(personas, network) -> None:
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.lead_a)
    waiting = register(personas.lead_a, world.session, personas.colleague_a)

    _allocate(network, world.session, {personas.municipality_a.pk: 2})

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED


def test_an_allocation_cannot_drop_below_the_seats_taken(personas, network) -> None:
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.lead_a)

    with pytest.raises(ValidationError) as refused:
        _allocate(network, world.session, {personas.municipality_a.pk: 0})

    assert "Gemeente Aldermeer heeft al 1 aangemelde deelnemers" in refused.value.messages[0]


def test_registration_after_the_deadline_is_refused_in_dutch(personas, network) -> None:
    world = training_world(personas, network)
    TrainingSession.objects.filter(pk=world.session.pk).update(
        registration_deadline=timezone.localdate() - timedelta(days=1)
    )
    world.session.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        register(personas.lead_a, world.session, personas.lead_a)

    assert "De aanmeldtermijn is gesloten op" in refused.value.messages[0]
    assert not world.session.registrations.exists()


def test_participants_are_staff_of_the_own_organisation_once(personas, network) -> None:
    world = training_world(personas, network)
    with pytest.raises(ValidationError) as refused:
        register(personas.lead_a, world.session, personas.lead_b)
    assert refused.value.messages == ["Kies een medewerker van uw eigen organisatie."]
    register(personas.lead_a, world.session, personas.lead_a)
    with pytest.raises(ValidationError) as twice:
        register(personas.colleague_a, world.session, personas.lead_a)
    assert twice.value.messages == ["Deze medewerker is al aangemeld voor deze sessie."]


@pytest.mark.parametrize("persona", ["police_member", "privacy_officer_a", "outsider"])
def test_who_is_no_registrar_of_a_member_cannot_register(personas, network, persona) -> None:
    world = training_world(personas, network)
    user = getattr(personas, persona)
    with pytest.raises(PermissionDenied):
        register(user, world.session, user)


def test_the_coordinator_registers_nobody(personas, network) -> None:
    world = training_world(personas, network)
    with pytest.raises(PermissionDenied):
        register(network.coordinator, world.session, network.coordinator)


def test_attendance_only_after_the_start(personas, network) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.lead_a)
    with pytest.raises(ValidationError):
        services.attendance_record(
            by=network.coordinator,
            membership=membership_of(network.coordinator),
            session=world.session,
            attended={registration.pk: True},
        )
    attend(network, world.session, registration)
    assert registration.attended is True


def test_waiting_registrations_get_no_attendance(personas, network) -> None:
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.lead_a)
    waiting = register(personas.lead_a, world.session, personas.colleague_a)
    begin(world.session)
    with pytest.raises(ValidationError):
        services.attendance_record(
            by=network.coordinator,
            membership=membership_of(network.coordinator),
            session=world.session,
            attended={waiting.pk: True},
        )


def test_the_budget_counts_seats_used_times_cost_in_cents(personas, network) -> None:
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.lead_a)
    register(personas.lead_a, world.session, personas.colleague_a)  # waits: costs nothing
    register(personas.lead_b, world.session, personas.lead_b)
    register(personas.lead_b, world.session, personas.admin_b)
    year = world.session.starts_at.year

    assert selectors.training_budget_used(personas.municipality_a, year) == 27_550
    assert selectors.training_budget_used(personas.municipality_b, year) == 55_100
    assert selectors.training_budget_used(personas.municipality_b, year - 1) == 0
    lines = selectors.budget_lines(membership_of(network.coordinator), year)
    assert [(line.organisation.name, line.seats, line.cents) for line in lines] == [
        ("Gemeente Aldermeer", 1, 27_550),
        ("Gemeente Brookdam", 2, 55_100),
    ]
    own = selectors.budget_lines(membership_of(personas.lead_a), year)
    assert [(line.organisation.name, line.cents) for line in own] == [
        ("Gemeente Aldermeer", 27_550)
    ]
    assert all(isinstance(line.cents, int) for line in lines)


@pytest.mark.parametrize(
    ("typed", "cents"), [("125", 12_500), ("125,50", 12_550), ("1.250,05", 125_005), ("0", 0)]
)
def test_euros_are_read_as_whole_cents(typed, cents) -> None:
    assert euros_to_cents(typed) == cents


@pytest.mark.parametrize("typed", ["12,345", "-5", "tien", ""])
def test_other_amounts_are_refused(typed) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(typed)}$"):
        euros_to_cents(typed)
