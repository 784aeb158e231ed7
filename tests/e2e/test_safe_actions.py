"""Safe actions in the browser: closing a case shows a review step (the values back, "Bevestigen"
and "Wijzigen") before anything changes, and a double click on a form's submit button registers
one signal. axe-core finds no WCAG 2.2 A/AA violations on the confirmation pages."""

from pathlib import Path

from django.db import connection
from playwright.sync_api import Page, expect

from schakel.accounts.models import User
from schakel.cases.choices import CasePhase
from schakel.cases.models import Case
from schakel.cases.tests.factories import open_case
from schakel.intake.models import Signal
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    assert_accessible,
    enrolled,
    path_is,
    sign_in,
    submit,
)
from tests.e2e.test_intake import fill_signal

pytestmark = E2E_MARKS


def signed_in_page(new_context: ContextFactory, user: User) -> Page:
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))
    return page


def test_closing_a_case_is_reviewed_before_it_is_done(
    new_context: ContextFactory, personas, axe_source: Path
) -> None:
    case = open_case(personas)
    page = signed_in_page(new_context, personas.director)
    page.goto(f"/casussen/{case.pk}/")

    page.get_by_role("link", name="Casus afsluiten").click()
    page.get_by_label("Anders").check()
    page.get_by_label("Toelichting").fill("Overgedragen aan de reclassering.")
    submit(page, "Verder")

    expect(page.get_by_role("heading", level=1)).to_have_text("Afsluiten controleren")
    expect(page.get_by_text("Overgedragen aan de reclassering.")).to_be_visible()
    expect(page.get_by_text("Afsluiten kan niet ongedaan worden gemaakt.")).to_be_visible()
    assert_accessible(page, axe_source)
    case.refresh_from_db()
    assert case.phase != CasePhase.CLOSED

    submit(page, "Wijzigen")
    expect(page.get_by_label("Toelichting")).to_have_value("Overgedragen aan de reclassering.")
    submit(page, "Verder")
    submit(page, "Bevestigen: casus definitief afsluiten")

    expect(page).to_have_url(path_is(f"/casussen/{case.pk}/"))
    expect(page.get_by_text("De casus is afgesloten.")).to_be_visible()
    assert Case.objects.get(pk=case.pk).phase == CasePhase.CLOSED


def test_a_form_sent_twice_registers_one_signal(new_context: ContextFactory, personas) -> None:
    police = signed_in_page(new_context, personas.police_member)
    police.goto("/signalen/nieuw/")
    fill_signal(police, surname_prefix="van", surname="Hoogeveld", observation="Dubbel verstuurd.")

    # A double click as the server sees it: the same rendered form posted twice at once. The
    # test server's in-memory SQLite database is one connection shared by its threads, which
    # cannot serve two requests at once; there the second is sent when the first has finished
    # (the waiting for a submit still being handled is exercised on PostgreSQL).
    at_once = connection.vendor != "sqlite"
    statuses = police.evaluate(
        """async (atOnce) => {
            const form = document.querySelector("input[name=_formulier]").form;
            const send = () => fetch(form.action || location.href, {
                method: "POST", body: new FormData(form), redirect: "manual",
            }).then((response) => response.type === "opaqueredirect" ? 302 : response.status);
            return atOnce ? Promise.all([send(), send()]) : [await send(), await send()];
        }""",
        at_once,
    )

    assert statuses == [302, 302]
    assert Signal.objects.count() == 1
    police.goto("/signalen/")
    expect(police.get_by_text("Dit formulier was al verstuurd")).to_be_visible()
