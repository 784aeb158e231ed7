"""The match suggestions in the browser at 1366 and 390 px (issue 13): the inbox's list names
both signals and how their identities compare, the suggestion's own page shows both side by
side; axe-core finds nothing and the page never scrolls sideways (a wide table scrolls inside
its focusable region). Screenshots at each width go to the artefacts
directory (``SCHAKEL_E2E_ARTIFACTS``)."""

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from schakel.intake.models import MatchSuggestion
from schakel.intake.tests.factories import register
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    check_at_widths,
    enrolled,
    sign_in,
)

pytestmark = E2E_MARKS


def two_suggestions(personas: Any) -> MatchSuggestion:
    """The police knows a resident of Brookdam; a school and a municipal department register
    the same person (a typo, no prefix) in Aldermeer: two suggestions with alike scores."""
    register(personas.police_member, residence=personas.municipality_b)
    school = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
    )
    register(personas.lead_a, residence=personas.municipality_a, surname_prefix="")
    return next(
        s
        for s in school.suggestions
        if s.earlier_signal.directing_municipality_id == personas.municipality_b.pk
    )


def test_the_match_list_and_page_fit_at_390_and_1366_px(
    new_context: ContextFactory, personas: Any, axe_source: Path
) -> None:
    across = two_suggestions(personas)
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, personas.lead_a, enrolled(personas.lead_a))

    page.goto("/meldpunt/#matchsuggesties")
    table = page.get_by_role("table", name="Open matchsuggesties, grootste kans eerst")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(MatchSuggestion.objects.count())
    row = rows.filter(has_text=f"Signaal {across.signal.reference}").filter(
        has_text="Meldpunt Gemeente Brookdam"
    )
    expect(row).to_contain_text("Gemeld door Scholengroep Noordkaap")
    expect(row).to_contain_text("Gelijk:")
    expect(row).not_to_contain_text(across.earlier_signal.reference)
    region = page.get_by_role("region", name="Open matchsuggesties, grootste kans eerst")
    expect(region).to_have_attribute("tabindex", "0")
    check_at_widths(page, axe_source, "match-list")

    row.get_by_role("link", name="Waarschijnlijk", exact=False).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Matchsuggestie")
    check_at_widths(page, axe_source, "match")
