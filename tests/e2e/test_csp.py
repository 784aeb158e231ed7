"""The Content-Security-Policy carries a fresh nonce; inline script without it does not run."""

import re

from playwright.sync_api import Page

from tests.e2e.helpers import E2E_MARKS

pytestmark = E2E_MARKS

NONCE = re.compile(r"'nonce-([A-Za-z0-9+/_=-]+)'")


def script_src(policy: str) -> list[str]:
    for directive in policy.split(";"):
        name, *sources = directive.split()
        if name == "script-src":
            return sources
    raise AssertionError(f"no script-src in {policy!r}")


def login_page_nonce(page: Page) -> str:
    response = page.goto("/inloggen/")
    assert response is not None
    assert response.ok
    policy = response.headers["content-security-policy"]
    sources = script_src(policy)
    assert "'unsafe-inline'" not in sources
    assert "'unsafe-eval'" not in sources
    nonces = [m.group(1) for s in sources if (m := NONCE.fullmatch(s))]
    assert len(nonces) == 1, f"script-src carries no single nonce: {sources}"
    return nonces[0]


def test_csp_header_carries_a_nonce_that_changes_on_every_page_load(page: Page) -> None:
    first = login_page_nonce(page)
    second = login_page_nonce(page)

    assert first != second
    assert len(first) >= 16


def test_the_pages_own_scripts_carry_the_nonce_and_run(page: Page) -> None:
    nonce = login_page_nonce(page)

    scripts = page.locator("script")
    assert scripts.count() >= 1
    # Browsers hide the nonce attribute from the DOM once parsed; the property keeps it.
    assert set(scripts.evaluate_all("els => els.map(e => e.nonce)")) == {nonce}
    assert page.evaluate("typeof window.htmx") == "object"  # the nonce'd htmx did load


def test_injected_inline_script_without_the_nonce_does_not_run(page: Page) -> None:
    nonce = login_page_nonce(page)

    outcome = page.evaluate(
        """nonce => new Promise(resolve => {
            const violations = [];
            document.addEventListener("securitypolicyviolation", e => violations.push(
                {directive: e.effectiveDirective, blocked: e.blockedURI}));
            const inject = (body, withNonce) => {
                const script = document.createElement("script");
                if (withNonce) script.setAttribute("nonce", nonce);
                script.textContent = body;
                document.body.appendChild(script);
            };
            inject("window.__pwned = true;", false);
            inject("window.__control = true;", true);  // proves the injection itself works
            setTimeout(() => resolve({
                pwned: typeof window.__pwned,
                control: window.__control === true,
                violations,
            }), 200);
        })""",
        nonce,
    )

    assert outcome["pwned"] == "undefined"
    assert outcome["control"] is True
    assert {"directive": "script-src-elem", "blocked": "inline"} in outcome["violations"]
