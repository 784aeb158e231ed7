"""Regional meetings in the browser: the coordinator of a collaboration plans a six-weekly
meeting series, opens an occurrence, writes minutes, uploads a PDF, records a decision and an
action point. axe-core finds nothing at 1366 and 390 px and nothing scrolls sideways."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from schakel.regional_meetings.models import ActionPoint, Decision, MeetingAttachment
from tests.e2e.helpers import E2E_MARKS, ContextFactory, check_at_widths, enrolled, sign_in, submit

pytestmark = E2E_MARKS
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_coordinator_plans_a_series_and_records_a_meeting(
    new_context: ContextFactory, network: Any, axe_source: Path
) -> None:
    coordinator = network.coordinator
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, coordinator, enrolled(coordinator))
    page.goto(
        reverse("regional_meetings:overview", kwargs={"collaboration": network.partnership.pk})
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Overleg")
    check_at_widths(page, axe_source, "overleg-overzicht")

    page.get_by_role("link", name="Overlegreeks plannen").click()
    first = timezone.localdate() + timedelta(days=7)
    page.get_by_label("Titel").fill("Zesweeks bestuurlijk overleg")
    page.get_by_label("Plaats").fill("Gemeentehuis Aldermeer, raadzaal")
    page.get_by_label("Eerste datum").fill(first.isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Duur in minuten").fill("120")
    page.get_by_label("Om de hoeveel weken").fill("6")
    page.get_by_label("Aantal keer").fill("6")
    check_at_widths(page, axe_source, "overlegreeks-plannen")
    submit(page, "Reeks plannen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zesweeks bestuurlijk overleg")
    table = page.get_by_role("table", name="Overleggen van deze reeks, op datum")
    expect(table.get_by_role("row")).to_have_count(7)
    check_at_widths(page, axe_source, "overlegreeks")

    table.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zesweeks bestuurlijk overleg")

    page.get_by_role("link", name="Notulen schrijven").click()
    page.get_by_label("Notulen").fill("De agenda is vastgesteld. Het beleidsplan ligt op koers.")
    submit(page, "Notulen opslaan")
    expect(page.get_by_text("Het beleidsplan ligt op koers.")).to_be_visible()

    page.get_by_role("link", name="Bijlage toevoegen").click()
    page.get_by_label("Notulen").check()
    page.get_by_label("Bestand").set_input_files(
        files=[{"name": "notulen.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    check_at_widths(page, axe_source, "overleg-bijlage")
    submit(page, "Bijlage toevoegen")
    expect(page.get_by_role("link", name="notulen.pdf", exact=True)).to_be_visible()

    page.get_by_role("link", name="Besluit vastleggen").click()
    page.get_by_label("Besluit").fill("De voortgangsrapportage is vastgesteld.")
    submit(page, "Besluit vastleggen")

    page.get_by_role("link", name="Actiepunt toevoegen").click()
    page.get_by_label("Actie", exact=True).fill("Factsheet rondsturen aan de partners.")
    page.get_by_label("Eigenaar (organisatie)").select_option(label="Gemeente Aldermeer")
    page.get_by_label("Uiterlijk op").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    submit(page, "Actiepunt toevoegen")

    actions = page.get_by_role("table", name="Actiepunten van dit overleg")
    expect(actions).to_contain_text("Factsheet rondsturen")
    expect(page.get_by_role("list").filter(has_text="voortgangsrapportage")).to_be_visible()
    check_at_widths(page, axe_source, "overleg")

    assert MeetingAttachment.objects.get().name == "notulen.pdf"
    assert Decision.objects.count() == 1
    assert ActionPoint.objects.get().owner.name == "Gemeente Aldermeer"
