"""The case page's overview in the browser: the phase bar and the timeline at 1366 and 390 px,
axe-core clean and without sideways scrolling, in the roles that see the case; the print button
appears with JavaScript (under the real CSP) and is absent without. Screenshots at each width go
to the artefacts directory (``SCHAKEL_E2E_ARTIFACTS``)."""

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from schakel.cases.choices import InterventionKind
from schakel.cases.meetings.disclosures import disclosure_record
from schakel.cases.meetings.services import meeting_acknowledge
from schakel.cases.models import Case
from schakel.cases.plans.services import plan_adopt
from schakel.cases.tests.document_helpers import _disclosure
from schakel.cases.tests.factories import first_draft, on_agenda, open_case, planned_intervention
from schakel.intake.tests.factories import membership_of
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    check_at_widths,
    enrolled,
    sign_in,
)

pytestmark = E2E_MARKS


def case_with_a_course(personas: Any) -> Case:
    """A case with a meeting, a disclosure, an adopted plan and two interventions."""
    case = open_case(personas)
    item = on_agenda(personas, case)
    director = membership_of(personas.director)
    police = membership_of(personas.police_member)
    meeting_acknowledge(membership=police, meeting=item.meeting)
    disclosure_record(
        membership=police,
        item=item,
        data=_disclosure(
            personas,
            purpose="Beeld van eerdere incidenten.",
            recipients=[personas.municipality_a, personas.zvh],
        ),
    )
    draft = first_draft(director, case, goals="Terug naar school.", housing="Woont thuis.")
    for kind, owner in (
        (InterventionKind.ADMINISTRATIVE, personas.municipality_a),
        (InterventionKind.CARE, personas.police),
    ):
        planned_intervention(director, case, kind=kind, owner=owner, description="Gesprek.")
    draft.refresh_from_db()
    plan_adopt(
        membership=director, item=item, based_on_revision=draft.revision, meeting_in_progress=True
    )
    return case


@pytest.mark.parametrize(
    ("persona", "name"),
    [("lead_a", "lead"), ("director", "process-director"), ("police_member", "police")],
)
def test_the_case_page_shows_its_phases_and_course(
    new_context: ContextFactory, personas: Any, axe_source: Path, persona: str, name: str
) -> None:
    case = case_with_a_course(personas)
    user = getattr(personas, persona)
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))
    page.goto(f"/casussen/{case.pk}/")

    phases = page.get_by_role("list").filter(has_text="Signaal").first
    current = phases.locator('[aria-current="step"]')
    expect(current).to_have_count(1)
    expect(current).to_contain_text("Casusoverleg")
    course = page.locator('section[aria-labelledby="verloop"]')
    expect(course.get_by_role("heading", level=2)).to_have_text("Verloop")
    expect(course).to_contain_text("Casus geopend")
    expect(course).to_contain_text("vastgesteld in het casusoverleg van")
    expect(course).to_contain_text("Ingebracht door Politie-eenheid Noordkaap")
    if persona == "lead_a":
        expect(course).to_contain_text("Geregistreerd door Gemeente Aldermeer")
    else:
        expect(course).not_to_contain_text("Geregistreerd door")
    expect(page.get_by_role("link", name="Versie 1 als PDF downloaden")).to_be_visible()
    check_at_widths(page, axe_source, f"case-timeline-{name}")


def test_the_print_button_needs_javascript_and_runs_under_the_csp(
    new_context: ContextFactory, personas: Any
) -> None:
    case = case_with_a_course(personas)
    user = personas.director
    with_js = new_context().new_page()  # the real Content-Security-Policy
    sign_in(with_js, user, enrolled(user))
    with_js.goto(f"/casussen/{case.pk}/")
    expect(with_js.get_by_role("button", name="Afdrukken")).to_be_visible()

    without_js = new_context(java_script_enabled=False).new_page()
    sign_in(without_js, personas.lead_a, enrolled(personas.lead_a))
    without_js.goto(f"/casussen/{case.pk}/")
    expect(without_js.get_by_role("heading", name="Verloop")).to_be_visible()
    expect(without_js.get_by_role("button", name="Afdrukken")).to_have_count(0)
