"""The notification preferences in the browser: reached from the menu, changed by keyboard and
mouse, saved with a message; axe-core finds nothing, at 1366 and 320 px nothing scrolls
sideways."""

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from schakel.notifications.choices import Frequency
from schakel.notifications.models import NotificationPreference
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    assert_accessible,
    enrolled,
    path_is,
    sign_in,
    submit,
)

pytestmark = E2E_MARKS


def test_a_person_sets_their_own_mail_preference(
    new_context: ContextFactory, personas: Any, axe_source: Path
) -> None:
    user = personas.ggz_member
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="E-mailberichten").click()
    expect(page).to_have_url(path_is("/e-mailberichten/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Berichten per e-mail")
    expect(page.get_by_role("radio", name="Eén overzicht per dag")).to_be_checked()
    for width in (1366, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page, axe_source)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner + 16, f"{scroll} px wide at {inner} px"
    page.get_by_role("radio", name="Direct", exact=False).check()
    page.get_by_label("Tijdstip van het dagoverzicht").select_option("17")
    submit(page, "Voorkeur opslaan")
    expect(page.get_by_text("Uw voorkeur voor e-mail is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("radio", name="Direct", exact=False)).to_be_checked()
    saved = NotificationPreference.objects.get(user=user)
    assert (saved.frequency, saved.digest_hour) == (Frequency.DIRECT, 17)
    assert_accessible(page, axe_source)
