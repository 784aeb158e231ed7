"""Every training page per persona: who gets 200, who 404 (not found equals forbidden)."""

import pytest
from django.urls import reverse

from schakel.audit.models import LogRecord
from schakel.training.tests.world import attend, register, training_world

pytestmark = pytest.mark.django_db

# Members of the partnership (its organisations' staff and its role holders).
PARTNERSHIP = [
    "lead_a",
    "colleague_a",
    "admin_a",
    "privacy_officer_a",
    "administrator_a",
    "lead_b",
    "admin_b",
    "police_member",
    "om_member",
    "director",
    "coordinator",
]
# Outside the partnership: another region's lead and coordinator, organisations that are no member.
OTHERS = ["outsider", "coordinator_other", "school_member", "ggz_member", "director_other"]
ALL = PARTNERSHIP + OTHERS
# The chair of the partnership is Brookdam's municipal lead (lead_b).
MANAGERS = ["coordinator", "chair", "lead_b"]
REGISTRARS = ["lead_a", "colleague_a", "admin_a", "lead_b", "admin_b"]


def user_of(personas, network, name):
    if name in ("coordinator", "coordinator_other", "chair", "administrator_a"):
        return getattr(network, name)
    return getattr(personas, name)


def status(signed_in, personas, network, name, url, method="get", data=None):
    client = signed_in(user_of(personas, network, name))
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


@pytest.mark.parametrize("name", ALL)
def test_the_catalogue_mine_and_the_national_training_are_open_to_every_membership(
    personas, network, signed_in, name
) -> None:
    world = training_world(personas, network)
    for url in (
        reverse("training:catalogue"),
        reverse("training:my_trainings"),
        reverse("training:training_detail", kwargs={"pk": world.national.pk}),
    ):
        assert status(signed_in, personas, network, name, url) == 200, url


@pytest.mark.parametrize("name", ALL)
def test_the_partnership_training_and_session_only_for_its_members(
    personas, network, signed_in, name
) -> None:
    world = training_world(personas, network)
    expected = 200 if name in PARTNERSHIP else 404
    for url in (
        reverse("training:training_detail", kwargs={"pk": world.training.pk}),
        reverse("training:session_detail", kwargs={"pk": world.session.pk}),
    ):
        assert status(signed_in, personas, network, name, url) == expected, url


@pytest.mark.parametrize("name", [*ALL, "chair"])
def test_planning_allocating_and_attendance_only_for_the_managers(
    personas, network, signed_in, name
) -> None:
    world = training_world(personas, network)
    expected = 200 if name in MANAGERS else 404
    # Any manager of a collaboration adds trainings (for a collaboration they manage).
    adds = 200 if name in [*MANAGERS, "coordinator_other"] else 404
    assert status(signed_in, personas, network, name, reverse("training:training_create")) == adds
    pages = [
        reverse("training:session_create", kwargs={"pk": world.training.pk}),
        reverse("training:allocate", kwargs={"pk": world.session.pk}),
        reverse("training:attendance", kwargs={"pk": world.session.pk}),
    ]
    for url in pages:
        assert status(signed_in, personas, network, name, url) == expected, url


@pytest.mark.parametrize("name", ALL)
def test_registering_only_for_registrars_of_members(personas, network, signed_in, name) -> None:
    world = training_world(personas, network)
    url = reverse("training:register", kwargs={"pk": world.session.pk})
    assert status(signed_in, personas, network, name, url) == (200 if name in REGISTRARS else 404)


@pytest.mark.parametrize("name", [*ALL, "chair"])
def test_cancelling_only_by_the_own_organisations_registrars(
    personas, network, signed_in, name
) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    url = reverse("training:cancel", kwargs={"pk": registration.pk})
    expected = 200 if name in ("lead_a", "colleague_a", "admin_a") else 404
    assert status(signed_in, personas, network, name, url) == expected
    assert status(signed_in, personas, network, name, url, "post") in {expected, 302}
    registration.refresh_from_db()
    assert (registration.status == "cancelled") is (expected == 200)


@pytest.mark.parametrize("name", [*ALL, "chair"])
def test_the_certificate_only_for_the_attendee_and_their_registrars(
    personas, network, signed_in, name
) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    attend(network, world.session, registration)
    url = reverse("training:certificate", kwargs={"pk": registration.pk})
    response = signed_in(user_of(personas, network, name)).get(url)
    if name in ("lead_a", "colleague_a", "admin_a"):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
    else:
        assert response.status_code == 404
    logged = LogRecord.objects.filter(name="training.certificate_download").count()
    assert logged == (1 if response.status_code == 200 else 0)


@pytest.mark.parametrize("name", ["lead_a", "colleague_a", "coordinator"])
def test_no_certificate_without_attendance(personas, network, signed_in, name) -> None:
    world = training_world(personas, network)
    registration = register(personas.lead_a, world.session, personas.colleague_a)
    url = reverse("training:certificate", kwargs={"pk": registration.pk})
    assert status(signed_in, personas, network, name, url) == 404


BUDGET = {"coordinator", "chair", "lead_a", "colleague_a", "admin_a", "administrator_a"}
BUDGET |= {"lead_b", "admin_b", "outsider", "coordinator_other"}


@pytest.mark.parametrize("name", [*ALL, "chair"])
def test_the_budget_for_managers_registrars_and_administrators(
    personas, network, signed_in, name
) -> None:
    training_world(personas, network)
    url = reverse("training:budget")
    assert status(signed_in, personas, network, name, url) == (200 if name in BUDGET else 404)


def test_a_superuser_without_membership_gets_404(personas, network, signed_in) -> None:
    training_world(personas, network)
    assert signed_in(personas.superuser).get(reverse("training:catalogue")).status_code == 404
