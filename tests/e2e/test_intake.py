"""The meldpunt in the browser: two partners register the same person, the municipal lead
confirms the suggestion; axe-core finds no WCAG 2.2 A/AA violations on the pages on the way.

Pages run in contexts with ``bypass_csp`` so that axe-core can be injected (see
test_accessibility.py); the CSP itself is tested in test_csp.py.
"""

import re
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from schakel.accounts.models import User
from schakel.intake.models import MatchSuggestion, Signal
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

SCREENSHOT = Path("/tmp/suggestion.png")  # noqa: S108 - asked for at this fixed place


def signed_in_page(new_context: ContextFactory, user: User) -> Page:
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))
    return page


def fill_signal(page: Page, *, surname_prefix: str, surname: str, observation: str) -> None:
    """Fill in the registration form as a person would, by the visible labels."""
    page.get_by_label("Voornamen").fill("Daan Pieter")
    page.get_by_label("Tussenvoegsel").fill(surname_prefix)
    page.get_by_label("Achternaam").fill(surname)
    page.locator("#id_date_of_birth").fill("2004-03-17")
    page.get_by_label("Woongemeente").select_option(label="Gemeente Aldermeer")
    page.get_by_label("Wat is er waargenomen?").fill(observation)
    observed = (timezone.localdate() - timedelta(days=2)).isoformat()
    page.get_by_label("Waargenomen op").fill(observed)
    page.get_by_label("Brondomein").select_option(label="Veiligheid")
    page.get_by_label("Fenomeen").select_option(index=1)


def test_two_partners_register_and_the_lead_confirms_the_suggestion(
    new_context: ContextFactory, personas, axe_source: Path
) -> None:
    # The police registers a signal; the form is accessible, also when it comes back with errors.
    police = signed_in_page(new_context, personas.police_member)
    police.goto("/signalen/nieuw/")
    expect(police.get_by_role("heading", level=1)).to_have_text("Signaal registreren")
    expect(police.get_by_text("Acuut gevaar? Bel 112 of de politie.")).to_be_visible()
    assert_accessible(police, axe_source)

    fill_signal(police, surname_prefix="van", surname="", observation="Dreigende taal online.")
    submit(police, "Signaal registreren")
    summary = police.get_by_role("alert")
    expect(summary).to_contain_text("Er is nog niets opgeslagen")
    expect(police.get_by_label("Voornamen")).to_have_value("Daan Pieter")
    assert_accessible(police, axe_source)
    summary.get_by_role("link", name=re.compile(r"^Achternaam: Vul een achternaam in\.")).click()
    expect(police.get_by_label("Achternaam")).to_be_focused()

    police.get_by_label("Achternaam").fill("Hoogeveld")
    submit(police, "Signaal registreren")
    expect(police.get_by_text("Het signaal is geregistreerd met kenmerk")).to_be_visible()
    assert Signal.objects.count() == 1

    # The school registers the same person with a typo and without the prefix.
    school = signed_in_page(new_context, personas.school_member)
    school.goto("/signalen/nieuw/")
    expect(school.get_by_label("BSN")).to_have_count(0)  # the school may not process BSNs
    fill_signal(school, surname_prefix="", surname="Hogeveld", observation="Zorgen op school.")
    submit(school, "Signaal registreren")
    notice = school.get_by_test_id("known-at")
    expect(notice).to_contain_text(
        "Mogelijk is deze persoon al bekend bij het meldpunt van Gemeente Aldermeer."
    )
    expect(notice).to_contain_text(personas.municipality_a.mailbox)
    expect(school.get_by_text("Dreigende taal online.")).to_have_count(0)
    expect(school.get_by_text("Politie-eenheid Noordkaap")).to_have_count(0)

    # The municipal lead opens the inbox and the suggestion, and confirms.
    lead = signed_in_page(new_context, personas.lead_a)
    lead.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldpunt").click()
    expect(lead).to_have_url(path_is("/meldpunt/"))
    expect(lead.get_by_role("heading", name="Open matchsuggesties (1)")).to_be_visible()
    assert_accessible(lead, axe_source)

    suggestion = MatchSuggestion.objects.get()
    lead.get_by_role("link", name=f"Waarschijnlijk dezelfde persoon ({suggestion.score}%)").click()
    expect(lead).to_have_url(path_is(f"/meldpunt/matches/{suggestion.pk}/"))
    expect(lead.get_by_text("Die kans is geen oordeel over de persoon.")).to_be_visible()
    expect(lead.get_by_role("row", name=re.compile("^Achternaam verschilt"))).to_be_visible()
    assert_accessible(lead, axe_source)
    lead.screenshot(path=str(SCREENSHOT), full_page=True)

    submit(lead, "Bevestigen: dezelfde persoon")
    expect(
        lead.get_by_text("Bevestigd: beide signalen gaan nu over dezelfde betrokkene.")
    ).to_be_visible()
    expect(lead.get_by_role("button", name="Bevestigen: dezelfde persoon")).to_have_count(0)
    assert_accessible(lead, axe_source)

    subjects = set(Signal.objects.values_list("subject_id", flat=True))
    assert len(subjects) == 1
    assert None not in subjects

    # The school now reads that the person is known at the meldpunt, still nothing more.
    school.reload()
    expect(school.get_by_test_id("known-at")).to_contain_text(
        "Deze persoon is bekend bij het meldpunt van Gemeente Aldermeer."
    )
