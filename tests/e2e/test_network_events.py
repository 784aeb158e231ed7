"""Network events in the browser: the regional coordinator plans a case simulation with two
participating organisations; the person-data check refuses case material with a name and a date
of birth (the Dutch message in the error summary and at the field, nothing saved); with the
material anonymised the event is planned, and after it the coordinator records what was
discussed and a learning point. axe-core finds nothing and nothing scrolls sideways at 1366 and
390 px."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from schakel.accounts.display import staff_display
from schakel.network_events.models import NetworkEvent
from tests.e2e.helpers import E2E_MARKS, ContextFactory, check_at_widths, enrolled, sign_in, submit

pytestmark = E2E_MARKS

BIRTH_DATE_MESSAGE = "De tekst bevat een datum die een geboortedatum bij een naam lijkt."


def test_coordinator_plans_a_case_simulation_and_records_learning_points(
    new_context: ContextFactory, personas: Any, network: Any, axe_source: Path
) -> None:
    coordinator = network.coordinator
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, coordinator, enrolled(coordinator))

    page.goto(f"/samenwerkingsverbanden/{network.partnership.pk}/netwerkbijeenkomsten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerkbijeenkomsten")
    check_at_widths(page, axe_source, "netwerkbijeenkomsten-lijst")
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomst plannen")
    expect(page.get_by_text("Zo maakt u het materiaal anoniem")).to_be_visible()
    check_at_widths(page, axe_source, "netwerkbijeenkomst-plannen")

    yesterday = timezone.localdate() - timedelta(days=1)
    page.get_by_label("Casussimulatie").check()
    page.get_by_label("Titel").fill("Casussimulatie informatiedeling bij zorgen over een jongere")
    page.get_by_label("Datum", exact=True).fill(yesterday.isoformat())
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Plaats of link").fill("Stadhuis Aldermeer, zaal 2")
    page.get_by_label("Organisator").select_option(label=personas.municipality_a.name)
    page.get_by_label("Doel").fill("Elkaars wettelijke kaders voor informatiedeling oefenen.")
    material = page.get_by_label("Casusmateriaal (verzonnen of geanonimiseerd)")
    material.fill("Jan de Vries, geboren 12-03-2001, deelt online extreme teksten.")
    page.get_by_label(personas.police.name, exact=True).check()
    page.get_by_label(personas.om.name, exact=True).check()
    police_staff = staff_display(personas.police_member, personas.police)
    page.get_by_label(f"{police_staff}, Professional ketenpartner", exact=True).check()
    submit(page, "Bijeenkomst plannen")

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Er is nog niets opgeslagen")
    expect(summary).to_contain_text(BIRTH_DATE_MESSAGE)
    assert not NetworkEvent.objects.exists()
    check_at_widths(page, axe_source, "netwerkbijeenkomst-persoonsgegevens")

    material.fill(
        "Verzonnen casus: een jongvolwassene deelt online extreme teksten. De wijkagent en het "
        "OM vragen zich af wat zij met de gemeente mogen delen."
    )
    submit(page, "Bijeenkomst plannen")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Casussimulatie informatiedeling bij zorgen over een jongere"
    )
    expect(page.get_by_test_id("casusmateriaal")).to_contain_text("Verzonnen casus")
    expect(page.get_by_text(police_staff)).to_be_visible()
    check_at_widths(page, axe_source, "netwerkbijeenkomst-gepland")

    page.get_by_role("link", name="Verslag vastleggen").click()
    page.get_by_label("Wat is besproken").fill(
        "De politie lichtte de Wpg toe, het OM de Wjsg; de gemeente de Wet gegevensverwerking PGA."
    )
    submit(page, "Verslag opslaan")
    expect(page.get_by_role("heading", name="Verslag")).to_be_visible()

    page.get_by_role("link", name="Leerpunt toevoegen").click()
    page.get_by_label("Leerpunt", exact=True).fill(
        "Vraag bij een informatievraag altijd naar de grondslag van de ontvanger."
    )
    page.get_by_label("Thema").fill("Wettelijke kaders")
    page.get_by_label(personas.police.name, exact=True).check()
    check_at_widths(page, axe_source, "netwerkbijeenkomst-leerpunt")
    submit(page, "Leerpunt opslaan")

    points = page.get_by_role("table", name="1 leerpunt")
    expect(points).to_contain_text("Wettelijke kaders")
    expect(points).to_contain_text(personas.police.name)
    event = NetworkEvent.objects.get()
    assert event.status == "held"
    assert event.organisations.count() == 2
    check_at_widths(page, axe_source, "netwerkbijeenkomst-verslag")
