"""The pages at work: recording, following up, the protocol, designating, figures, Mijn werk."""

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.api.tests.helpers import patch, post, url
from schakel.staff_safety.choices import IncidentStatus
from schakel.staff_safety.models import Incident, SafetyOfficer, SafetyProtocol
from schakel.staff_safety.tests.conftest import membership
from schakel.staff_safety.work import new_incidents

pytestmark = pytest.mark.django_db
CREATE = reverse("staff_safety:incident_create")


def form(**overrides: str) -> dict[str, str]:
    data = {
        "occurred_on": timezone.localdate().isoformat(),
        "kind": "threat",
        "channel": "phone",
        "description": "Aan de telefoon bedreigd na een huisbezoek.",
    }
    data.update(overrides)
    return data


def test_a_staff_member_records_an_incident(personas, safety, signed_in) -> None:
    client = signed_in(personas.lead_a)
    response = client.post(CREATE, form())
    incident = Incident.objects.get(staff_member=personas.lead_a)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "staff_safety:incident_detail", kwargs={"pk": incident.pk}
    )
    assert incident.organisation == personas.municipality_a


def test_refused_input_shows_the_messages(personas, safety, signed_in) -> None:
    response = signed_in(personas.lead_a).post(CREATE, form(description="", kind=""))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Er is nog niets opgeslagen" in content
    assert Incident.objects.filter(staff_member=personas.lead_a).count() == 0


def test_only_managers_get_the_colleague_choice(personas, safety, signed_in) -> None:
    assert (
        "Over wie gaat de melding?" not in signed_in(personas.lead_a).get(CREATE).content.decode()
    )
    content = signed_in(safety.police_admin).get(CREATE).content.decode()
    assert "Over wie gaat de melding?" in content
    assert personas.lead_a.full_name not in content  # only the own organisation's staff
    response = signed_in(safety.police_admin).post(
        CREATE, form(staff_member=str(safety.police_colleague.pk))
    )
    assert response.status_code == 302
    assert Incident.objects.filter(staff_member=safety.police_colleague).exists()


def test_the_safety_officer_follows_up_on_the_page(personas, safety, signed_in) -> None:
    client = signed_in(safety.police_officer)
    path = reverse("staff_safety:incident_follow_up", kwargs={"pk": safety.incident.pk})
    response = client.post(
        path,
        {
            "status": IncidentStatus.CLOSED,
            "police_report_filed": "on",
            "police_report_on": timezone.localdate().isoformat(),
            "employer_details_used": "on",
            "support": ["conversation", "legal_support"],
        },
    )
    assert response.status_code == 302
    safety.incident.refresh_from_db()
    assert safety.incident.status == IncidentStatus.CLOSED
    assert safety.incident.employer_details_used


def test_work_items_for_the_safety_officer_only(personas, safety) -> None:
    items = new_incidents(membership(safety.police_officer))
    assert [item.reference for item in items] == [safety.incident.reference]
    assert new_incidents(membership(personas.police_member)) == []
    assert new_incidents(membership(safety.officer_a)) == []


def test_the_protocol_page_and_its_edit(personas, safety, signed_in) -> None:
    page = reverse("staff_safety:protocol")
    assert "nog niet ingevuld" in signed_in(personas.police_member).get(page).content.decode()
    response = signed_in(safety.police_admin).post(
        reverse("staff_safety:protocol_edit"),
        {
            "report_mailbox": "veiligheid@politie.example",
            "officer_function": "Vertrouwenspersoon agressie",
            "officer_mailbox": "vertrouwenspersoon@politie.example",
            "employer_name": "Politie-eenheid Noordkaap",
            "employer_address": "Bureauweg 1, Noordkaap",
            "when_threatened": "Bel 112 bij direct gevaar.",
        },
    )
    assert response.status_code == 302
    assert SafetyProtocol.objects.get().organisation == personas.police
    content = signed_in(personas.police_member).get(page).content.decode()
    assert "vertrouwenspersoon@politie.example" in content
    assert "Bureauweg 1" in content
    # Another organisation's staff read their own organisation's protocol, not this one.
    assert "Bureauweg 1" not in signed_in(personas.lead_a).get(page).content.decode()
    api = signed_in(personas.police_member).get(url("staff-safety-protocol"))
    assert api.json()["officer_mailbox"] == "vertrouwenspersoon@politie.example"
    assert signed_in(personas.lead_a).get(url("staff-safety-protocol")).status_code == 404


def test_designating_and_ending_on_the_page(personas, safety, signed_in) -> None:
    client = signed_in(safety.police_admin)
    colleague = membership(safety.police_colleague)
    response = client.post(reverse("staff_safety:officers"), {"membership": str(colleague.pk)})
    assert response.status_code == 302
    designation = SafetyOfficer.objects.get(membership=colleague, ended_at__isnull=True)
    other = membership(personas.lead_a)
    response = client.post(reverse("staff_safety:officers"), {"membership": str(other.pk)})
    assert response.status_code == 200  # not a choice: another organisation
    response = client.post(reverse("staff_safety:officer_end", kwargs={"pk": designation.pk}))
    assert response.status_code == 302
    designation.refresh_from_db()
    assert designation.ended_at is not None
    # The functional admin of another organisation cannot end it (404).
    officer = SafetyOfficer.objects.get(membership__user=safety.police_officer)
    ended = signed_in(personas.admin_a).post(
        reverse("staff_safety:officer_end", kwargs={"pk": officer.pk})
    )
    assert ended.status_code == 404


def test_the_figures_page_suppresses(personas, safety, signed_in) -> None:
    content = signed_in(safety.police_administrator).get(reverse("staff_safety:figures")).content
    text = content.decode()
    assert "&lt; 5" in text
    assert "niet getoond" in text
    api = signed_in(safety.police_administrator).get(url("staff-safety-figures")).json()
    quarter = (safety.incident.occurred_on.month - 1) // 3
    assert api["rows"][quarter]["counts"]["doxing"] == "< 5"
    assert api["total"] is None
    bad = signed_in(safety.police_administrator).get(url("staff-safety-figures") + "?year=1999")
    assert bad.status_code == 400


def test_the_api_records_and_follows_up(personas, safety, signed_in) -> None:
    client = signed_in(personas.police_member)
    created = post(
        client,
        url("staff-incident-list"),
        {
            "occurred_on": timezone.localdate().isoformat(),
            "kind": "online_harassment",
            "channel": "social_media",
            "description": "Beledigende berichten onder een bericht van de politie.",
            "support": ["aftercare"],
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["access"] == "full"
    assert body["staff_member"] == personas.police_member.full_name
    invalid = post(client, url("staff-incident-list"), {"kind": "x"})
    assert invalid.status_code == 400
    assert invalid["Content-Type"] == "application/problem+json"
    officer = signed_in(safety.police_officer)
    changed = patch(
        officer,
        url("staff-incident-detail", body["id"]),
        {"status": "in_progress", "support": ["aftercare", "security_measures"]},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["status"] == "in_progress"


def test_the_openapi_document_lists_the_endpoints(personas, signed_in) -> None:
    schema = signed_in(personas.lead_a).get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert b"/staff-safety/incidents" in schema.content
