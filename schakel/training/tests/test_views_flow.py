"""The training pages at work: planning, allocating (the sum rule in Dutch), registering onto
the waiting list, who sees which names, attendance, the section, Mijn werk and the demo."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.collaboration.sections import collaboration_sections
from schakel.core.work import work_items_for
from schakel.network.models import Collaboration
from schakel.training import demo
from schakel.training.choices import RegistrationStatus
from schakel.training.models import Registration, SeatAllocation, Training, TrainingSession
from schakel.training.tests.world import begin, membership_of, register, training_world

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_a_manager_adds_a_training_and_plans_a_session(personas, network, signed_in) -> None:
    client = signed_in(network.coordinator)
    response = client.post(
        reverse("training:training_create"),
        {
            "title": "Gesprekstechnieken",
            "provider": "ROR",
            "description": "",
            "target_groups": ["professionals", "frontline"],
            "duration": "1 dag",
            "cost": "125,50",
            "collaboration": str(network.partnership.pk),
        },
    )
    training = Training.objects.get(title="Gesprekstechnieken")
    assert response.status_code == 302
    assert training.cost_cents == 12_550
    day = timezone.localdate() + timedelta(days=40)
    response = client.post(
        reverse("training:session_create", kwargs={"pk": training.pk}),
        {
            "collaboration": str(network.partnership.pk),
            "day": day.isoformat(),
            "time": "09:30",
            "form": "online",
            "place": "",
            "seats": "12",
            "registration_deadline": (day - timedelta(days=7)).isoformat(),
        },
    )
    session = TrainingSession.objects.get(training=training)
    assert response.status_code == 302
    assert (session.online, session.seats) == (True, 12)


def test_a_training_with_a_bsn_like_number_is_refused(personas, network, signed_in) -> None:
    response = signed_in(network.coordinator).post(
        reverse("training:training_create"),
        {
            "title": "Casus 999900018",
            "provider": "ROR",
            "target_groups": ["professionals"],
            "duration": "1 dag",
            "cost": "0",
            "collaboration": str(network.partnership.pk),
        },
    )
    assert response.status_code == 200
    assert not Training.objects.exists()


def test_allocating_more_than_the_seats_says_so_in_dutch(personas, network, signed_in) -> None:
    world = training_world(personas, network, allocate=False)
    url = reverse("training:allocate", kwargs={"pk": world.session.pk})
    client = signed_in(network.coordinator)
    members = world.session.collaboration.members.all()
    data = {f"org_{org.pk}": "0" for org in members}
    data[f"org_{personas.municipality_a.pk}"] = "4"
    data[f"org_{personas.municipality_b.pk}"] = "2"

    refused = client.post(url, data)

    assert refused.status_code == 200
    assert "U wijst 6 plaatsen toe, maar de sessie heeft er 5." in text(refused)
    assert not SeatAllocation.objects.filter(seats__gt=0).exists()
    data[f"org_{personas.municipality_a.pk}"] = "1"
    assert client.post(url, data).status_code == 302
    assert SeatAllocation.objects.get(organisation=personas.municipality_b).seats == 2


def test_registering_beyond_the_seats_puts_on_the_waiting_list(personas, network, signed_in):
    world = training_world(personas, network)
    url = reverse("training:register", kwargs={"pk": world.session.pk})
    client = signed_in(personas.lead_a)

    client.post(url, {"participant": str(personas.lead_a.pk)})
    response = client.post(url, {"participant": str(personas.colleague_a.pk)}, follow=True)

    assert "staat op de wachtlijst (plaats 1)" in text(response)
    statuses = dict(Registration.objects.values_list("participant_id", "status"))
    assert statuses == {
        personas.lead_a.pk: RegistrationStatus.REGISTERED,
        personas.colleague_a.pk: RegistrationStatus.WAITING,
    }
    # Staff of another organisation cannot be chosen.
    refused = client.post(url, {"participant": str(personas.lead_b.pk)})
    assert refused.status_code == 200
    assert Registration.objects.count() == 2


def test_names_only_for_the_own_organisation(personas, network, signed_in):
    # The coordinator works for Aldermeer: Aldermeer's participant by name, Brookdam's by
    # number and function only (staff leave their organisation by function).
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.colleague_a)
    register(personas.lead_b, world.session, personas.admin_b)
    url = reverse("training:session_detail", kwargs={"pk": world.session.pk})
    a_name, b_name = personas.colleague_a.full_name, personas.admin_b.full_name

    seen_by_a = text(signed_in(personas.lead_a).get(url))
    seen_by_police = text(signed_in(personas.police_member).get(url))
    seen_by_coordinator = text(signed_in(network.coordinator).get(url))

    assert a_name in seen_by_a
    assert b_name not in seen_by_a
    cancel = reverse("training:cancel", kwargs={"pk": world.session.registrations.first().pk})
    assert cancel in seen_by_a
    assert a_name not in seen_by_police
    assert b_name not in seen_by_police
    assert a_name in seen_by_coordinator
    assert b_name not in seen_by_coordinator
    assert "Deelnemer 2 – " in seen_by_coordinator
    reads = LogRecord.objects.filter(name="training.registrations_read")
    assert reads.count() == 3  # lead_a: 1, coordinator: 2, the police: none shown


def test_the_managers_record_attendance(personas, network, signed_in) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    begin(world.session)
    url = reverse("training:attendance", kwargs={"pk": world.session.pk})

    response = signed_in(network.coordinator).post(url, {"present": [str(registration.pk)]})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True
    mine = text(signed_in(personas.colleague_a).get(reverse("training:my_trainings")))
    assert reverse("training:certificate", kwargs={"pk": registration.pk}) in mine


def test_the_collaboration_section_shows_the_own_seats(personas, network) -> None:
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.lead_a)
    membership = membership_of(personas.lead_a)

    sections = collaboration_sections(membership, network.partnership, frozenset())

    section = next(s for s in sections if s.anchor == "trainingen")
    assert section.context["rows"] == [(world.session, 1, 1)]


def test_mijn_werk_unused_seats_and_attendance(personas, network) -> None:
    world = training_world(personas, network)

    brookdam = [item.kind for item in work_items_for(membership_of(personas.admin_b))]
    assert brookdam == ["training_unused_seats"]
    register(personas.lead_b, world.session, personas.lead_b)
    register(personas.lead_b, world.session, personas.admin_b)
    assert not work_items_for(membership_of(personas.admin_b))
    assert not work_items_for(membership_of(personas.police_member))
    begin(world.session)
    kinds = [item.kind for item in work_items_for(membership_of(network.coordinator))]
    assert kinds == ["training_attendance"]


def test_demo_data_is_added_once(personas) -> None:
    Collaboration.objects.create(name=demo.COLLABORATION, kind="safety_partnership")
    personas.lead_a.email = demo.PARTICIPANT
    personas.lead_a.save()

    assert demo.seed()
    assert demo.seed() == ""
    session = TrainingSession.objects.get(training__title=demo.TITLE)
    assert session.allocations.count() == 2
    assert session.registrations.get().participant == personas.lead_a
