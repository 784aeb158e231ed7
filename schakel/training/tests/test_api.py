"""The training API per persona: who gets 200, who 404, the waiting-list position, the sum
rule as a 400 problem, attendance, the certificate and the budget in cents."""

import pytest

from schakel.api.tests.helpers import assert_not_found, assert_problem, messages, post, url
from schakel.audit.models import LogRecord
from schakel.training.selectors import participant_label
from schakel.training.tests.test_views_access import ALL, PARTNERSHIP, REGISTRARS, user_of
from schakel.training.tests.world import attend, begin, membership_of, register, training_world

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ALL)
def test_catalogue_and_sessions_per_persona(personas, network, api_client, name) -> None:
    world = training_world(personas, network)
    client = api_client(user_of(personas, network, name))

    trainings = client.get(url("training-list"))
    sessions = client.get(url("training-session-list"))
    detail = client.get(url("training-session-detail", world.session.pk))
    allocations = client.get(url("training-session-allocations", world.session.pk))
    registrations = client.get(url("training-session-registrations", world.session.pk))

    titles = {row["title"] for row in trainings.json()["results"]}
    if name in PARTNERSHIP:
        assert titles == {"Herkennen van radicalisering", "Landelijke basistraining"}
        assert len(sessions.json()["results"]) == 1
        assert detail.status_code == allocations.status_code == registrations.status_code == 200
        assert detail.json()["training"]["cost_cents"] == 27_550
    else:
        assert titles == {"Landelijke basistraining"}
        assert sessions.json()["results"] == []
        for response in (detail, allocations, registrations):
            assert_not_found(response)


@pytest.mark.parametrize("name", [*ALL, "chair"])
def test_allocations_are_written_by_the_managers_only(personas, network, api_client, name):
    world = training_world(personas, network)
    body = {"organisation": str(personas.police.pk), "seats": 1}

    response = post(
        api_client(user_of(personas, network, name)),
        url("training-session-allocations", world.session.pk),
        body,
    )

    if name in ("coordinator", "chair", "lead_b"):
        assert response.status_code == 200
        police = next(r for r in response.json() if r["organisation"]["name"].startswith("Politie"))
        assert police["allocated"] == 1
    else:
        assert_not_found(response)


def test_the_sum_rule_is_a_400_in_dutch(personas, network, api_client) -> None:
    world = training_world(personas, network)
    response = post(
        api_client(network.coordinator),
        url("training-session-allocations", world.session.pk),
        {"organisation": str(personas.police.pk), "seats": 3},
    )
    assert_problem(response, 400, "validation")
    assert "de sessie heeft er 5" in messages(response)["seats"][0]


@pytest.mark.parametrize("name", ALL)
def test_registrars_register_their_own_staff(personas, network, api_client, name) -> None:
    world = training_world(personas, network)
    user = user_of(personas, network, name)
    response = post(
        api_client(user),
        url("training-session-registrations", world.session.pk),
        {"participant": str(user.pk)},
    )
    if name in REGISTRARS:
        assert response.status_code == 201, response.content
        assert response.json()["status"] == "registered"
    else:
        assert_not_found(response)


def test_the_waiting_list_position_and_cancel(personas, network, api_client) -> None:
    world = training_world(personas, network)
    client = api_client(personas.lead_a)
    path = url("training-session-registrations", world.session.pk)

    first = post(client, path, {"participant": str(personas.lead_a.pk)}).json()
    second = post(client, path, {"participant": str(personas.colleague_a.pk)}).json()
    other = post(client, path, {"participant": str(personas.lead_b.pk)})

    assert (first["waiting_list_position"], second["waiting_list_position"]) == (None, 1)
    assert second["status"] == "waiting"
    assert personas.colleague_a.full_name in second["participant"]
    assert messages(other)["participant"] == ["Kies een medewerker van uw eigen organisatie."]
    assert_not_found(
        post(api_client(personas.lead_b), url("training-registration-cancel", first["id"]))
    )
    cancelled = post(client, url("training-registration-cancel", first["id"]))
    assert cancelled.json()["status"] == "cancelled"
    listed = client.get(path).json()["results"]
    assert [(r["number"], r["status"]) for r in listed] == [(2, "registered")]


def test_others_see_participants_by_number_and_function_only(personas, network) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    label = participant_label(registration, membership_of(personas.admin_b))
    assert personas.colleague_a.full_name not in label
    assert label.startswith("Deelnemer 1 – ")
    assert "Gemeente Aldermeer" in label


def test_attendance_and_certificate(personas, network, api_client) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    attendance = url("training-registration-attendance", registration.pk)
    certificate = url("training-registration-certificate", registration.pk)

    early = post(api_client(network.coordinator), attendance, {"attended": True})
    assert_problem(early, 400, "validation")
    assert_not_found(api_client(personas.colleague_a).get(certificate))
    begin(world.session)
    assert_not_found(post(api_client(personas.lead_a), attendance, {"attended": True}))
    recorded = post(api_client(network.coordinator), attendance, {"attended": True})
    assert recorded.json()["attended"] is True

    for user in (personas.colleague_a, personas.lead_a):
        response = api_client(user).get(certificate)
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")
    for user in (network.coordinator, personas.lead_b, personas.police_member):
        assert_not_found(api_client(user).get(certificate))
    assert LogRecord.objects.filter(name="training.certificate_download").count() == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("coordinator", [("Gemeente Aldermeer", 1, 27_550)]),
        ("lead_a", [("Gemeente Aldermeer", 1, 27_550)]),
        ("administrator_a", [("Gemeente Aldermeer", 1, 27_550)]),
        ("lead_b", [("Gemeente Aldermeer", 1, 27_550)]),  # the chair
        ("admin_b", []),
        ("police_member", None),
        ("privacy_officer_a", None),
        ("school_member", None),
    ],
)
def test_the_budget_per_persona(personas, network, api_client, name, expected) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.lead_a)
    attend(network, world.session, registration)
    year = world.session.starts_at.year

    response = api_client(user_of(personas, network, name)).get(
        url("training-budget") + f"?year={year}"
    )

    if expected is None:
        assert_not_found(response)
        return
    rows = response.json()["results"]
    assert [(r["organisation"]["name"], r["seats"], r["cents"]) for r in rows] == expected
