"""Forms at 390 px, with and without JavaScript (docs/forms.md): the signal form folds its
optional parts away, shows the online part only for an online signal (with JavaScript) or as a
folded section anyone can open (without), and after a refused submit the error summary has the
focus, links to each field and the page title starts with "Fout:". axe-core finds nothing."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from schakel.intake.models import Signal
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    assert_accessible,
    enrolled,
    sign_in,
    submit,
)

pytestmark = E2E_MARKS

PHONE = {"width": 390, "height": 844}


def phone_page(
    new_context: ContextFactory, user, *, javascript: bool, engine_off: bool = False
) -> Page:
    """A signed-in page at 390 px. Without JavaScript: the site's scripts are not loaded (axe-core
    can still be injected); ``engine_off`` switches the browser's JavaScript off altogether."""
    context = new_context(bypass_csp=True, viewport=PHONE, java_script_enabled=not engine_off)
    if not javascript:
        context.route("**/static/**/*.js", lambda route: route.abort())
    page = context.new_page()
    sign_in(page, user, enrolled(user))
    return page


def fill_required(page: Page, *, domain: str) -> None:
    page.get_by_label("Achternaam").fill("Hoogeveld")
    page.get_by_label("Woongemeente").select_option(label="Gemeente Aldermeer")
    page.get_by_label("Wat is er waargenomen?").fill("Dreigende taal.")
    observed = (timezone.localdate() - timedelta(days=2)).isoformat()
    page.get_by_label("Waargenomen op").fill(observed)
    page.get_by_label("Brondomein").select_option(label=domain)
    page.get_by_label("Fenomeen").select_option(index=1)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_signal_form_is_short_and_its_errors_take_the_focus(
    new_context: ContextFactory, personas, axe_source: Path, javascript: bool
) -> None:
    page = phone_page(new_context, personas.police_member, javascript=javascript)
    page.goto("/signalen/nieuw/")
    online = page.locator("#online-deel")
    platform = page.locator("#id_online_platform")
    if javascript:
        expect(online).to_be_hidden()  # only for brondomein Online
    else:
        expect(online).to_be_visible()  # folded, but reachable
        expect(platform).to_be_hidden()
    # Much shorter than the 4,400 px the form was when every part was open.
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 3500, height
    assert_accessible(page, axe_source)

    # A refused submit: the summary has the focus and names the field, the title says so.
    page.get_by_label("Wat is er waargenomen?").fill("Alleen dit.")
    submit(page, "Signaal registreren")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Fout: Signaal registreren"))
    expect(page.get_by_label("Wat is er waargenomen?")).to_have_value("Alleen dit.")
    assert_accessible(page, axe_source)
    summary.get_by_role("link", name=re.compile(r"„Woongemeente”")).click()
    expect(page.get_by_label("Woongemeente")).to_be_focused()

    # The online part, for an online signal.
    if javascript:
        page.get_by_label("Brondomein").select_option(label="Online")
        expect(online).to_be_visible()
        expect(platform).to_be_visible()  # opened when chosen
        page.get_by_label("Brondomein").select_option(label="Veiligheid")
        expect(online).to_be_hidden()
    else:
        online.locator("summary").click()
        expect(platform).to_be_visible()
    fill_required(page, domain="Online")
    if javascript:
        expect(platform).to_be_visible()
    platform.fill("Een forum")
    assert_accessible(page, axe_source)
    submit(page, "Signaal registreren")
    expect(page.get_by_text("Het signaal is geregistreerd met kenmerk")).to_be_visible()

    # The list of signals stacks its rows at this width; each value says which column it is.
    page.goto("/signalen/")
    cell = page.locator("table.schakel-table--stacked tbody td").first
    assert page.evaluate("(c) => getComputedStyle(c).display", cell.element_handle()) == "block"
    before = page.evaluate("(c) => getComputedStyle(c, '::before').content", cell.element_handle())
    assert before == '"Geregistreerd op: "', before
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, axe_source)


def test_a_form_from_a_page_without_its_token_is_refused_and_kept(
    new_context: ContextFactory, personas
) -> None:
    page = phone_page(new_context, personas.police_member, javascript=True)
    page.goto("/signalen/nieuw/")
    fill_required(page, domain="Veiligheid")
    page.evaluate("document.querySelector('input[name=_formulier]').remove()")  # a stale page

    submit(page, "Signaal registreren")

    expect(page.locator("[data-error-summary]")).to_contain_text("Dit formulier is verlopen")
    expect(page.get_by_label("Achternaam")).to_have_value("Hoogeveld")
    assert not Signal.objects.exists()
    submit(page, "Signaal registreren")  # the page now holds a fresh token
    expect(page.get_by_text("Het signaal is geregistreerd met kenmerk")).to_be_visible()
    assert Signal.objects.count() == 1


@pytest.mark.parametrize("persona", ["police_member", "lead_a"])
def test_the_header_takes_at_most_a_quarter_of_a_phone_screen(
    new_context: ContextFactory, personas, persona: str
) -> None:
    # The menu has an entry per area of the role's work (the municipal lead's is the longest),
    # plus the search box and the role choice: a quarter of the screen at most (it was a third
    # to a half, 282 px and more); the content starts in the first screen.
    page = phone_page(new_context, getattr(personas, persona), javascript=True)
    page.goto("/signalen/nieuw/")
    header = page.evaluate("document.querySelector('header').getBoundingClientRect().height")
    assert header <= PHONE["height"] / 4, header
    # "Wissel" stays inside the window: the role choice takes what its row leaves.
    switch = page.get_by_role("button", name="Wissel").bounding_box()
    assert switch is not None
    assert switch["x"] + switch["width"] <= PHONE["width"]
    expect(page.get_by_label("Ik werk als")).to_be_visible()  # label hidden, the choice is not
    # Radio buttons (and checkboxes, the same rule) are 24 px targets (WCAG 2.5.8).
    box = page.get_by_role("radio").first.bounding_box()
    assert box is not None
    assert box["width"] >= 24
    assert box["height"] >= 24


def test_the_signal_form_works_with_javascript_switched_off(
    new_context: ContextFactory, personas
) -> None:
    page = phone_page(new_context, personas.police_member, javascript=False, engine_off=True)
    page.goto("/signalen/nieuw/")
    page.get_by_label("Wat is er waargenomen?").fill("Alleen dit.")
    submit(page, "Signaal registreren")
    expect(page.locator("[data-error-summary]")).to_be_focused()  # autofocus, no script
    page.locator("#online-deel summary").click()
    fill_required(page, domain="Online")
    page.locator("#id_online_platform").fill("Een forum")
    submit(page, "Signaal registreren")
    expect(page.get_by_text("Het signaal is geregistreerd met kenmerk")).to_be_visible()
    assert Signal.objects.get().online_platform == "Een forum"
