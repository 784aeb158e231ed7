"""Reflow (WCAG 2.2 SC 1.4.10): no page of Schakel scrolls sideways at 320 CSS px, nor at 1366.

The pages come from the URL configuration (``reflow_helpers.routes``): every named URL, its
parameters filled with fictional objects made through the services, minus the API, the sign-in
flow and the pages listed in ``reflow_helpers.SKIPPED`` with a reason; pages that take only POST
(405) and downloads (not HTML) are found by asking the server and skipped with that reason.

Which persona opens a page is asked of the server too, with one persona per role
(``PERSONA_ORDER``: process director, municipal lead, privacy officer, functional admin, two
partner members, the platform's superuser). A page without URL parameters (the lists, desks and
forms) is opened at 320 CSS px by every persona that may open it, since what a list holds
differs per role; a page about one object is opened once, by the first persona in the order that
may (the one most likely to see the widest data). "Every page in every role" with axe-core would
take several minutes, so axe-core (WCAG 2.2 A/AA) and the check at 1366 CSS px (the 8 px
overflow of every page) run once per page, in that first persona.

Measured on the shared two-core machine, with other test runs going (load average 5 to 10),
after the network's workspace (issue 14) added about 70 pages: 387 s for the test itself (44 s
asking the server, 195 s of axe-core), plus about 45 s set-up; on a quiet machine it should be
about half. The test
prints what it opened, what it skipped and why, and these times.
"""

import os
import time
from io import BytesIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from playwright.sync_api import Page
from pypdf import PdfReader

from schakel.accounts.tests.factories import TOTPDeviceFactory
from tests.e2e.helpers import E2E_MARKS, ContextFactory, artifacts_dir, describe_violations, run_axe
from tests.e2e.reflow_helpers import (
    PERSONA_ORDER,
    build_world,
    persona_users,
    probe,
    routes,
    skip_reason,
)

pytestmark = E2E_MARKS

NARROW = {"width": 320, "height": 800}
WIDE = {"width": 1366, "height": 900}
OVERFLOW_SCRIPT = "[document.documentElement.scrollWidth, window.innerWidth]"
# The outermost elements that stick out to the right (and what holds them), to name in a failure.
CULPRITS_SCRIPT = """() => {
    const name = el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.');
    const right = el => el.getBoundingClientRect().right;
    return [...document.body.querySelectorAll('*')]
        .filter(el => right(el) > innerWidth + 1 && right(el.parentElement) <= innerWidth + 1)
        .slice(0, 3)
        .map(el => name(el) + ' in ' + name(el.parentElement)
                   + ' (' + getComputedStyle(el.parentElement).display + ')');
}"""


# SCHAKEL_REFLOW_SCREENSHOTS=1: a full-page screenshot of every page at 390 and 320 CSS px in
# the artefacts directory, to look at.
SCREENSHOTS = os.environ.get("SCHAKEL_REFLOW_SCREENSHOTS") == "1"


def save_screenshots(page: Page, url: str) -> None:
    name = url.strip("/").replace("/", "_") or "start"
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=artifacts_dir() / f"reflow-{name}-{width}.png", full_page=True)
    page.set_viewport_size(NARROW)


def signed_in_client(user: Any) -> Client:
    """A test client with a completed sign-in (password and second factor), as conftest does."""
    client = Client()
    device = TOTPDeviceFactory(user=user)
    client.force_login(user)
    session = client.session
    now = timezone.now().isoformat()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session["auth_started_at"] = now
    session["last_seen_at"] = now
    session["step_up_at"] = now
    session.save()
    return client


def overflow(page: Page) -> int:
    scroll_width, inner_width = page.evaluate(OVERFLOW_SCRIPT)
    return int(scroll_width) - int(inner_width)


def check_widths(page: Page, label: str, failures: list[str], *, wide: bool = True) -> None:
    """The page fits at 320 CSS px, and with ``wide`` at 1366; the viewport is left at 320."""
    for viewport in (NARROW, WIDE) if wide else (NARROW,):
        page.set_viewport_size(viewport)
        extra = overflow(page)
        if extra > 0:
            name = label.replace("/", "_").replace(" ", "")
            page.screenshot(path=artifacts_dir() / f"reflow-{name}-{viewport['width']}.png")
            culprits = ", ".join(page.evaluate(CULPRITS_SCRIPT))
            failures.append(
                f"{label}: {extra} px too wide at {viewport['width']} CSS px ({culprits})"
            )
    page.set_viewport_size(NARROW)


def test_no_page_scrolls_sideways_and_axe_finds_nothing(
    new_context: ContextFactory, personas: Any, axe_source: Path, base_url: str
) -> None:
    started = time.monotonic()
    world = build_world(personas)
    built = time.monotonic()
    users = persona_users(personas)
    clients = {name: signed_in_client(user) for name, user in users.items()}

    plan: list[tuple[str, str, list[str]]] = []
    skipped: dict[str, str] = {}
    unfilled: list[str] = []
    unopened: list[str] = []
    for route in sorted(routes(), key=lambda r: r.pattern):
        if reason := skip_reason(route.name):
            skipped[route.name] = reason
            continue
        if route.params and route.name not in world:
            unfilled.append(route.name)
            continue
        kwargs = world[route.name]() if route.params else {}
        if any(value is None for value in kwargs.values()):
            unfilled.append(route.name)
            continue
        found = probe(route, kwargs, clients, all_personas=not route.params)
        if found.reason:
            skipped[route.name] = found.reason
        elif not found.openers:
            unopened.append(f"{route.name} ({found.url})")
        else:
            plan.append((route.name, found.url, found.openers))
    probed = time.monotonic()
    assert not unfilled, f"no fixture object for the URL parameters of {unfilled}"
    assert not unopened, f"no persona can open {unopened}"

    failures: list[str] = []
    axe_failures: list[str] = []
    checked = 0
    axe_time = 0.0

    anonymous = new_context(bypass_csp=True, viewport=NARROW).new_page()
    anonymous.goto("/inloggen/")
    check_widths(anonymous, "/inloggen/ (signed out)", failures)
    if violations := run_axe(anonymous, axe_source):
        axe_failures.append("/inloggen/:\n" + describe_violations(violations))

    pages: dict[str, Page] = {}
    for name in PERSONA_ORDER:
        context = new_context(bypass_csp=True, viewport=NARROW)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": clients[name].cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": base_url,
                }
            ]
        )
        pages[name] = context.new_page()

    for route_name, url, openers in plan:
        for position, persona in enumerate(openers):
            page = pages[persona]
            response = page.goto(url)
            assert response is not None
            label = f"{url} as {persona}"
            if response.status != 200:
                failures.append(f"{label}: answered {response.status} in the browser")
                continue
            checked += 1
            check_widths(page, label, failures, wide=position == 0)
            if SCREENSHOTS and position == 0:
                save_screenshots(page, url)
            axe_started = time.monotonic()
            if position == 0 and (violations := run_axe(page, axe_source)):
                axe_failures.append(f"{label} ({route_name}):\n" + describe_violations(violations))
            axe_time += time.monotonic() - axe_started

    elapsed = time.monotonic() - started
    print(
        f"\nreflow: {len(plan)} pages, {checked} page views in {len(PERSONA_ORDER)} personas, "
        f"{elapsed:.0f} s (objects {built - started:.0f} s, probing {probed - built:.0f} s, "
        f"axe-core {axe_time:.0f} s); skipped: "
        + "; ".join(f"{name} ({reason})" for name, reason in sorted(skipped.items()))
    )
    assert not failures, "pages wider than the window:\n" + "\n".join(failures)
    assert not axe_failures, "axe-core found violations:\n\n" + "\n\n".join(axe_failures)
    assert len(plan) >= 60, f"only {len(plan)} pages were opened; the walk missed pages"


CONTROLS = """
<input class="utrecht-textbox utrecht-textbox--html-input" type="text" aria-label="Tekst">
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" aria-label="Tekst 2"></textarea>
<select class="utrecht-select utrecht-select--html-select" aria-label="Keuze">
<option>A</option></select>
<input class="utrecht-textbox utrecht-textbox--html-input" type="date" aria-label="Datum">
<input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" aria-label="Ja">
<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" aria-label="Akkoord">
<button class="utrecht-button utrecht-button--primary-action" type="button">Opslaan</button>
<button class="utrecht-button utrecht-button--subtle" type="button">English</button>
<a class="utrecht-link" href="#">Link</a>
"""


def test_every_kind_of_control_gets_the_same_strong_focus_style(page: Page) -> None:
    """Text boxes, text areas, selects, dates, radios, checkboxes and buttons get the 3 px outline
    and the ring of links; the Utrecht components' own focus rules do not weaken it. Checkboxes
    and radios are 24 px targets (WCAG 2.5.8)."""
    page.goto("/inloggen/")  # the site's stylesheets, in the order base.html links them
    page.evaluate("html => { document.querySelector('main').innerHTML = html; }", CONTROLS)
    page.keyboard.press("Tab")  # keyboard modality: :focus-visible applies to every control
    styles = page.evaluate(
        """() => [...document.querySelector('main').querySelectorAll(':scope > *')].map(el => {
            el.focus();
            const s = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {kind: el.type || el.tagName, width: s.outlineWidth, style: s.outlineStyle,
                    ring: s.boxShadow, size: [box.width, box.height]};
        })"""
    )
    assert len(styles) == 9
    link = styles[-1]
    assert (link["width"], link["style"]) == ("3px", "solid")
    assert link["ring"] != "none"
    for control in styles:
        assert (control["width"], control["style"], control["ring"]) == (
            link["width"],
            link["style"],
            link["ring"],
        ), control
        if control["kind"] in ("radio", "checkbox"):
            assert min(control["size"]) >= 24, control


def test_print_shows_the_content_with_vertrouwelijk_on_every_page(page: Page) -> None:
    """Printed, a page loses its menu, header tools, buttons and forms, and every printed page
    carries the confidentiality mark (the translated text of base.html, not of the CSS)."""
    page.goto("/inloggen/")
    page.evaluate(
        """() => { const main = document.querySelector('main');
                   for (let i = 0; i < 120; i++) {
                       const p = document.createElement('p');
                       p.textContent = 'Regel ' + i + ' van een lange pagina.';
                       main.append(p);
                   } }"""
    )
    pdf = PdfReader(BytesIO(page.pdf(format="A4")))
    texts = [p.extract_text() for p in pdf.pages]
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert "VERTROUWELIJK" in text, f"printed page {number} has no mark"
    everything = "\n".join(texts)
    assert "Regel 119 van een lange pagina." in everything
    for hidden in ("English", "Naar de inhoud", "E-mailadres", "Wachtwoord"):
        assert hidden not in everything, f"{hidden!r} is printed"
    page.emulate_media(media="screen")
    assert not page.get_by_text("VERTROUWELIJK").is_visible()
