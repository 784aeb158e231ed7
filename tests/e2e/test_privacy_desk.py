"""The privacy officer's desk in the browser (issue 5's acceptance: "browser tests for the desk").

The privacy officer of Gemeente Aldermeer signs in with a TOTP code, opens "Privacybureau" from
the navigation and sees its panels; verifies the chain of the processing log; follows the
disclosures to their list; opens a supervision access to one case (after the step-up, first
without a reason: a Dutch error and nothing recorded) and reads the case content; searches the
log for that access and downloads the log export. The municipal lead of Aldermeer, the directing
municipality, then sees the access on the case page (function and organisation, never the name,
and the reason); the police, a partner at the table, sees the case but not that section.

The case is made in Python beforehand with a distinctive value in every part of its content:
none of it may show on the desk pages, all of it on the supervision page (except who the person
is: supervision does not need that). axe-core (WCAG 2.2 A/AA) runs on every page state; the
violations of all pages are reported together at the end. Screenshots: ``privacy-desk-*.png`` in
``artifacts_dir()``.
"""

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from schakel.accounts.display import staff_display
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.models import SupervisionAccess
from tests.e2e.case_flow_helpers import AccessibilityLog
from tests.e2e.helpers import E2E_MARKS, ContextFactory, path_is, submit
from tests.e2e.privacy_helpers import (
    case_with_content,
    complete_step_up,
    expire_step_up,
    screenshot,
    shows_none_of,
    signed_in,
)

pytestmark = E2E_MARKS

PANELS = (
    "Logboek dataverwerkingen",
    "Verstrekkingen",
    "Incidentele deelnames na het overleg",
    "Verzoeken van betrokkenen",
    "Bewaren en vernietigen",
    "Aanmeldingen en bevoorrechte rechten",
    "Jaarlijkse toegangsreview",
    "Toezichtsinzage",
)
# The parts of the case the supervision page shows (the signal and the identity it leaves out).
CASE_CONTENT = ("analysis", "goals", "intervention", "decision", "disclosure")
OFFICER_FUNCTION = "Functionaris gegevensbescherming"
REASON = "Steekproef rechtmatigheid: controle van de grondslag van de verstrekking."
OPEN_SUPERVISION = "Reden vastleggen en casus openen"


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_the_officer_supervises_without_seeing_case_content_on_the_desk(
    new_context: ContextFactory, personas, axe_source: Path
) -> None:
    axe = AccessibilityLog(axe_source)
    officer_user = personas.privacy_officer_a
    officer_user.function_title = OFFICER_FUNCTION
    officer_user.save(update_fields=["function_title"])
    world = case_with_content(personas, "Wervelkolk")
    case = world.case
    # The desk never shows case content, nor who the person is.
    on_desk_hidden = list(world.content.values())

    # 1. The desk, from the navigation ------------------------------------------------------
    officer = signed_in(new_context, officer_user)
    page = officer.page
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Privacybureau"
    ).click()
    expect(page).to_have_url(path_is("/privacybureau/"))
    heading(page, "Privacybureau")
    for panel in PANELS:
        expect(page.get_by_role("heading", level=2, name=panel, exact=True)).to_be_visible()
    expect(page.get_by_text("1 verstrekking door of aan uw organisatie sinds")).to_be_visible()
    expect(page.get_by_text("nog niet gecontroleerd")).to_be_visible()
    shows_none_of(page, on_desk_hidden, "the desk")
    axe.check(page, "desk")
    screenshot(page, "desk-01-overview")

    # 2. "Controleer nu": the chain is verified; the desk shows the result ------------------
    submit(page, "Controleer nu")
    expect(page).to_have_url(path_is("/logboek/integriteit/"))
    expect(page.get_by_role("status")).to_contain_text(
        "De controle is klaar: het logboek is intact."
    )
    expect(page.get_by_text("Intact: de keten klopt.")).to_be_visible()
    axe.check(page, "log integrity after verifying")
    page.goto("/privacybureau/")
    logbook = page.get_by_role("region", name="Logboek dataverwerkingen")
    expect(logbook).to_contain_text(
        re.compile(r"Laatste controle van de keten\s+\S.*: intact", re.S)
    )

    # 3. Disclosures: the counts, then the list for the legal basis --------------------------
    page.get_by_role("link", name="Verstrekkingen per grondslag en per organisatie").click()
    heading(page, "Verstrekkingen")
    per_basis = page.get_by_role("table", name="Aantal verstrekkingen per grondslag")
    basis_row = per_basis.get_by_role("row").filter(has_text="Wet gegevensverwerking")
    expect(basis_row).to_have_count(1)
    expect(basis_row.get_by_role("cell").last).to_have_text("1")
    per_organisation = page.get_by_role(
        "table", name="Aantal verstrekkingen per andere organisatie"
    )
    expect(per_organisation).to_contain_text("Politie-eenheid Noordkaap")
    shows_none_of(page, on_desk_hidden, "the disclosure counts")
    axe.check(page, "disclosures per basis and organisation")
    basis_row.get_by_role("link").click()
    heading(page, "Verstrekkingen en hun onderbouwing")
    listing = page.get_by_role("table", name="Verstrekkingen door of aan uw organisatie")
    expect(listing).to_contain_text(case.reference)
    # The justification is what the officer supervises; the content is not shown.
    for note in world.disclosure_notes.values():
        expect(listing).to_contain_text(note)
    shows_none_of(page, on_desk_hidden, "the disclosure list")
    axe.check(page, "disclosure list for one legal basis")
    screenshot(page, "desk-02-disclosures")

    # 4. The other drill-downs show metadata only ---------------------------------------------
    for path, title in (
        ("/privacybureau/incidentele-deelnames/", "incidental participations"),
        ("/privacybureau/aanmeldingen/", "sign-ins and privileged memberships"),
        ("/toegangsreview/", "access review"),
        ("/verzoeken/", "subject requests"),
        ("/privacybureau/bewaren/", "retention outlook"),
    ):
        page.goto(path)
        shows_none_of(page, on_desk_hidden, title)
        axe.check(page, title)

    # 5. Supervision access: step-up, no reason, then a reason --------------------------------
    page.goto("/privacybureau/")
    expire_step_up(officer)
    page.get_by_role("link", name="Toezichtsinzage openen").click()
    expect(page).to_have_url(re.compile(r"/herbevestigen/\?next="))
    axe.check(page, "step-up before the supervision access")
    complete_step_up(officer)
    expect(page).to_have_url(path_is("/privacybureau/toezichtsinzage/"))
    heading(page, "Toezichtsinzage")
    expect(page.get_by_text("U heeft nog geen toezichtsinzage geopend.")).to_be_visible()
    axe.check(page, "supervision form")

    page.get_by_label("Referentie van de casus").fill(case.reference)
    submit(page, OPEN_SUPERVISION)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Er is nog niets opgeslagen")
    expect(summary).to_contain_text("Reden van de inzage")
    assert not SupervisionAccess.objects.exists()
    expect(page.get_by_label("Referentie van de casus")).to_have_value(case.reference)
    shows_none_of(page, on_desk_hidden, "the supervision form with an error")
    axe.check(page, "supervision form with an error")
    summary.get_by_role("link", name=re.compile("Reden van de inzage")).click()
    expect(page.get_by_label("Reden van de inzage")).to_be_focused()
    screenshot(page, "desk-03-supervision-error")

    page.get_by_label("Reden van de inzage").fill(REASON)
    submit(page, OPEN_SUPERVISION)
    access = SupervisionAccess.objects.get()
    assert (access.case_id, access.officer_id) == (case.pk, officer_user.pk)
    # (The fragment of the summary link the officer followed stays on the URL.)
    expect(page).to_have_url(re.compile(rf"/privacybureau/toezichtsinzage/{access.pk}/(#.*)?$"))
    heading(page, f"Toezichtsinzage casus {case.reference}")
    expect(page.get_by_text("Alleen lezen, tot")).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text(REASON)
    for part in CASE_CONTENT:
        expect(main).to_contain_text(world.content[part])
    # Read-only: no form on the page but the sign-out in the header.
    expect(main.locator("form")).to_have_count(0)
    # Supervising the lawfulness needs no identity: the person is not named.
    shows_none_of(page, [world.content["given_names"], world.content["surname"]], "supervision")
    axe.check(page, "supervision case page")
    screenshot(page, "desk-04-supervision-case")

    page.get_by_role("link", name="Terug naar de toezichtsinzagen").click()
    accesses = page.get_by_role(
        "table", name="Toezichtsinzagen die u heeft geopend, nieuwste eerst"
    )
    expect(accesses.get_by_role("link", name=case.reference)).to_be_visible()
    expect(accesses).to_contain_text("Loopt")
    shows_none_of(page, on_desk_hidden, "the supervision list")
    axe.check(page, "supervision list with a running access")

    # 6. The desk counts the running access, still without content; the log search and export
    page.goto("/privacybureau/")
    expect(page.get_by_role("region", name="Toezichtsinzage")).to_contain_text(
        "U heeft 1 lopende inzage."
    )
    shows_none_of(page, on_desk_hidden, "the desk after the supervision access")
    axe.check(page, "desk with a running supervision access")
    page.get_by_role("link", name="Logboek doorzoeken").click()
    heading(page, "Logboek doorzoeken")
    axe.check(page, "log search")
    page.get_by_label("Verwerkingsactiviteit").select_option(value=PrivacyActivity.SUPERVISION)
    # (Whether the filters travel as a GET query or a POSTed form is the page's business.)
    with page.expect_response(
        lambda r: "/logboek/zoeken/" in r.url and r.request.is_navigation_request()
    ):
        page.get_by_role("search").get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    expect(page.get_by_label("Verwerkingsactiviteit")).to_have_value(PrivacyActivity.SUPERVISION)
    records = page.get_by_role("table", name="Logregels, nieuwste eerst")
    expect(records).to_contain_text("supervision_access_granted")
    expect(records).to_contain_text("supervision_case_read")
    expect(records).not_to_contain_text("case_opened")
    shows_none_of(page, on_desk_hidden, "the log search")
    axe.check(page, "log search filtered on supervision")
    screenshot(page, "desk-05-log-search")

    page.get_by_role(
        "link", name="Logboek exporteren (Logboek Dataverwerkingen, JSON Lines)"
    ).click()
    heading(page, "Logboek exporteren")
    axe.check(page, "log export form")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Downloaden").click()
    lines = Path(download_info.value.path()).read_text(encoding="utf-8").splitlines()
    exported = [json.loads(line) for line in lines if line.strip()]
    assert any("supervision_access_granted" in json.dumps(record) for record in exported), (
        "the export lacks the supervision access"
    )
    assert not [v for v in on_desk_hidden if v.lower() in "\n".join(lines).lower()]

    # 7. The directing municipality sees the access; the police does not ---------------------
    lead = signed_in(new_context, personas.lead_a).page
    lead.goto(f"/casussen/{case.pk}/")
    heading(lead, f"Casus {case.reference}")
    section = lead.get_by_role("region", name="Toezichtsinzagen", exact=True)
    table = section.get_by_role("table", name="Toezichtsinzagen in deze casus, nieuwste eerst")
    row = table.get_by_role("row").filter(has_text=REASON)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(staff_display(officer_user, personas.municipality_a))
    expect(row).to_contain_text(f"{OFFICER_FUNCTION} – Gemeente Aldermeer")
    expect(row).to_contain_text("(loopt nog)")
    expect(section).not_to_contain_text(officer_user.full_name)
    axe.check(lead, "case page (directing municipality) with the supervision access")
    screenshot(lead, "desk-06-lead-case")

    police = signed_in(new_context, personas.police_member).page
    police.goto(f"/casussen/{case.pk}/")
    heading(police, f"Casus {case.reference}")
    expect(police.get_by_role("heading", name="Toezichtsinzagen")).to_have_count(0)
    expect(police.get_by_role("link", name="Toezichtsinzagen")).to_have_count(0)
    shows_none_of(police, [REASON, OFFICER_FUNCTION], "the case page of the police")
    axe.check(police, "case page (partner)")

    axe.assert_clean()
