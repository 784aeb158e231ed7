"""Who sees what of staff safety, per persona, for every page and endpoint: 200 or 404."""

from unittest import mock

import pytest
from django.urls import reverse

from schakel.api.tests.helpers import patch, post, url
from schakel.audit.models import LogRecord
from schakel.audit.services import ProcessingLogError
from schakel.staff_safety import services
from schakel.staff_safety.choices import IncidentStatus
from schakel.staff_safety.models import Incident
from schakel.staff_safety.tests.conftest import DESCRIPTION, membership, person

pytestmark = pytest.mark.django_db

# Everyone of the matrix: the staff member (police_member), a colleague in the same
# organisation, staff of other organisations, the safety officers of the same and another
# organisation, the functional admins, an administrator, privacy officers, the superuser (no
# membership: the platform operator sees no content) and an outsider.
EVERYONE = [
    "police_member",
    "police_colleague",
    "lead_a",
    "police_officer",
    "officer_a",
    "police_admin",
    "admin_a",
    "police_administrator",
    "police_privacy_officer",
    "privacy_officer_a",
    "superuser",
    "outsider",
]
WITH_MEMBERSHIP = [name for name in EVERYONE if name != "superuser"]
SEES_INCIDENT = {"police_member", "police_officer", "police_admin"}
FOLLOWS_UP = {"police_officer"}
OVERVIEW = {"police_officer", "officer_a", "police_admin", "admin_a"}
FIGURES = {"police_officer", "officer_a", "police_administrator"}
MANAGES = {"police_admin", "admin_a"}


def expect(allowed: set[str] | list[str], name: str) -> int:
    return 200 if name in allowed else 404


@pytest.mark.parametrize("name", EVERYONE)
def test_pages(personas, safety, signed_in, name) -> None:
    client = signed_in(person(personas, safety, name))
    pk = safety.incident.pk
    pages = {
        "my_incidents": (reverse("staff_safety:my_incidents"), WITH_MEMBERSHIP),
        "incident_create": (reverse("staff_safety:incident_create"), WITH_MEMBERSHIP),
        "incident_detail": (
            reverse("staff_safety:incident_detail", kwargs={"pk": pk}),
            SEES_INCIDENT,
        ),
        "incident_follow_up": (
            reverse("staff_safety:incident_follow_up", kwargs={"pk": pk}),
            FOLLOWS_UP,
        ),
        "overview": (reverse("staff_safety:overview"), OVERVIEW),
        "figures": (reverse("staff_safety:figures"), FIGURES),
        "protocol": (reverse("staff_safety:protocol"), WITH_MEMBERSHIP),
        "protocol_edit": (reverse("staff_safety:protocol_edit"), MANAGES),
        "officers": (reverse("staff_safety:officers"), MANAGES),
    }
    got = {key: client.get(path).status_code for key, (path, _) in pages.items()}
    wanted = {key: expect(allowed, name) for key, (_, allowed) in pages.items()}
    assert got == wanted


@pytest.mark.parametrize("name", EVERYONE)
def test_endpoints(personas, safety, signed_in, name) -> None:
    client = signed_in(person(personas, safety, name))
    pk = safety.incident.pk
    got = {
        "list": client.get(url("staff-incident-list")).status_code,
        "detail": client.get(url("staff-incident-detail", pk)).status_code,
        "figures": client.get(url("staff-safety-figures")).status_code,
    }
    wanted = {
        "list": expect(WITH_MEMBERSHIP, name),
        "detail": expect(SEES_INCIDENT, name),
        "figures": expect(FIGURES, name),
    }
    assert got == wanted
    listed = client.get(url("staff-incident-list"))
    if listed.status_code == 200:
        ids = [row["id"] for row in listed.json()["results"]]
        assert (str(pk) in ids) == (name in SEES_INCIDENT)


@pytest.mark.parametrize("name", sorted(set(EVERYONE) - FOLLOWS_UP))
def test_only_the_safety_officer_follows_up(personas, safety, signed_in, name) -> None:
    client = signed_in(person(personas, safety, name))
    pk = safety.incident.pk
    page = client.post(
        reverse("staff_safety:incident_follow_up", kwargs={"pk": pk}),
        {"status": IncidentStatus.CLOSED},
    )
    api = patch(client, url("staff-incident-detail", pk), {"status": IncidentStatus.CLOSED})
    assert (page.status_code, api.status_code) == (404, 404)
    safety.incident.refresh_from_db()
    assert safety.incident.status == IncidentStatus.NEW


@pytest.mark.parametrize("name", sorted(set(EVERYONE) - SEES_INCIDENT))
def test_lists_of_others_do_not_show_the_incident(personas, safety, signed_in, name) -> None:
    client = signed_in(person(personas, safety, name))
    for path in (reverse("staff_safety:my_incidents"), reverse("staff_safety:overview")):
        response = client.get(path)
        content = response.content.decode()
        assert safety.incident.reference not in content
        assert DESCRIPTION not in content


def test_the_functional_admin_sees_no_name_and_no_description(personas, safety, signed_in):
    client = signed_in(safety.police_admin)
    pk = safety.incident.pk
    for response in (
        client.get(reverse("staff_safety:incident_detail", kwargs={"pk": pk})),
        client.get(reverse("staff_safety:overview")),
    ):
        content = response.content.decode()
        assert safety.incident.reference in content
        assert personas.police_member.full_name not in content
        assert DESCRIPTION not in content
    body = client.get(url("staff-incident-detail", pk)).json()
    assert body["access"] == "limited"
    assert body["staff_member"] is None
    assert body["description"] is None
    assert body["kind"] == "doxing"


def test_the_safety_officer_and_staff_member_see_everything(personas, safety, signed_in):
    for user in (safety.police_officer, personas.police_member):
        client = signed_in(user)
        content = client.get(
            reverse("staff_safety:incident_detail", kwargs={"pk": safety.incident.pk})
        ).content.decode()
        assert DESCRIPTION in content
        assert personas.police_member.full_name in content


def test_every_read_is_logged_under_the_staff_member(personas, safety, signed_in) -> None:
    client = signed_in(safety.police_officer)
    before = LogRecord.objects.count()
    client.get(reverse("staff_safety:incident_detail", kwargs={"pk": safety.incident.pk}))
    client.get(reverse("staff_safety:overview"))
    client.get(url("staff-incident-list"))
    client.get(url("staff-incident-detail", safety.incident.pk))
    names = list(LogRecord.objects.order_by("sequence").values_list("name", flat=True)[before:])
    assert names == [
        "staff_incident_read",
        "staff_incident_overview_read",
        "staff_incident_list_read",
        "staff_incident_read",
    ]
    records = LogRecord.objects.order_by("sequence")[before:]
    assert {r.activity_id for r in records} == {"staff_incidents"}
    assert all(r.data_subject_type == "employee" for r in records)


def test_refused_reads_log_nothing(personas, safety, signed_in) -> None:
    before = LogRecord.objects.count()
    client = signed_in(personas.lead_a)
    client.get(reverse("staff_safety:incident_detail", kwargs={"pk": safety.incident.pk}))
    client.get(url("staff-incident-detail", safety.incident.pk))
    assert LogRecord.objects.count() == before


def test_a_colleague_cannot_record_on_behalf_of_another(personas, safety, signed_in) -> None:
    client = signed_in(safety.police_colleague)
    response = post(
        client,
        url("staff-incident-list"),
        {
            "staff_member": str(personas.police_member.pk),
            "occurred_on": "2026-01-05",
            "kind": "threat",
            "channel": "phone",
            "description": "Bedreigd aan de telefoon.",
        },
    )
    assert response.status_code == 404
    assert Incident.objects.count() == 1


def test_nothing_is_shown_when_the_read_cannot_be_logged(personas, safety, signed_in) -> None:
    client = signed_in(safety.police_officer)
    failing = mock.patch("schakel.audit.services._append", side_effect=ProcessingLogError("kapot"))
    for path in (
        reverse("staff_safety:incident_detail", kwargs={"pk": safety.incident.pk}),
        reverse("staff_safety:overview"),
    ):
        with failing, pytest.raises(ProcessingLogError):
            client.get(path)
    with failing:
        response = client.get(url("staff-incident-detail", safety.incident.pk))
    assert response.status_code == 500
    assert DESCRIPTION not in response.content.decode()


POLICE = {name for name in EVERYONE if name.startswith("police_")}


@pytest.mark.parametrize("name", EVERYONE)
def test_recording_and_the_protocol_per_persona(personas, safety, signed_in, name) -> None:
    """Everyone with a membership records about themself (page and API); the protocol is read
    by the staff of its own organisation only; the superuser does neither."""
    services.protocol_save(
        membership=membership(safety.police_admin),
        data=services.ProtocolInput(
            report_mailbox="veiligheid@politie.example",
            officer_function="Vertrouwenspersoon agressie",
            officer_mailbox="vp@politie.example",
            employer_name="Politie-eenheid Noordkaap",
            employer_address="Bureauweg 1",
            when_threatened="Bel 112 bij direct gevaar.",
        ),
    )
    user = person(personas, safety, name)
    client = signed_in(user)
    body = {
        "occurred_on": "2026-01-05",
        "kind": "threat",
        "channel": "phone",
        "description": "Aan de telefoon bedreigd.",
    }
    before = Incident.objects.filter(staff_member=user).count()
    page = client.post(reverse("staff_safety:incident_create"), body)
    api = post(client, url("staff-incident-list"), body)
    protocol = client.get(url("staff-safety-protocol"))
    recorder = name in WITH_MEMBERSHIP
    assert (page.status_code, api.status_code) == ((302, 201) if recorder else (404, 404))
    assert Incident.objects.filter(staff_member=user).count() == before + (2 if recorder else 0)
    assert protocol.status_code == expect(POLICE, name)
