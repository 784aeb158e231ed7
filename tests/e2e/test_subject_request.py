"""A data-subject request in the browser (issue 5's acceptance: "browser tests for ... a subject
request").

The municipal lead of Aldermeer, the contact point, registers an access request from the case
page (first with a field missing: the Dutch error summary, whose link moves focus to the field),
with the identity verification; sees the deadline and the organisations asked for input. The
police, which took part, gives its input from "Verzoeken om inbreng" without seeing what the
person asked. The lead extends the term with a reason, grants the request and downloads the
access export as PDF (after the step-up) and as JSON: both hold the person's name and no staff
name, staff e-mail address or other person (PDF text extracted with pypdf). The registration
form also works without JavaScript.

axe-core (WCAG 2.2 A/AA) runs on every page state; the violations of all pages are reported
together at the end. Screenshots: ``privacy-request-*.png`` in ``artifacts_dir()``.
"""

import json
import re
from datetime import date
from pathlib import Path

from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from schakel.accounts.models import User
from schakel.cases.tests.factories import open_case
from schakel.intake.services import RelatedPersonInput
from schakel.privacy.choices import ContributionStatus, RequestDecision, RequestStatus
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests.rules import deadline_for, latest_extension
from tests.e2e.case_flow_helpers import AccessibilityLog
from tests.e2e.helpers import E2E_MARKS, ContextFactory, enrolled, path_is, sign_in, submit
from tests.e2e.privacy_helpers import (
    complete_step_up,
    expire_step_up,
    screenshot,
    signed_in,
)

pytestmark = E2E_MARKS

GIVEN_NAMES = "Lieke Marit"
SURNAME = "Zonnebloem"
OTHER_PERSON = "Evert Kromhout"
ASKED = "Ik wil weten welke gegevens over mij zijn vastgelegd en met wie ze zijn gedeeld."
IDENTITY_NOTE = "Identiteitskaart getoond aan de balie van het stadskantoor."
POLICE_INPUT = "Twee registraties in het politiesysteem; geen bezwaar tegen verstrekking."
EXTENSION_REASON = "Veel organisaties betrokken; de inbreng van het OM vraagt meer tijd."
DESCRIPTION_REQUIRED = "Beschrijf wat de persoon vraagt."
REGISTER = "Verzoek registreren"
ASKED_LABEL = "Wat vraagt de persoon?"
ACCESS = "Inzage (art. 15 AVG)"
ASKED_FOR_INPUT = (
    "Gemeente Aldermeer",
    "Politie-eenheid Noordkaap",
    "OM Arrondissement Noordkaap",
    "ZVH Noordkaap",
)


def heading(page: Page, text: str | re.Pattern[str]) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def dutch(day: date) -> str:
    with translation.override("nl"):
        return date_format(day, "j F Y")


def staff_traces(text: str) -> list[str]:
    """Names and e-mail addresses of staff (every user) found in ``text``."""
    lowered = " ".join(text.split()).lower()
    found = [
        value
        for user in User.objects.all()
        for value in (user.full_name, user.email)
        if value and value.lower() in lowered
    ]
    # Every test user is called "Testpersoon <n>" (UserFactory).
    return found + (["Testpersoon"] if "testpersoon" in lowered else [])


def check_export(text: str, what: str) -> None:
    compact = " ".join(text.split())
    assert GIVEN_NAMES in compact, f"the {what} lacks the person's given names"
    assert SURNAME in compact, f"the {what} lacks the person's surname"
    assert not staff_traces(text), f"the {what} names staff: {staff_traces(text)}"
    assert OTHER_PERSON not in compact, f"the {what} names another person"


def test_the_contact_point_handles_an_access_request(
    new_context: ContextFactory, personas, axe_source: Path
) -> None:
    axe = AccessibilityLog(axe_source)
    case = open_case(
        personas,
        given_names=GIVEN_NAMES,
        surname_prefix="",
        surname=SURNAME,
        related_persons=(RelatedPersonInput("Buurman", OTHER_PERSON, None),),
    )
    today = timezone.localdate()

    # 1. The contact point registers the request from the case page ---------------------------
    lead = signed_in(new_context, personas.lead_a)
    page = lead.page
    page.goto(f"/casussen/{case.pk}/")
    heading(page, f"Casus {case.reference}")
    page.get_by_role("link", name="AVG-verzoek registreren").click()
    heading(page, REGISTER)
    expect(page.get_by_text(f"{GIVEN_NAMES} {SURNAME}", exact=True)).to_be_visible()
    expect(page.get_by_label("Ontvangen op")).to_have_value(today.isoformat())
    axe.check(page, "registration form")

    page.get_by_label(ACCESS).check()
    page.get_by_label("Identiteit vastgesteld op").fill(today.isoformat())
    page.get_by_label("Hoe is de identiteit vastgesteld?").fill(IDENTITY_NOTE)
    submit(page, REGISTER)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Er is nog niets opgeslagen")
    expect(summary).to_contain_text(DESCRIPTION_REQUIRED)
    expect(page).to_have_title(re.compile("^Fout: "))
    expect(page.get_by_label(ACCESS)).to_be_checked()
    expect(page.get_by_label("Hoe is de identiteit vastgesteld?")).to_have_value(IDENTITY_NOTE)
    assert not SubjectRequest.objects.exists()
    axe.check(page, "registration form with an error")
    screenshot(page, "request-01-error")
    summary.get_by_role("link", name=re.compile(re.escape(DESCRIPTION_REQUIRED))).click()
    expect(page.get_by_label(ASKED_LABEL)).to_be_focused()

    page.get_by_label(ASKED_LABEL).fill(ASKED)
    submit(page, REGISTER)
    request = SubjectRequest.objects.get()
    expect(page).to_have_url(re.compile(rf"/verzoeken/{request.pk}/(#.*)?$"))
    expect(page.get_by_role("status")).to_contain_text("Het verzoek is geregistreerd.")
    heading(page, f"Verzoek {request.reference}: {ACCESS}")
    deadline = deadline_for(today)
    assert request.deadline_on == deadline
    term = page.get_by_role("region", name="Termijn")
    expect(term).to_contain_text(re.compile(rf"Uiterste datum \(één maand\)\s*{dutch(deadline)}"))
    identity = page.get_by_role("region", name="Identiteit")
    expect(identity).to_contain_text(IDENTITY_NOTE)
    contributions = page.get_by_role("table", name="Organisaties die deelnamen en hun inbreng")
    for organisation in ASKED_FOR_INPUT:
        expect(
            contributions.get_by_role("rowheader", name=organisation, exact=True)
        ).to_be_visible()
    axe.check(page, "request detail after registering")
    screenshot(page, "request-02-registered")

    # 2. The police gives its input, without seeing what the person asked --------------------
    police = signed_in(new_context, personas.police_member).page
    police.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Verzoeken om inbreng"
    ).click()
    heading(police, "Verzoeken om inbreng")
    axe.check(police, "inbox of requests for input")
    police.get_by_role("link", name=request.reference, exact=True).click()
    heading(police, f"Inbreng op verzoek {request.reference}")
    expect(police.get_by_text(f"casus {case.reference}")).to_be_visible()
    assert ASKED not in police.content(), "the police sees what the person asked"
    assert SURNAME not in police.content(), "the police sees who asked"
    axe.check(police, "contribution form")
    police.get_by_label("Ja, mijn organisatie verwerkt gegevens over deze persoon").check()
    police.get_by_label(re.compile(r"^Inbreng")).fill(POLICE_INPUT)
    submit(police, "Inbreng geven")
    expect(police.get_by_role("status")).to_contain_text("Uw inbreng is opgeslagen")
    expect(police.get_by_text("Gegeven op")).to_contain_text("Politie-eenheid Noordkaap")
    axe.check(police, "contribution after answering")
    screenshot(police, "request-03-police-input")

    # 3. The contact point extends the term, then decides ------------------------------------
    page.reload()
    police_row = contributions.get_by_role("row").filter(has_text="Politie-eenheid Noordkaap")
    expect(police_row).to_contain_text(POLICE_INPUT)
    expect(police_row).to_contain_text(str(ContributionStatus.ANSWERED.label))
    extended = latest_extension(today)
    page.get_by_label("Verlengen tot", exact=True).fill(extended.isoformat())
    page.get_by_label("Reden van de verlenging").fill(EXTENSION_REASON)
    expect(page.get_by_label("Persoon geïnformeerd op")).to_have_value(today.isoformat())
    submit(page, "Termijn verlengen")
    expect(page.get_by_role("status")).to_contain_text("De termijn is verlengd.")
    expect(term).to_contain_text(re.compile(rf"Verlengd tot\s*{dutch(extended)}"))
    expect(term).to_contain_text(EXTENSION_REASON)
    expect(term).to_contain_text("De termijn is al verlengd; verlengen kan maar één keer.")
    axe.check(page, "request detail after extending")

    page.get_by_label("Toegewezen", exact=True).check()
    page.get_by_label("Besluit zonder alle inbreng").check()
    submit(page, "Besluit vastleggen")
    expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd")
    request.refresh_from_db()
    assert (request.status, request.decision) == (RequestStatus.DECIDED, RequestDecision.GRANTED)
    assert request.extended_until == extended
    expect(page.get_by_role("region", name="Besluit")).to_contain_text("Toegewezen")
    axe.check(page, "request detail after the decision")
    screenshot(page, "request-04-decided")

    # 4. The access export: PDF after the step-up, then JSON ----------------------------------
    expire_step_up(lead)
    page.get_by_role("link", name="Inzage-export als PDF").click()
    expect(page).to_have_url(re.compile(r"/herbevestigen/\?next="))
    axe.check(page, "step-up before the access export")
    with page.expect_download() as pdf_download:
        complete_step_up(lead, download=True)
    pdf = pdf_download.value
    assert pdf.suggested_filename.endswith(".pdf")
    assert SURNAME not in pdf.suggested_filename
    reader = PdfReader(pdf.path())
    check_export("\n".join(p.extract_text() or "" for p in reader.pages), "PDF")

    # The file came; the browser stays on the step-up page. Back to the request.
    page.goto(f"/verzoeken/{request.pk}/")
    with page.expect_download() as json_download:
        page.get_by_role("link", name="Inzage-export als JSON").click()
    document = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    names = {(i["given_names"], i["surname"]) for i in document["identity"]}
    assert names == {(GIVEN_NAMES, SURNAME)}
    assert document["request"]["reference"] == request.reference
    assert document["processing"], "the export lists no processing"
    check_export(json.dumps(document, ensure_ascii=False), "JSON")

    axe.assert_clean()


def test_the_registration_form_works_without_javascript(
    new_context: ContextFactory, personas
) -> None:
    case = open_case(personas, given_names=GIVEN_NAMES, surname_prefix="", surname=SURNAME)
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, personas.lead_a, enrolled(personas.lead_a))
    page.goto(f"/casussen/{case.pk}/")
    page.get_by_role("link", name="AVG-verzoek registreren").click()
    heading(page, REGISTER)

    submit(page, REGISTER)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Kies de soort verzoek.")
    expect(summary).to_contain_text(DESCRIPTION_REQUIRED)
    link = summary.get_by_role("link", name=re.compile(re.escape(DESCRIPTION_REQUIRED)))
    target = link.get_attribute("href")
    assert target is not None
    assert target.startswith("#")
    expect(page.locator(target)).to_have_accessible_name(re.compile(re.escape(ASKED_LABEL)))
    assert not SubjectRequest.objects.exists()

    page.get_by_label(ACCESS).check()
    page.get_by_label(ASKED_LABEL).fill(ASKED)
    submit(page, REGISTER)
    request = SubjectRequest.objects.get()
    expect(page).to_have_url(path_is(f"/verzoeken/{request.pk}/"))
    heading(page, f"Verzoek {request.reference}: {ACCESS}")
    expect(
        page.get_by_text("De identiteit van de verzoeker is nog niet vastgesteld.")
    ).to_be_visible()
    assert page.evaluate("typeof window.htmx") == "undefined"  # really no script ran
