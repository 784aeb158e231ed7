"""The NL Design System component CSS and the theme load (the UI shell is styled, not bare HTML)."""

from urllib.parse import urlsplit

from playwright.sync_api import Page, Response

from schakel.accounts.tests.factories import MembershipFactory
from tests.e2e.helpers import E2E_MARKS, artifacts_dir, enrolled, sign_in

pytestmark = E2E_MARKS

STYLESHEETS = (
    "/static/vendor/voorbeeld-theme.css",
    "/static/vendor/utrecht-component-library.css",
    "/static/css/schakel.css",
)


def test_dashboard_is_styled_with_the_nl_design_system_theme(page: Page) -> None:
    user = MembershipFactory().user
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    sign_in(page, user, enrolled(user))

    loaded = {urlsplit(r.url).path: r.status for r in responses}
    for stylesheet in STYLESHEETS:
        assert loaded.get(stylesheet) == 200, f"{stylesheet} did not load: {loaded}"
    style = page.evaluate(
        """() => {
            const css = (el, prop) => getComputedStyle(el).getPropertyValue(prop).trim();
            const html = document.documentElement;
            return {
                sheets: document.styleSheets.length,
                themeToken: css(html, "--utrecht-link-color"),
                linkColor: css(document.querySelector("main a.utrecht-link"), "color"),
                headingFont: css(document.querySelector("h1"), "font-family"),
            };
        }"""
    )
    assert style["sheets"] == len(STYLESHEETS)
    assert style["themeToken"], "the voorbeeld-theme tokens are not applied to <html>"
    assert style["linkColor"] not in ("", "rgb(0, 0, 238)")  # not the browser's default blue
    assert "Times" not in style["headingFont"]

    page.screenshot(path=artifacts_dir() / "dashboard.png", full_page=True)
