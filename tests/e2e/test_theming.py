"""The platform operator's house style: a good theme changes the look, a bad one is refused.

Runs with the site's CSP enforced (``page``): the theme's stylesheet is served by Schakel
itself, so ``style-src 'self'`` lets it in. Screenshots go to the artifacts folder
(``SCHAKEL_E2E_ARTIFACTS``, e.g. ``test-results/``) to be looked at.
"""

from pathlib import Path

from playwright.sync_api import Page, expect

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory, UserFactory
from schakel.theming import services
from schakel.theming.choices import ThemeSource
from tests.e2e.helpers import (
    E2E_MARKS,
    artifacts_dir,
    assert_accessible,
    enrolled,
    path_is,
    sign_in,
    submit,
)

pytestmark = E2E_MARKS

# A deliberately different look: cream page, burgundy links and buttons, a rose menu bar.
CREAM, BURGUNDY = "rgb(255, 248, 231)", "rgb(138, 21, 56)"
GOOD = b"""/* Huisstijl van een fictieve gemeente */
:root {
  --utrecht-page-body-background-color: #fff8e7;
  --utrecht-link-color: #8a1538;
  --utrecht-nav-bar-background-color: #f6e4e9;
  --utrecht-button-primary-action-background-color: #8a1538;
  --utrecht-button-primary-action-color: #ffffff;
}
"""
GREY_TEXT = b".gemeente-grijs { --utrecht-page-body-color: #777777; }"


def look(page: Page) -> dict[str, str]:
    result: dict[str, str] = page.evaluate(
        """() => ({
            background: getComputedStyle(document.body).backgroundColor,
            link: getComputedStyle(document.querySelector("main a.utrecht-link")).color,
        })"""
    )
    return result


def upload(page: Page, name: str, css: bytes) -> None:
    page.goto("/beheer/huisstijl/")
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Bestand met design tokens").set_input_files(
        files=[{"name": "tokens.css", "mimeType": "text/css", "buffer": css}]
    )
    submit(page, "Controleren en opslaan")


def test_operator_sets_a_house_style_and_goes_back(page: Page) -> None:
    operator = UserFactory(is_superuser=True, is_staff=True, function_title="Applicatiebeheerder")
    sign_in(page, operator, enrolled(operator))
    before = look(page)
    assert before["background"] != CREAM

    # A theme with too little contrast is refused, in Dutch, naming both colours.
    upload(page, "Te grijs", GREY_TEXT)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(
        "De tekstkleur #777777 op de achtergrond #ffffff heeft een contrast van 4,48:1; "
        "nodig is minstens 4,5:1."
    )
    page.screenshot(path=artifacts_dir() / "theme-refused.png", full_page=True)

    # A good one: the preview page wears it before it is in use.
    upload(page, "Gemeente Aldermeer", GOOD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Huisstijl „Gemeente Aldermeer”")
    assert look(page)["background"] == CREAM
    submit(page, "Deze huisstijl gebruiken")
    expect(page).to_have_url(path_is("/beheer/huisstijl/"))
    expect(page.get_by_test_id("theme-status")).to_contain_text("Gemeente Aldermeer")

    page.goto("/")
    assert look(page) == {"background": CREAM, "link": BURGUNDY}
    menu = page.locator("nav.utrecht-nav-bar")
    assert menu.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(246, 228, 233)"
    page.screenshot(path=artifacts_dir() / "theme-active.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts_dir() / "theme-active-390.png", full_page=True)
    # The menu wraps inside itself at 390 px. (The page as a whole is 8 px wider than the
    # viewport there, with or without a theme: a known gap of the layout, not of the menu.)
    assert menu.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert menu.evaluate("el => el.getBoundingClientRect().right") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    # Back to the example theme.
    page.goto("/beheer/huisstijl/")
    submit(page, "Terug naar het standaardthema")
    page.goto("/")
    assert look(page) == before


def test_a_themed_page_is_accessible(axe_page: Page, axe_source: Path) -> None:
    operator = UserFactory(is_superuser=True, is_staff=True, function_title="Applicatiebeheerder")
    theme = services.theme_create(
        by=operator, name="Aldermeer", data=GOOD, source=ThemeSource.UPLOAD
    )
    services.theme_activate(by=operator, theme=theme)
    user = MembershipFactory(role=Role.MUNICIPAL_LEAD).user

    sign_in(axe_page, user, enrolled(user))

    assert look(axe_page)["background"] == CREAM
    assert_accessible(axe_page, axe_source)
