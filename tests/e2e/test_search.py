"""Search in the browser (docs/search.md): the header's box finds a case by its reference, the
lead finds a resident by name on the search page (by POST: the name is in no URL), and a partner
is refused a name search and sees no name field. axe-core clean and no sideways scrolling at 1366
and 390 px; screenshots go to the artefacts directory."""

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from schakel.search.tests.helpers import two_municipalities
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


def header_search(page: Page, text: str) -> None:
    box = page.get_by_role("search", name="Zoeken").get_by_label("Zoeken")
    box.fill(text)
    with page.expect_response(lambda r: r.request.method == "POST"):
        box.press("Enter")
    page.wait_for_load_state()


def test_the_lead_finds_a_case_by_reference_and_a_resident_by_name(
    new_context: ContextFactory, personas: Any, axe_source: Path
) -> None:
    scene = two_municipalities(personas)
    page = new_context(bypass_csp=True).new_page()
    page.set_viewport_size({"width": 390, "height": 900})
    sign_in(page, personas.lead_a, enrolled(personas.lead_a))

    # The header's box fits at 390 px and finds the case by its reference, typed loosely.
    header_search(page, scene.case_a.reference.lower().replace("-", ""))
    expect(page).to_have_url(path_is("/zoeken/"))
    results = page.get_by_role("table", name="Gevonden")
    expect(results.get_by_role("link", name=scene.case_a.reference)).to_be_visible()
    expect(page.get_by_role("heading", name="1 resultaat")).to_be_visible()
    check_at_widths(page, axe_source, "zoeken-kenmerk")

    # By name on the search page: the resident's signal and case, not Brookdam's namesake.
    page.get_by_label("Achternaam").fill("Hoogeveld")
    submit(page, "Zoek op naam")
    expect(page).to_have_url(path_is("/zoeken/"))
    assert "?" not in page.url
    assert "oogeveld" not in page.url.lower()
    results = page.get_by_role("table", name="Gevonden")
    expect(results.get_by_role("link", name=scene.signal_a.reference)).to_be_visible()
    expect(results.get_by_role("link", name=scene.case_a.reference)).to_be_visible()
    expect(results).not_to_contain_text(scene.case_b.reference)
    check_at_widths(page, axe_source, "zoeken-naam")

    results.get_by_role("link", name=scene.case_a.reference).click()
    expect(page).to_have_url(path_is(f"/casussen/{scene.case_a.pk}/"))


def test_a_partner_is_refused_a_name_search(
    new_context: ContextFactory, personas: Any, axe_source: Path
) -> None:
    two_municipalities(personas)
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, personas.police_member, enrolled(personas.police_member))
    header_search(page, "Hoogeveld")
    expect(page.get_by_text("Zoeken op naam is in uw rol niet toegestaan.")).to_be_visible()
    expect(page.get_by_label("Achternaam")).to_have_count(0)
    expect(page.get_by_label("Kenmerk", exact=True)).to_be_visible()
    check_at_widths(page, axe_source, "zoeken-geweigerd")
