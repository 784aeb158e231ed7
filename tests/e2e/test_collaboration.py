"""The regional coordinator in the browser: opens the partnership from the menu, draws up its
multi-year policy plan with two goals and a progress update, and downloads the export for the
administrative meeting. axe-core finds nothing and nothing scrolls sideways at 1366 and 390 px.
"""

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    check_at_widths,
    enrolled,
    sign_in,
    submit,
)

pytestmark = E2E_MARKS


def test_the_coordinator_writes_the_policy_plan(
    new_context: ContextFactory, personas: Any, network: Any, axe_source: Path
) -> None:
    coordinator = network.coordinator
    page = new_context(bypass_csp=True, accept_downloads=True).new_page()
    sign_in(page, coordinator, enrolled(coordinator))

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Samenwerking"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samenwerking")
    check_at_widths(page, axe_source, "samenwerking-lijst")
    page.get_by_role("link", name=network.partnership.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(network.partnership.name)
    expect(page.get_by_text("Regionaal coördinator of adviseur")).to_be_visible()
    check_at_widths(page, axe_source, "samenwerking-thuispagina")
    page.get_by_role("link", name="Rollen toekennen of beëindigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rollen")
    check_at_widths(page, axe_source, "samenwerking-rollen")
    page.get_by_role("link", name=f"Terug naar {network.partnership.name}").click()
    page.get_by_role("link", name="Gefaciliteerde weging beheren").click()
    check_at_widths(page, axe_source, "samenwerking-weging")
    page.get_by_role("link", name=f"Terug naar {network.partnership.name}").click()

    page.get_by_role("link", name="Naar het beleidsplan").click()
    page.get_by_role("link", name="Beleidsplan opstellen").click()
    page.get_by_label("Beginjaar").fill("2025")
    page.get_by_label("Eindjaar").fill("2028")
    page.get_by_label("Thema 1").fill("Vroegsignalering")
    page.get_by_label("Thema 2").fill("Deskundigheid van professionals")
    check_at_widths(page, axe_source, "beleidsplan-opstellen")
    submit(page, "Beleidsplan opslaan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meerjarig beleidsplan 2025–2028")

    for theme, title in (
        ("Vroegsignalering", "Elke gemeente heeft een meldpunt"),
        ("Deskundigheid van professionals", "Tweehonderd professionals getraind"),
    ):
        page.get_by_role("link", name="Doel toevoegen").click()
        page.get_by_label("Thema", exact=True).select_option(label=theme)
        page.get_by_label("Doel", exact=True).fill(title)
        page.get_by_label("Indicator").fill("Aantal")
        page.get_by_label("Nulmeting").fill("2")
        page.get_by_label("Streefwaarde").fill("6")
        page.get_by_label("Eenheid").fill("stuks")
        submit(page, "Doel toevoegen")
        expect(page.get_by_role("heading", name=title)).to_be_visible()

    page.get_by_role("link", name="Voortgang vastleggen – Elke gemeente heeft een meldpunt").click()
    page.get_by_label("Periode").fill("2026-K1")
    page.get_by_label("Aandacht nodig").check()
    page.get_by_label("Toelichting").fill("Twee gemeenten volgen in het tweede kwartaal.")
    check_at_widths(page, axe_source, "beleidsplan-voortgang")
    submit(page, "Voortgang vastleggen")
    expect(page.get_by_role("cell", name="Aandacht nodig")).to_be_visible()
    check_at_widths(page, axe_source, "beleidsplan")

    with page.expect_download() as download:
        page.get_by_role("link", name="Doelen, indicatoren en voortgang als CSV (Excel)").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith("\ufeff".encode())
    assert "Elke gemeente heeft een meldpunt" in content.decode("utf-8-sig")
    with page.expect_download() as download:
        page.get_by_role("link", name="Beleidsplan als PDF voor het bestuurlijk overleg").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
