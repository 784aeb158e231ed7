"""Mijn werk in the browser, in four roles: the start page after sign-in lists what waits (the
GGZ practitioner invited to one agenda item sees the invitation), the menu shows the counts,
axe-core finds nothing, and nothing scrolls sideways at 390 px. Screenshots at 1366 and 390 px
go to the artefacts directory (``SCHAKEL_E2E_ARTIFACTS``, e.g. ``test-results/``)."""

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from schakel.core.work import work_items_for
from schakel.intake.tests.factories import membership_of
from schakel.work.tests.world import busy_region
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    check_at_widths,
    enrolled,
    path_is,
    sign_in,
)

pytestmark = E2E_MARKS


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        pytest.param("lead_a", "Matchsuggestie", id="municipal-lead"),
        pytest.param("director", "Casus CAS-", id="process-director"),
        pytest.param("police_member", "Interventie in casus", id="police-member"),
        pytest.param("ggz_member", "Uitnodiging: agendapunt over casus", id="ggz-invitee"),
    ],
)
def test_mijn_werk_is_the_start_page_in_every_role(
    new_context: ContextFactory, personas: Any, axe_source: Path, persona: str, expected: str
) -> None:
    world = busy_region(personas)
    user = getattr(personas, persona)
    waiting = work_items_for(membership_of(user))
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))

    expect(page).to_have_url(path_is("/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    table = page.get_by_role("table", name="Over tijd eerst, dan op datum")
    expect(table.get_by_role("row")).to_have_count(len(waiting) + 1)
    expect(table).to_contain_text(expected)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name=f"Mijn werk {len(waiting)} wachtend")).to_be_visible()
    if persona == "ggz_member":
        # The invitation leads to the agenda item (after the confidentiality step).
        table.get_by_role("link", name=f"casus {world.case.reference}").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Geheimhouding bevestigen")
        page.go_back()
    check_at_widths(page, axe_source, f"mijn-werk-{persona}")


def test_someone_with_nothing_waiting_is_told_so(
    new_context: ContextFactory, personas: Any, axe_source: Path
) -> None:
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, personas.admin_a, enrolled(personas.admin_a))
    expect(page.get_by_text("Er wacht nu niets op u.")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).not_to_contain_text("wachtend")
    check_at_widths(page, axe_source, "mijn-werk-functional-admin")
