"""Second review of the trainings: edge cases of who may register whom, the processing log
failing closed, person data in every free text, and the row lock under concurrent writes."""

import threading
import time
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.models import LogRecord
from schakel.training import selectors, services
from schakel.training.choices import RegistrationStatus, TargetGroup
from schakel.training.models import Registration
from schakel.training.tests.world import attend, membership_of, register, training_world

pytestmark = pytest.mark.django_db


def test_a_participant_whose_membership_ended_cannot_be_registered(personas, network) -> None:
    world = training_world(personas, network)
    leaver = MembershipFactory(
        organisation=personas.municipality_a,
        role=Role.MUNICIPAL_LEAD,
        ended_at=timezone.now() - timedelta(days=1),
    ).user

    with pytest.raises(ValidationError):
        register(personas.lead_a, world.session, leaver)

    assert not Registration.objects.filter(participant=leaver).exists()


def test_staff_of_another_organisation_cannot_be_registered(personas, network) -> None:
    world = training_world(personas, network)

    with pytest.raises(ValidationError):
        register(personas.lead_a, world.session, personas.lead_b)


def test_the_same_person_twice_is_refused(personas, network) -> None:
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.colleague_a)

    with pytest.raises(ValidationError) as refused:
        register(personas.admin_a, world.session, personas.colleague_a)

    assert "al aangemeld" in refused.value.messages[0]


def test_the_api_refuses_a_user_of_another_organisation(personas, network, api_client) -> None:
    world = training_world(personas, network)
    client = api_client(personas.lead_a)

    response = client.post(
        f"/api/v1/training-sessions/{world.session.pk}/registrations",
        {"participant": str(personas.lead_b.pk)},
        format="json",
    )

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_the_provider_is_checked_for_person_data(personas, network) -> None:
    data = services.TrainingInput(
        title="Training",
        provider="Bureau Jansen, bsn 123456782",
        description="",
        target_groups=[TargetGroup.PROFESSIONALS],
        duration="1 dag",
        cost_cents=0,
        collaboration=network.partnership,
    )
    with pytest.raises(ValidationError) as refused:
        services.training_create(
            by=network.coordinator, membership=membership_of(network.coordinator), data=data
        )
    assert "provider" in refused.value.message_dict


def test_a_read_that_cannot_be_logged_shows_nothing(personas, network, signed_in) -> None:
    world = training_world(personas, network)
    register(personas.lead_a, world.session, personas.colleague_a)
    client = signed_in(personas.lead_a)
    client.raise_request_exception = False

    with mock.patch("schakel.training.selectors.record_reads", side_effect=RuntimeError):
        response = client.get(reverse("training:session_detail", kwargs={"pk": world.session.pk}))

    assert response.status_code == 500
    assert personas.colleague_a.full_name not in response.content.decode()


def test_a_write_that_cannot_be_logged_changes_nothing(personas, network) -> None:
    world = training_world(personas, network)

    with (
        mock.patch("schakel.training.services.log_processing", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        register(personas.lead_a, world.session, personas.colleague_a)

    assert not Registration.objects.exists()


def test_a_certificate_that_cannot_be_logged_is_not_handed_out(
    personas, network, signed_in
) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    attend(network, world.session, registration)
    client = signed_in(personas.colleague_a)
    client.raise_request_exception = False

    with mock.patch("schakel.training.services.log_processing", side_effect=RuntimeError):
        response = client.get(reverse("training:certificate", kwargs={"pk": registration.pk}))

    assert response.status_code == 500
    assert response.get("Content-Type") != "application/pdf"


def test_the_registration_deadline_day_itself_is_open(personas, network) -> None:
    world = training_world(personas, network)
    world.session.registration_deadline = timezone.localdate()
    world.session.save()

    registration = register(personas.lead_a, world.session, personas.colleague_a)

    assert registration.status == RegistrationStatus.REGISTERED


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises all writers; PostgreSQL only"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_registrations_at_once_do_not_overfill_the_allocation(personas, network) -> None:
    """Aldermeer has one seat. Two registrars register at the same moment; the check of the
    free seats is slowed down so that, without the row lock, both would see it free."""
    world = training_world(personas, network)
    start = threading.Barrier(2)
    errors: list[BaseException] = []
    original = selectors.allocation_of

    def slow_allocation_of(*args, **kwargs):
        value = original(*args, **kwargs)
        time.sleep(0.5)
        return value

    def write(registrar, participant) -> None:
        try:
            start.wait()
            register(registrar, world.session, participant)
        except BaseException as exc:  # pragma: no cover (reported below)
            errors.append(exc)
        finally:
            connection.close()

    with mock.patch.object(selectors, "allocation_of", slow_allocation_of):
        threads = [
            threading.Thread(target=write, args=(personas.lead_a, personas.colleague_a)),
            threading.Thread(target=write, args=(personas.admin_a, personas.admin_a)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    assert LogRecord.objects.filter(name="training.registration_create").count() == 2


def _queries(client, path) -> int:
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(conn) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["page", "api"])
def test_the_registrations_take_a_fixed_number_of_queries(
    personas, network, signed_in, api_client, page
) -> None:
    world = training_world(personas, network)
    if page == "page":
        client = signed_in(network.coordinator)
        path = reverse("training:session_detail", kwargs={"pk": world.session.pk})
    else:
        client = api_client(network.coordinator)
        path = f"/api/v1/training-sessions/{world.session.pk}/registrations"
    # Two to begin with: the processing log writes one record in one statement on PostgreSQL,
    # several in a fixed three.
    register(personas.lead_a, world.session, personas.colleague_a)
    register(personas.lead_a, world.session, personas.lead_a)
    one = _queries(client, path)
    for participant in (personas.admin_a, personas.privacy_officer_a):
        register(personas.lead_a, world.session, participant)
    register(personas.lead_b, world.session, personas.admin_b)

    assert _queries(client, path) == one


def test_waiting_positions_count_per_organisation(personas, network, api_client) -> None:
    world = training_world(personas, network)
    services.allocations_set(
        by=network.coordinator,
        membership=membership_of(network.coordinator),
        session=world.session,
        seats={personas.municipality_b.pk: 0},
    )
    register(personas.lead_a, world.session, personas.colleague_a)  # the seat
    register(personas.lead_a, world.session, personas.lead_a)  # waits 1
    register(personas.lead_b, world.session, personas.lead_b)  # waits 1 at Brookdam
    register(personas.lead_a, world.session, personas.admin_a)  # waits 2

    rows = (
        api_client(network.coordinator)
        .get(f"/api/v1/training-sessions/{world.session.pk}/registrations")
        .json()["results"]
    )

    assert [(row["status"], row["waiting_list_position"]) for row in rows] == [
        ("registered", None),
        ("waiting", 1),
        ("waiting", 1),
        ("waiting", 2),
    ]


def test_the_work_items_take_a_fixed_number_of_queries_and_name_nobody(personas, network) -> None:
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    from schakel.training import work

    world = training_world(personas, network)
    register(personas.lead_b, world.session, personas.admin_b)
    lead, coordinator = membership_of(personas.lead_b), membership_of(network.coordinator)

    def counted() -> tuple[int, list[Any]]:
        with CaptureQueriesContext(conn) as captured:
            items = work.unused_seats(lead) + work.attendance_due(coordinator)
        return len(captured), items

    one, _items = counted()
    for days in (40, 50):
        other = training_world(personas, network)
        other.session.starts_at = timezone.now() + timedelta(days=days)
        other.session.save()
    many, items = counted()

    assert many == one
    assert len(items) == 3  # Brookdam's free seats in three sessions
    for item in items:
        assert personas.admin_b.full_name not in str(item.label)
        assert personas.lead_b.full_name not in str(item.label)


def test_the_certificate_is_tagged_and_holds_only_what_it_must(
    personas, network, signed_in
) -> None:
    import io

    from pypdf import PdfReader

    from schakel.cases.tests.document_helpers import pdf_text

    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    attend(network, world.session, registration)

    response = signed_in(personas.colleague_a).get(
        reverse("training:certificate", kwargs={"pk": registration.pk})
    )

    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    root: Any = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    text = pdf_text(response.content)
    assert personas.colleague_a.full_name in text
    assert "Herkennen van radicalisering" in text
    # Not who registered them, not the coordinator, not a personal e-mail address.
    for other in (personas.lead_a, network.coordinator):
        assert other.full_name not in text
    assert personas.colleague_a.email not in text
