"""Partial identities and the main identity, in the browser (issue 10's acceptance test).

The police registers a person with a full date of birth; the school knows only the year of
birth and spells the surname differently, with a prefix. Schakel suggests them as one person;
the municipal lead sees where the two differ, confirms, and keeps the earlier spelling as the
main identity (the later one, with its prefix the more complete, would have been the default).
The weighing and the case show the main identity with the other spelling as an alias; the lead
changes it later and the history shows both choices. axe-core (WCAG 2.2 A/AA) runs on the new pages.
"""

import re
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from schakel.cases.models import Case
from schakel.cases.tests.factories import arrangement_for
from schakel.intake.models import IdentityChoice, MatchSuggestion, Signal
from tests.e2e.case_flow_helpers import (
    AccessibilityLog,
    iso,
    screenshot,
    signed_in_page,
)
from tests.e2e.helpers import E2E_MARKS, ContextFactory, path_is, submit

pytestmark = E2E_MARKS

EARLIER, LATER_PREFIX, LATER_SURNAME = "Valkenier", "de", "Valkeniers"
LATER = f"{LATER_PREFIX} {LATER_SURNAME}"
WEIGHING_TABLE = ("Gemeente Aldermeer", "Politie-eenheid Noordkaap", "OM Arrondissement Noordkaap")


def register(
    page: Page, *, surname: str, observation: str, prefix: str = "", born: str = "", year: str = ""
) -> str:
    page.goto("/signalen/nieuw/")
    page.get_by_label("Voornamen").fill("Sem Joris")
    page.get_by_label("Tussenvoegsel").fill(prefix)
    page.get_by_label("Achternaam").fill(surname)
    if born:
        page.locator("#id_date_of_birth").fill(born)
    if year:
        page.get_by_text("Geboortedatum niet bekend?").click()  # a folded section
        page.get_by_label("Geboortejaar").fill(year)
    page.get_by_label("Woongemeente").select_option(label="Gemeente Aldermeer")
    page.get_by_label("Wat is er waargenomen?").fill(observation)
    page.get_by_label("Waargenomen op").fill(iso(timezone.localdate() - timedelta(days=2)))
    page.get_by_label("Brondomein").select_option(label="Veiligheid")
    page.get_by_label("Fenomeen").select_option(index=1)
    submit(page, "Signaal registreren")
    confirmation = page.get_by_text("Het signaal is geregistreerd met kenmerk")
    expect(confirmation).to_be_visible()
    found = re.search(r"kenmerk (\S+?)\.?$", confirmation.inner_text().strip())
    assert found
    return found.group(1)


def expect_main_identity(page: Page) -> None:
    person = page.locator("dl").filter(has_text="Ook geregistreerd als").first
    expect(person).to_contain_text(EARLIER)
    expect(page.get_by_test_id("aliases")).to_contain_text(f"Achternaam: {LATER}")
    expect(person).to_contain_text("12 mei 2003")


def test_a_year_only_signal_is_matched_and_the_earlier_spelling_kept(
    new_context: ContextFactory, personas, axe_source: Path
) -> None:
    axe = AccessibilityLog(axe_source)
    arrangement_for(personas.municipality_a)
    police = signed_in_page(new_context, personas.police_member)
    register(police, surname=EARLIER, born="2003-05-12", observation="Dreigende taal online.")
    school = signed_in_page(new_context, personas.school_member)
    school.goto("/signalen/nieuw/")
    axe.check(school, "registration form with the birth and account fields")
    reference = register(
        school,
        prefix=LATER_PREFIX,
        surname=LATER_SURNAME,
        year="2003",
        observation="Zorgen op school.",
    )
    expect(school.get_by_test_id("known-at")).to_contain_text("Gemeente Aldermeer")
    expect(school.get_by_text("2003 (alleen het jaar)")).to_be_visible()

    # The lead sees where the two differ, and keeps the earlier spelling.
    lead = signed_in_page(new_context, personas.lead_a)
    lead.goto("/meldpunt/")
    suggestion = MatchSuggestion.objects.get()
    lead.locator(f'a[href="/meldpunt/matches/{suggestion.pk}/"]').click()
    expect(lead.get_by_role("row", name=re.compile("^Achternaam verschilt"))).to_be_visible()
    expect(lead.get_by_role("row", name=re.compile("^Geboren verschilt"))).to_contain_text(
        "2003 (alleen het jaar)"
    )
    surname = lead.get_by_role("group", name="Achternaam")
    expect(surname.get_by_label(re.compile(f"^{LATER} "))).to_be_checked()  # most complete
    surname.get_by_label(re.compile(f"^{EARLIER} ")).check()
    axe.check(lead, "suggestion with the main identity choice")
    screenshot(lead, "partial-identity-suggestion")
    submit(lead, "Bevestigen: dezelfde persoon")
    expect(lead.get_by_text("Bevestigd: beide signalen gaan nu over dezelfde")).to_be_visible()
    choice = IdentityChoice.objects.get(field="surname")
    assert choice.signal is not None
    assert choice.signal.surname == EARLIER

    # The weighing shows the main identity and the alias.
    lead.goto("/weging/nieuw/")
    lead.get_by_label("Datum", exact=True).fill(iso(timezone.localdate()))
    lead.get_by_label("Begintijd").fill("09:30")
    for organisation in WEIGHING_TABLE:
        lead.get_by_role("checkbox", name=organisation, exact=True).check()
    submit(lead, "Weging plannen")
    lead.get_by_role("radio", name=f"Signaal {reference}", exact=True).check()
    submit(lead, "Persoon aanmelden")
    added = lead.get_by_text("De persoon staat op de agenda als wegingspunt")
    item_reference = re.search(r"wegingspunt (\S+?)\.?$", added.inner_text().strip())
    assert item_reference
    lead.get_by_role("link", name=item_reference.group(1), exact=True).click()
    expect_main_identity(lead)
    axe.check(lead, "weighing item with aliases")

    lead.get_by_label("Opnemen in de persoonsgerichte aanpak").check()
    criterion = "Samenhang en sterkte van de signalen"
    lead.get_by_role("checkbox", name=criterion, exact=True).check()
    lead.get_by_label(f"Overwegingen bij „{criterion}”").fill("Twee signalen in een maand.")
    lead.get_by_label("Onderbouwing van noodzaak, proportionaliteit en subsidiariteit").fill(
        "Noodzakelijk en in verhouding: twee samenhangende signalen, een gesprek volstond niet."
    )
    submit(lead, "Besluit vastleggen")
    submit(lead, "Bevestigen: besluit vastleggen")
    case = Case.objects.get()
    lead.get_by_role("status").get_by_role("link", name=f"Naar casus {case.reference}").click()
    expect(lead).to_have_url(path_is(f"/casussen/{case.pk}/"))
    expect_main_identity(lead)
    axe.check(lead, "case with aliases")

    # Later the lead changes the main identity back; the history shows both choices.
    signal = next(s for s in Signal.objects.all() if s.reference == reference)
    lead.goto(f"/signalen/{signal.pk}/")
    lead.get_by_role("link", name="Hoofdidentiteit en aliassen van deze betrokkene").click()
    expect(lead.get_by_role("heading", level=1)).to_have_text("Hoofdidentiteit van deze betrokkene")
    axe.check(lead, "main identity page")
    lead.get_by_role("group", name="Achternaam").get_by_label(re.compile(f"^{LATER} ")).check()
    submit(lead, "Hoofdidentiteit opslaan")
    expect(lead.get_by_text("De hoofdidentiteit is gewijzigd.")).to_be_visible()
    history = lead.get_by_role("table", name=re.compile("Keuzes voor de hoofdidentiteit"))
    # The head; surname and birth chosen at the confirmation; the surname changed later.
    expect(history.get_by_role("row")).to_have_count(4)
    expect(history).to_contain_text("Later gewijzigd")
    expect(history).to_contain_text("Bij het bevestigen van een matchsuggestie")
    axe.assert_clean()
