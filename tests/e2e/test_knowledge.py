"""The knowledge base in the browser: the regional coordinator adds a factsheet with a PDF to
the collaboration and makes a second version; a member of another organisation in the
collaboration finds it by searching with another word form, opens it and sees both versions.
axe-core finds nothing at 1366 and 390 px, and nothing scrolls sideways."""

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from schakel.knowledge.tests.conftest import PDF_BYTES
from tests.e2e.helpers import E2E_MARKS, ContextFactory, check_at_widths, enrolled, sign_in, submit

pytestmark = E2E_MARKS


def test_a_factsheet_with_a_pdf_is_found_by_a_member_with_its_versions(
    new_context: ContextFactory,
    personas: Any,
    network: Any,
    axe_source: Path,
    tmp_path: Path,
) -> None:
    document = tmp_path / "factsheet-online-radicalisering.pdf"
    document.write_bytes(PDF_BYTES)

    page = new_context(bypass_csp=True).new_page()
    sign_in(page, network.coordinator, enrolled(network.coordinator))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kennisbank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kennisbank")
    page.get_by_role("link", name="Kennisitem toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kennisitem toevoegen")
    check_at_widths(page, axe_source, "kennisbank-toevoegen")
    page.get_by_label("Waar hoort het bij?").select_option(label=network.partnership.name)
    page.get_by_label("Factsheet", exact=True).check()
    page.get_by_label("Titel", exact=True).fill("Factsheet online radicalisering")
    page.get_by_label("Samenvatting").fill("Signalen van online radicalisering bij jongeren.")
    page.get_by_label("Thema's").fill("Online radicalisering, Jongeren")
    page.get_by_label(re.compile(r"^Bijlage")).set_input_files(document)
    page.get_by_label("Toelichting bij deze versie").fill("Eerste versie.")
    submit(page, "Kennisitem toevoegen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Factsheet online radicalisering")
    expect(page.get_by_role("link", name="factsheet-online-radicalisering.pdf")).to_be_visible()

    page.get_by_role("link", name="Nieuwe versie maken").click()
    text = "Jongeren ontmoeten extremistische groepen online."
    page.get_by_label(re.compile(r"^Tekst")).fill(text)
    page.get_by_label("Toelichting bij deze versie").fill("Tekst toegevoegd.")
    submit(page, "Versie opslaan")
    expect(page.get_by_text("Versie 2 is opgeslagen.")).to_be_visible()

    member = personas.police_member
    other = new_context(bypass_csp=True).new_page()
    sign_in(other, member, enrolled(member))
    other.goto("/kennisbank/")
    search = other.get_by_role("search", name="Kennisbank doorzoeken")
    search.get_by_label("Zoekwoorden").fill("factsheets jongere")
    search.get_by_role("button", name="Filter toepassen").click()
    results = other.get_by_role("table", name="1 kennisitem gevonden, de beste eerst")
    expect(results).to_be_visible()
    check_at_widths(other, axe_source, "kennisbank-zoeken")
    results.get_by_role("link", name="Factsheet online radicalisering").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Factsheet online radicalisering")
    versions = other.get_by_role("table", name="2 versies, de nieuwste eerst")
    expect(versions.get_by_role("row")).to_have_count(3)
    expect(other.get_by_role("link", name="Nieuwe versie maken")).to_have_count(0)
    check_at_widths(other, axe_source, "kennisbank-item")
    versions.get_by_role("link", name="Versie 1").click()
    expect(other.get_by_text("dit is niet de huidige versie")).to_be_visible()
