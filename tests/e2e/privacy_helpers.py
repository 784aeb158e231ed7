"""Building blocks of the privacy browser tests (test_privacy_desk.py, test_subject_request.py):
a persona signed in who keeps their authenticator for the step-up, the step-up page completed
as a user does, a case with content in every part, and screenshots kept as artefacts."""

import importlib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from schakel.accounts.models import User
from schakel.accounts.stepup import SESSION_KEY as STEP_UP_SESSION_KEY
from schakel.accounts.tests.factories import TEST_PASSWORD
from schakel.cases.choices import InterventionKind
from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
from schakel.cases.models import Case, ItemDecision
from schakel.cases.plans.services import InterventionInput, PlanInput, intervention_add, plan_update
from schakel.cases.tests.factories import on_agenda, open_case
from schakel.intake.choices import DataCategory
from schakel.intake.tests.factories import membership_of
from schakel.legal.models import LegalBasis
from tests.e2e.helpers import (
    Authenticator,
    ContextFactory,
    artifacts_dir,
    enrolled,
    path_is,
    sign_in,
    submit,
)

STEP_UP_PATH = "/herbevestigen/"


@dataclass
class Persona:
    """A persona's own browser (CSP bypassed for axe-core), signed in, and their app."""

    page: Page
    user: User
    app: Authenticator


def signed_in(new_context: ContextFactory, user: User) -> Persona:
    page = new_context(bypass_csp=True).new_page()
    app = enrolled(user)
    sign_in(page, user, app)
    return Persona(page=page, user=user, app=app)


def expire_step_up(persona: Persona) -> None:
    """As if the step-up of the sign-in were more than five minutes old: the next sensitive
    action asks for the password and a code again (the session is stored in the database)."""
    cookie = next(
        c for c in persona.page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME
    )
    store = importlib.import_module(settings.SESSION_ENGINE).SessionStore(
        session_key=cookie["value"]
    )
    assert STEP_UP_SESSION_KEY in store, "the session holds no step-up moment"
    del store[STEP_UP_SESSION_KEY]
    store.save()


def complete_step_up(persona: Persona, *, download: bool = False) -> None:
    """On the step-up page: the password and a fresh code. With ``download`` the page the user
    came for is a file, so the browser stays on the step-up page; the caller catches it."""
    page = persona.page
    expect(page).to_have_url(path_is(STEP_UP_PATH))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig uw identiteit")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_label("Code uit uw authenticator-app of een herstelcode").fill(
        persona.app.next_code()
    )
    if download:
        page.get_by_role("button", name="Bevestigen", exact=True).click()
    else:
        submit(page, "Bevestigen")


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot in the artefacts directory (never in the repository)."""
    path = artifacts_dir() / f"privacy-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@dataclass(frozen=True)
class CaseWithContent:
    """An open case of Aldermeer with a distinctive value in each part of its content."""

    case: Case
    person: str
    content: dict[str, str]
    # The justification of a disclosure: shown on the desk's disclosure list by design.
    disclosure_notes: dict[str, str]


def case_with_content(personas: Any, token: str) -> CaseWithContent:
    """A person weighed and included by Aldermeer, with a plan, an intervention, a meeting
    decision and a police disclosure; the case stays open (the police still sees it)."""
    values = {
        "given_names": f"{token}voornaam",
        "surname": f"{token}achternaam",
        "observation": f"Waarneming {token}waarneming",
        "analysis": f"Woont {token}analyse",
        "goals": f"Doel {token}doelen",
        "intervention": f"Gesprek {token}interventie",
        "decision": f"Besluit {token}besluit",
        "disclosure": f"Bekend {token}verstrekking",
    }
    notes = {"purpose": f"Doel {token}verstrekdoel", "necessity": f"Nodig {token}noodzaak"}
    case = open_case(
        personas,
        given_names=values["given_names"],
        surname=values["surname"],
        observation=values["observation"],
    )
    director = membership_of(personas.director)
    today = timezone.localdate()
    plan_update(
        membership=director,
        case=case,
        data=PlanInput(
            analysis={"housing": values["analysis"]},
            goals=values["goals"],
            based_on_version=None,
            based_on_revision=None,
        ),
    )
    intervention_add(
        membership=director,
        case=case,
        data=InterventionInput(
            kind=InterventionKind.CARE,
            owner=personas.police,
            description=values["intervention"],
            starts_on=today,
            due_on=today + timedelta(days=30),
        ),
    )
    item = on_agenda(personas, case)
    ItemDecision.objects.create(
        agenda_item=item, text=values["decision"], recorded_by=personas.director
    )
    disclosure_record(
        membership=membership_of(personas.police_member),
        item=item,
        data=DisclosureInput(
            content=values["disclosure"],
            categories=[DataCategory.CRIMINAL],
            legal_basis=LegalBasis.objects.get(code="wet-pga"),
            purpose=notes["purpose"],
            necessity_note=notes["necessity"],
            recipients=[personas.municipality_a],
        ),
    )
    return CaseWithContent(
        case=Case.objects.get(pk=case.pk),
        person=f"{values['given_names']} {values['surname']}",
        content=values,
        disclosure_notes=notes,
    )


def shows_none_of(page: Page, values: list[str], where: str) -> None:
    """The page's HTML holds none of ``values`` (also not in attributes or hidden text)."""
    html = page.content().lower()
    found = [value for value in values if value.lower() in html]
    assert not found, f"{where} ({page.url}) shows {found}"
