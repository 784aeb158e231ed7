"""Staff safety in the browser: a police officer records a doxing incident (with the police
report filed on the employer's details); a colleague in another organisation cannot see it (a
404 on its address, absent from their lists and from the API); the police's safety officer sees
it. axe-core finds nothing and nothing scrolls sideways at 1366 and 390 px."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership
from schakel.accounts.tests.factories import MembershipFactory
from schakel.staff_safety import services
from schakel.staff_safety.models import Incident
from tests.e2e.helpers import E2E_MARKS, ContextFactory, check_at_widths, enrolled, sign_in, submit

pytestmark = E2E_MARKS

DESCRIPTION = "Op een forum staan mijn functie, mijn woonplaats en een foto van mijn voordeur."


def _membership(user: Any) -> Membership:
    return Membership.objects.active().select_related("organisation", "user").get(user=user)


def test_a_doxing_incident_is_seen_by_the_staff_member_and_the_safety_officer_only(
    new_context: ContextFactory, personas: Any, axe_source: Path
) -> None:
    admin = MembershipFactory(organisation=personas.police, role=Role.FUNCTIONAL_ADMIN)
    officer = MembershipFactory(organisation=personas.police, role=Role.PARTNER_MEMBER)
    services.officer_designate(membership=admin, target=officer)

    # The police officer records the incident.
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, personas.police_member, enrolled(personas.police_member))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Veiligheid medewerkers"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn meldingen")
    page.get_by_role("link", name="Incident melden").click()
    check_at_widths(page, axe_source, "staff-safety-record")
    page.set_viewport_size({"width": 1366, "height": 900})
    day = timezone.localdate() - timedelta(days=2)
    page.get_by_label("Datum van het incident").fill(day.isoformat())
    page.get_by_label("Doxing").check()
    page.get_by_label("Sociale media").check()
    page.get_by_label("Wat is er gebeurd?").fill(DESCRIPTION)
    page.get_by_label("Aangifte gedaan", exact=True).check()
    page.get_by_label("Datum van de aangifte").fill(timezone.localdate().isoformat())
    page.get_by_label("Aangifte gedaan met de gegevens van de werkgever", exact=False).check()
    page.get_by_label("Gesprek").check()
    submit(page, "Melding vastleggen")
    incident = Incident.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Melding {incident.reference}")
    expect(page.get_by_text(DESCRIPTION)).to_be_visible()
    assert incident.kind == "doxing"
    assert incident.employer_details_used
    check_at_widths(page, axe_source, "staff-safety-detail")
    detail_path = page.url.split("//", 1)[1].split("/", 1)[1]

    # A colleague in another organisation: 404 on its address, absent from lists and the API.
    other = new_context(bypass_csp=True).new_page()
    sign_in(other, personas.lead_a, enrolled(personas.lead_a))
    response = other.goto(f"/{detail_path}")
    assert response is not None
    assert response.status == 404
    other.goto("/veiligheid/")
    expect(other.get_by_role("heading", level=1)).to_have_text("Mijn meldingen")
    expect(other.locator("main")).not_to_contain_text(incident.reference)
    check_at_widths(other, axe_source, "staff-safety-mine-empty")
    api = other.request.get(f"/api/v1/staff-safety/incidents/{incident.pk}")
    assert api.status == 404
    listed = other.request.get("/api/v1/staff-safety/incidents").json()
    assert str(incident.pk) not in [row["id"] for row in listed["results"]]

    # The police's safety officer sees it in the organisation's overview and in full.
    safety = new_context(bypass_csp=True).new_page()
    sign_in(safety, officer.user, enrolled(officer.user))
    safety.goto("/veiligheid/overzicht/")
    expect(safety.get_by_role("heading", level=1)).to_have_text("Meldingen van de organisatie")
    check_at_widths(safety, axe_source, "staff-safety-overview")
    safety.get_by_role("link", name=incident.reference).click()
    expect(safety.get_by_text(DESCRIPTION)).to_be_visible()
    safety.get_by_role("link", name="Opvolging en status bijwerken").click()
    check_at_widths(safety, axe_source, "staff-safety-follow-up")
    safety.set_viewport_size({"width": 1366, "height": 900})
    safety.get_by_label("In behandeling").check()
    submit(safety, "Opvolging opslaan")
    expect(safety.get_by_text("De opvolging is opgeslagen.")).to_be_visible()
    incident.refresh_from_db()
    assert incident.status == "in_progress"


def test_the_management_pages_are_accessible(
    new_context: ContextFactory, personas: Any, axe_source: Path
) -> None:
    """The functional admin writes the protocol and designates an officer; the figures."""
    admin = MembershipFactory(organisation=personas.police, role=Role.FUNCTIONAL_ADMIN)
    services.incident_record(
        membership=_membership(personas.police_member),
        data=services.IncidentInput(
            staff_member=None,
            occurred_on=timezone.localdate(),
            kind="threat",
            channel="phone",
            description="Aan de telefoon bedreigd.",
        ),
    )
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, admin.user, enrolled(admin.user))
    page.goto("/veiligheid/protocol/bewerken/")
    check_at_widths(page, axe_source, "staff-safety-protocol-edit")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_label("Functie van de veiligheidscoördinator").fill("Vertrouwenspersoon agressie")
    page.get_by_label("Mailbox van de veiligheidscoördinator").fill("vp@politie.example")
    page.get_by_label("Adres van de werkgever voor een aangifte").fill("Bureauweg 1, Noordkaap")
    page.get_by_label("Wat te doen bij bedreiging").fill("Bel 112 bij direct gevaar.")
    submit(page, "Protocol opslaan")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Veiligheidsprotocol Politie-eenheid Noordkaap"
    )
    check_at_widths(page, axe_source, "staff-safety-protocol")
    page.goto("/veiligheid/coordinatoren/")
    page.get_by_label("Medewerker").select_option(
        label=f"{personas.police_member.full_name} – Professional ketenpartner"
    )
    submit(page, "Aanwijzen")
    expect(page.get_by_role("table")).to_contain_text(personas.police_member.full_name)
    check_at_widths(page, axe_source, "staff-safety-officers")
    page.goto("/veiligheid/overzicht/")
    check_at_widths(page, axe_source, "staff-safety-overview-limited")

    officer = new_context(bypass_csp=True).new_page()
    sign_in(officer, personas.police_member, enrolled(personas.police_member))
    officer.goto("/veiligheid/cijfers/")
    expect(officer.get_by_role("table")).to_contain_text("< 5")
    check_at_widths(officer, axe_source, "staff-safety-figures")
