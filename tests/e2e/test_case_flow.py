"""The person-oriented approach end to end, in the browser (issue 4's acceptance test).

A signal is weighed and included; the case is discussed in a consultation with an incidental
partner (GGZ), who records a disclosure; a plan with two interventions is adopted; the owners
update their interventions; the case is de-escalated and closed, after which the partners get a
404. Every persona has a browser context of its own and signs in with a TOTP code. Only what an
administrator sets up beforehand (the weighing arrangement; the personas and the ZVH's service
area come from the ``personas`` fixture) is made in Python; everything else goes through the UI.

A full-page screenshot of each step goes to ``artifacts_dir()`` (``case-flow-*.png``), and
axe-core (WCAG 2.2 A/AA) runs on every distinct page on the way; its violations of all pages are
reported together at the end. Contexts bypass the CSP so that axe-core can be injected; the CSP
itself is tested in test_csp.py.
"""

import re
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from schakel.cases.models import AgendaItem, Case, ConsultationMeeting, Disclosure
from schakel.cases.tests.factories import arrangement_for
from schakel.weighing.models import WeighingItem
from tests.e2e.case_flow_helpers import (
    AccessibilityLog,
    Person,
    dutch_date,
    expect_not_found,
    iso,
    register_signal,
    screenshot,
    signed_in_page,
)
from tests.e2e.helpers import E2E_MARKS, ContextFactory, path_is, submit

pytestmark = E2E_MARKS

PERSON = Person(given_names="Sem Joris", surname="Valkenier", date_of_birth="2003-05-12")
INCLUDE = "Opnemen in de persoonsgerichte aanpak"
JUSTIFICATION_LABEL = "Onderbouwing van noodzaak, proportionaliteit en subsidiariteit"
JUSTIFICATION_REQUIRED = (
    "Onderbouw de noodzaak, proportionaliteit en subsidiariteit van het besluit."
)
CRITERIA = {
    "Samenhang en sterkte van de signalen": "Drie samenhangende signalen in twee maanden.",
    "Sociale relaties": "Contacten met een bekende online groep; weinig steun thuis.",
}
NAVIGATION = "Hoofdmenu"
WEIGHING_TABLE = ("Gemeente Aldermeer", "Politie-eenheid Noordkaap", "OM Arrondissement Noordkaap")


def nav(page: Page, label: str) -> None:
    page.get_by_role("navigation", name=NAVIGATION).get_by_role("link", name=label).click()
    page.wait_for_load_state()


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def success(page: Page, text: str) -> None:
    expect(page.get_by_text(text)).to_be_visible()


def test_a_signal_is_weighed_discussed_planned_followed_up_and_closed(
    new_context: ContextFactory, personas, axe_source: Path
) -> None:
    axe = AccessibilityLog(axe_source)
    today = timezone.localdate()
    # What a functional admin set up earlier: Aldermeer weighs its own residents.
    arrangement_for(personas.municipality_a)

    # 1. The meldpunt of Aldermeer registers a signal and weighs it with police and OM -------
    lead = signed_in_page(new_context, personas.lead_a)
    signal_reference = register_signal(
        lead, PERSON, observation="Deelt oproepen tot geweld in een besloten groep."
    )
    axe.check(lead, "signal detail after registering")

    lead.goto("/weging/nieuw/")
    heading(lead, "Weging plannen")
    lead.get_by_label("Datum", exact=True).fill(iso(today))
    lead.get_by_label("Begintijd").fill("09:30")
    for organisation in WEIGHING_TABLE:
        lead.get_by_role("checkbox", name=organisation, exact=True).check()
    expect(lead.get_by_role("checkbox", name="GGZ Noordkaap", exact=True)).not_to_be_checked()
    axe.check(lead, "weighing session form")
    submit(lead, "Weging plannen")
    success(lead, "is gepland.")

    lead.get_by_role("radio", name=f"Signaal {signal_reference}", exact=True).check()
    axe.check(lead, "weighing session with the add form")
    submit(lead, "Persoon aanmelden")
    added = lead.get_by_text("De persoon staat op de agenda als wegingspunt")
    expect(added).to_be_visible()
    found = re.search(r"wegingspunt (\S+?)\.?$", added.inner_text().strip())
    assert found, "the confirmation names no item"
    reference = found.group(1)
    item = WeighingItem.objects.get()
    lead.get_by_role("link", name=reference, exact=True).click()
    heading(lead, f"Wegingspunt {reference}")
    expect(lead.get_by_text(PERSON.surname, exact=True)).to_be_visible()

    # The decision without the justification: the Dutch error, and nothing saved.
    lead.get_by_label(INCLUDE).check()
    for criterion, note in CRITERIA.items():
        lead.get_by_role("checkbox", name=criterion, exact=True).check()
        lead.get_by_label(f"Overwegingen bij „{criterion}”").fill(note)
    axe.check(lead, "weighing item with the decision form")
    submit(lead, "Besluit vastleggen")
    summary = lead.get_by_role("alert")
    expect(summary).to_contain_text("Er is nog niets opgeslagen")
    expect(summary).to_contain_text(JUSTIFICATION_REQUIRED)
    expect(lead.get_by_label(INCLUDE)).to_be_checked()
    expect(lead.get_by_label("Overwegingen bij „Sociale relaties”")).to_have_value(
        CRITERIA["Sociale relaties"]
    )
    item.refresh_from_db()
    assert item.outcome == ""
    assert not Case.objects.exists()
    axe.check(lead, "weighing item, decision with an error")
    summary.get_by_role("link", name=re.compile(re.escape(JUSTIFICATION_REQUIRED))).click()
    expect(lead.get_by_label(JUSTIFICATION_LABEL)).to_be_focused()

    lead.get_by_label(JUSTIFICATION_LABEL).fill(
        "Noodzakelijk: signalen van de politie en de gemeente wijzen op een "
        "radicaliseringsproces. Een gesprek via het wijkteam is geprobeerd en volstond niet; "
        "een gezamenlijke aanpak is in verhouding tot het risico."
    )
    submit(lead, "Besluit vastleggen")
    heading(lead, "Besluit van de weging controleren")
    axe.check(lead, "weighing decision, review step")
    submit(lead, "Bevestigen: besluit vastleggen")
    success(lead, "Het besluit van de weging is vastgelegd.")
    case = Case.objects.get()
    assert case.directing_municipality == personas.municipality_a
    assert case.process_director == personas.director
    case_link = lead.get_by_role("status").get_by_role("link", name=f"Naar casus {case.reference}")
    expect(case_link).to_be_visible()
    axe.check(lead, "weighing item, decided, with the case link")
    screenshot(lead, "01-weighing")
    case_url = f"/casussen/{case.pk}/"
    case_link.click()
    expect(lead).to_have_url(path_is(case_url))

    # 2. The process director plans the consultation and the plan ----------------------------
    director = signed_in_page(new_context, personas.director)
    director.goto("/casusoverleg/nieuw/")
    heading(director, "Overleg plannen")
    meeting_day = today + timedelta(days=7)
    director.get_by_label("Datum", exact=True).fill(iso(meeting_day))
    director.get_by_label("Begintijd").fill("14:00")
    director.get_by_label("Eindtijd").fill("16:00")
    director.get_by_label("Plaats", exact=True).fill("Vergaderzaal 3, ZVH Noordkaap")
    axe.check(director, "meeting form")
    submit(director, "Overleg plannen")

    heading(director, "Geheimhouding bevestigen")
    axe.check(director, "meeting confidentiality gate")
    submit(director, "Ik bevestig de geheimhouding")
    success(director, "U hebt de geheimhouding van dit casusoverleg bevestigd.")
    meeting = ConsultationMeeting.objects.get()
    heading(director, f"Casusoverleg {dutch_date(meeting.starts_at, 'j F Y')}")

    director.get_by_label("Casus", exact=True).select_option(
        label=f"{case.reference} – Gemeente Aldermeer"
    )
    submit(director, "Op de agenda zetten")
    success(director, f"Casus {case.reference} staat op de agenda.")
    axe.check(director, "meeting detail with the agenda")
    director.get_by_role("link", name=f"Casus {case.reference}", exact=True).click()
    heading(director, f"Agendapunt casus {case.reference}")
    expect(director.get_by_text(PERSON.full_name, exact=True)).to_be_visible()
    agenda_item = AgendaItem.objects.get()

    director.get_by_label("Organisatie", exact=True).select_option(label="GGZ Noordkaap")
    submit(director, "Uitnodigen")
    success(director, "GGZ Noordkaap is uitgenodigd voor dit agendapunt.")
    invitations = director.get_by_role("table", name="Organisaties uitgenodigd voor dit agendapunt")
    expect(invitations).to_contain_text("GGZ Noordkaap")
    axe.check(director, "agenda item (process director) with invitation and decision forms")

    director.get_by_role("link", name=f"Casus {case.reference} en het plan van aanpak").click()
    expect(director).to_have_url(path_is(case_url))
    axe.check(director, "case detail, before the plan")
    director.get_by_role("link", name="Plan van aanpak opstellen").click()
    heading(director, "Plan van aanpak bewerken")
    director.get_by_label("Gezin en sociaal netwerk").fill(
        "Woont bij moeder; vader buiten beeld. Weinig vrienden buiten de online groep."
    )
    director.get_by_label("Ideologie").fill("Deelt extreme content; twijfelt soms hardop.")
    director.get_by_label("Doelen").fill(
        "1. Afstand tot de online groep. 2. Dagbesteding. 3. Behandeling van de angstklachten."
    )
    axe.check(director, "plan edit")
    submit(director, "Opslaan")
    success(director, "Het plan is opgeslagen als conceptversie 1.")
    axe.check(director, "plan version 1 (draft)")

    interventions = (
        (
            "Strafrechtelijk",
            "Politie-eenheid Noordkaap",
            "Justitie",
            "Stopgesprek door de wijkagent.",
        ),
        (
            "Zorg",
            "GGZ Noordkaap",
            "Gezondheid en psychische gezondheid",
            "Intake en behandeling van de angstklachten.",
        ),
    )
    for number, (kind, owner, domain, description) in enumerate(interventions):
        director.get_by_role("link", name="Interventie toevoegen").click()
        heading(director, "Interventie toevoegen")
        director.get_by_label(kind, exact=True).check()
        director.get_by_label("Eigenaar", exact=True).select_option(label=owner)
        director.get_by_label("Leefgebied").select_option(label=domain)
        director.get_by_label("Omschrijving", exact=True).fill(description)
        expect(director.get_by_label("Start", exact=True)).to_have_value(iso(timezone.localdate()))
        director.get_by_label("Gereed uiterlijk", exact=True).fill(iso(today + timedelta(days=60)))
        if number == 0:
            axe.check(director, "intervention form")
        submit(director, "Interventie toevoegen")
        success(director, "De interventie is aan het plan toegevoegd.")
        expect(director).to_have_url(path_is(case_url + "#interventies"))
    table = director.get_by_role("table", name="Interventies in het plan")
    expect(table.get_by_role("row")).to_have_count(3)
    axe.check(director, "case detail with the plan and interventions")

    # The case page names the item by its position on the agenda.
    director.get_by_role("link", name=re.compile(r"^Agendapunt openen")).click()
    heading(director, f"Agendapunt casus {case.reference}")
    director.get_by_role("button", name="Versie 1 vaststellen").click()
    heading(director, "Plan van aanpak vaststellen")
    director.get_by_label("Het overleg wordt nu gehouden.").check()
    axe.check(director, "plan adoption, confirmation page")
    submit(director, "Versie 1 vaststellen")
    success(director, "Versie 1 van het plan van aanpak is vastgesteld in dit overleg.")
    version = case.action_plan.versions.get()
    assert version.is_adopted
    axe.check(director, "agenda item after adopting the plan")
    screenshot(director, "02-meeting-and-plan")

    # 3. The incidental partner GGZ opens its item and records a disclosure -------------------
    ggz = signed_in_page(new_context, personas.ggz_member)
    nav(ggz, "Casusoverleg")
    axe.check(ggz, "meeting list (incidental partner)")
    ggz.get_by_role("link", name=dutch_date(meeting.starts_at, "l j F Y")).click()
    heading(ggz, "Geheimhouding bevestigen")
    submit(ggz, "Ik bevestig de geheimhouding")
    axe.check(ggz, "meeting detail (incidental partner)")
    ggz.get_by_role("link", name=f"Casus {case.reference}", exact=True).click()
    heading(ggz, f"Agendapunt casus {case.reference}")
    expect(ggz.get_by_text(PERSON.full_name, exact=True)).to_be_visible()
    expect(ggz.get_by_text("Uw organisatie is voor dit agendapunt uitgenodigd")).to_be_visible()
    whole_case = ggz.get_by_role("link", name=re.compile("het plan van aanpak bekijken"))
    expect(whole_case).to_have_count(0)
    axe.check(ggz, "agenda item (incidental partner)")

    ggz.get_by_role("link", name="Verstrekking vastleggen").click()
    heading(ggz, "Verstrekking vastleggen")
    ggz.get_by_label("Wat brengt u in?").fill(
        "Bekend bij de GGZ sinds 2022 met angstklachten; behandeling gestopt in 2024."
    )
    ggz.get_by_role("checkbox", name="Bijzondere persoonsgegevens (art. 9 AVG)").check()
    ggz.get_by_label("Grondslag").select_option(
        label="Wet gegevensverwerking persoonsgerichte aanpak radicalisering en terroristische "
        "activiteiten (Kamerstuk 36225)"
    )
    ggz.get_by_label("Doel van de verstrekking").fill(
        "Zorg als onderdeel van het plan van aanpak kunnen afstemmen."
    )
    ggz.get_by_label("Noodzaak, proportionaliteit en subsidiariteit").fill(
        "Alleen het bestaan en de aard van de klachten; geen behandelinhoud."
    )
    for recipient in ("Gemeente Aldermeer", "ZVH Noordkaap"):
        ggz.get_by_role("checkbox", name=recipient, exact=True).check()
    axe.check(ggz, "disclosure form")
    submit(ggz, "Verstrekking vastleggen")
    success(ggz, "De verstrekking is vastgelegd.")
    expect(ggz.get_by_role("heading", name=re.compile("^Van GGZ Noordkaap, "))).to_be_visible()
    disclosure = Disclosure.objects.get()
    assert disclosure.legal_basis.code == "wet-pga"
    assert {org.name for org in disclosure.recipients.all()} == {
        "Gemeente Aldermeer",
        "ZVH Noordkaap",
    }
    axe.check(ggz, "agenda item with the disclosure")
    screenshot(ggz, "03-disclosure")

    expect_not_found(ggz, case_url, hidden=(PERSON.surname,))
    axe.check(ggz, "not-found page (case, incidental partner)")

    # 4. The owners update their interventions -------------------------------------------------
    police = signed_in_page(new_context, personas.police_member)
    nav(police, "Interventies")
    axe.check(police, "intervention list (structural partner)")
    police.get_by_role("link", name="Strafrechtelijk", exact=True).click()
    heading(police, "Interventie: Strafrechtelijk")
    axe.check(police, "intervention progress page")
    police.get_by_label("Afgerond", exact=True).check()
    submit(police, "Voortgang opslaan")
    expect(police.get_by_role("alert")).to_contain_text("Beschrijf het resultaat.")
    axe.check(police, "intervention progress page with an error")
    police.get_by_label("Resultaat").fill("Stopgesprek gevoerd; afspraken vastgelegd.")
    submit(police, "Voortgang opslaan")
    success(police, "De voortgang is opgeslagen.")
    progress = police.locator("dl").first
    expect(progress).to_contain_text("Afgerond")
    expect(progress).to_contain_text("Stopgesprek gevoerd; afspraken vastgelegd.")
    screenshot(police, "04-progress-police")

    nav(ggz, "Interventies")
    expect(ggz.get_by_role("link", name="Strafrechtelijk", exact=True)).to_have_count(0)
    ggz.get_by_role("link", name="Zorg", exact=True).click()
    heading(ggz, "Interventie: Zorg")
    ggz.get_by_label("In uitvoering", exact=True).check()
    submit(ggz, "Voortgang opslaan")
    success(ggz, "De voortgang is opgeslagen.")
    ggz.get_by_label("Afgerond", exact=True).check()
    ggz.get_by_label("Resultaat").fill("Intake gedaan; behandeling loopt via de huisarts.")
    submit(ggz, "Voortgang opslaan")
    success(ggz, "De voortgang is opgeslagen.")
    expect(ggz.locator("dl").first).to_contain_text("Afgerond")
    axe.check(ggz, "intervention progress page (incidental partner), completed")
    screenshot(ggz, "04-progress-ggz")

    # The police is a structural partner: it sees the case while it is open.
    police.goto(case_url)
    heading(police, f"Casus {case.reference}")
    expect(police.get_by_role("heading", name="Casus beheren")).to_have_count(0)
    axe.check(police, "case detail (structural partner)")

    # 5. The process director de-escalates and closes the case ------------------------------
    nav(director, "Mijn werk")
    dashboard_case = director.get_by_role("table", name="Open casussen, nieuwste eerst")
    expect(dashboard_case.get_by_role("link", name=case.reference)).to_be_visible()
    axe.check(director, "dashboard (process director)")
    dashboard_case.get_by_role("link", name=case.reference).click()
    expect(director).to_have_url(path_is(case_url))

    director.get_by_role("link", name="Afschalen").click()
    heading(director, "Afschalen")
    director.get_by_label("Reguliere zorg", exact=True).check()
    director.get_by_label("Nazorg tot en met").fill(iso(today + timedelta(days=90)))
    axe.check(director, "de-escalate page")
    submit(director, "Afschalen")
    heading(director, "Afschalen controleren")
    submit(director, "Bevestigen: casus afschalen")
    success(director, "De casus is afgeschaald en in de fase nazorg.")

    director.get_by_role("link", name="Casus afsluiten").click()
    heading(director, "Casus afsluiten")
    director.get_by_label("Doelen bereikt", exact=True).check()
    axe.check(director, "close page")
    submit(director, "Verder")
    heading(director, "Afsluiten controleren")
    submit(director, "Bevestigen: casus definitief afsluiten")
    success(director, "De casus is afgesloten.")
    expect(director.get_by_text("Fase: Afgesloten.")).to_be_visible()
    case.refresh_from_db()
    assert case.is_closed
    # The day the case was closed (the run may cross midnight).
    assert case.closed_at is not None
    assert case.retention_starts_on == timezone.localdate(case.closed_at)
    axe.check(director, "case detail, closed")
    screenshot(director, "05-closed")

    expect_not_found(police, case_url, hidden=(PERSON.surname,))
    screenshot(police, "05-police-not-found")
    # The invitation still runs, but the case is closed: GGZ no longer sees its item either.
    expect_not_found(ggz, f"/casusoverleg/punten/{agenda_item.pk}/", hidden=(PERSON.surname,))

    axe.assert_clean()
