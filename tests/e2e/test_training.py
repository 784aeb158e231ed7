"""Trainings in the browser (issue 14's acceptance): the regional coordinator allocates the seats
of an ROR session to two municipalities (Aldermeer 1, Brookdam 2); Aldermeer's municipal lead
registers two participants and the second lands on the waiting list; cancelling the first moves
the second up. axe-core finds nothing and
nothing scrolls sideways at 1366 and 390 px on every page on the way. Screenshots
``training-*.png`` go to the artefacts directory."""

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from schakel.training.choices import RegistrationStatus
from schakel.training.models import Registration, SeatAllocation
from schakel.training.tests.world import training_world
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    check_at_widths,
    enrolled,
    path_is,
    sign_in,
    submit,
)

pytestmark = E2E_MARKS


def _signed_in(new_context: ContextFactory, user: Any) -> Page:
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))
    return page


def _open_session(page: Page, title: str, collaboration: str = "") -> None:
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    if collaboration:  # the case table's roles: through the collaboration's home page
        menu.get_by_role("link", name="Samenwerking").click()
        page.get_by_role("link", name=collaboration).click()
        page.get_by_role("link", name="Alle trainingen").click()
    else:
        menu.get_by_role("link", name="Trainingen").click()
    expect(page).to_have_url(path_is("/trainingen/"))
    page.get_by_role("table", name="Komende sessies in uw samenwerkingsverbanden").get_by_role(
        "link", name=title
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_the_coordinator_allocates_and_a_lead_fills_the_seats_and_the_waiting_list(
    new_context: ContextFactory, personas: Any, network: Any, axe_source: Path
) -> None:
    world = training_world(personas, network, allocate=False)
    title = world.training.title

    # The coordinator allocates the seats ---------------------------------------------------
    page = _signed_in(new_context, network.coordinator)
    _open_session(page, title)
    check_at_widths(page, axe_source, "training-session-coordinator")
    page.get_by_role("link", name="Plaatsen toewijzen").click()
    page.get_by_label("Gemeente Aldermeer").fill("4")
    page.get_by_label("Gemeente Brookdam").fill("2")
    submit(page, "Plaatsen toewijzen")
    expect(page.get_by_role("alert")).to_contain_text("U wijst 6 plaatsen toe")
    check_at_widths(page, axe_source, "training-allocate-refused")
    page.get_by_label("Gemeente Aldermeer").fill("1")
    submit(page, "Plaatsen toewijzen")
    expect(page.get_by_text("De plaatsen zijn toegewezen.")).to_be_visible()
    allocations = dict(
        SeatAllocation.objects.filter(seats__gt=0).values_list("organisation__name", "seats")
    )
    assert allocations == {"Gemeente Aldermeer": 1, "Gemeente Brookdam": 2}

    # Aldermeer's municipal lead registers two participants ---------------------------------
    page = _signed_in(new_context, personas.lead_a)
    _open_session(page, title, collaboration=network.partnership.name)
    for participant in (personas.lead_a, personas.colleague_a):
        page.get_by_role("link", name="Deelnemer aanmelden").click()
        if participant == personas.lead_a:
            check_at_widths(page, axe_source, "training-register")
        page.get_by_label("Deelnemer").select_option(value=str(participant.pk))
        submit(page, "Aanmelden")
    expect(page.get_by_text("staat op de wachtlijst (plaats 1)")).to_be_visible()
    registrations = page.get_by_role("table", name="Aanmeldingen, in volgorde van aanmelden")
    expect(registrations.get_by_role("row")).to_have_count(3)
    expect(registrations).to_contain_text("Wachtlijst (plaats 1)")
    check_at_widths(page, axe_source, "training-session-lead")
    statuses = dict(Registration.objects.values_list("participant_id", "status"))
    assert statuses == {
        personas.lead_a.pk: RegistrationStatus.REGISTERED,
        personas.colleague_a.pk: RegistrationStatus.WAITING,
    }

    # Cancelling the first moves the waiting list up.
    registrations.get_by_role("link", name="Annuleren (1)").click()
    check_at_widths(page, axe_source, "training-cancel")
    submit(page, "Aanmelding annuleren")
    expect(page.get_by_text("van de wachtlijst heeft de plaats gekregen")).to_be_visible()
    assert Registration.objects.get(participant=personas.colleague_a).status == "registered"

    page.goto("/trainingen/mijn/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn trainingen")
    check_at_widths(page, axe_source, "training-mine")
    page.goto("/trainingen/budget/")
    check_at_widths(page, axe_source, "training-budget")
