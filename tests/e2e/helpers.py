"""Building blocks of the browser tests: signing in, TOTP codes, navigation, axe-core."""

import base64
import importlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, Page, Response, expect

from schakel.accounts.models import User
from schakel.accounts.tests.factories import TEST_PASSWORD, TOTPDeviceFactory

# Every browser test drives a live server, so its database must be visible to the server thread
# (transaction=True). The flush after each transactional test also removes the rows the migrations
# seed (register of processing activities, chain head of the log, phenomena); serialized_rollback
# restores them before each test when it can, and ``restore_migration_seed`` makes sure of it.
E2E_MARKS = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# ``new_context(**options)``: a browser context on the live server, closed after the test.
ContextFactory = Callable[..., BrowserContext]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TOTP_STEP = 30


@dataclass
class Authenticator:
    """What the user's authenticator app does: derive six-digit codes from the shared secret.

    django-otp accepts each time step once, and one step either side of now. ``next_code``
    returns a code for the earliest step not used yet, waiting for the clock only if needed.
    """

    key: bytes
    used_steps: set[int] = field(default_factory=set)

    @classmethod
    def from_secret(cls, secret: str) -> "Authenticator":
        compact = "".join(secret.split()).upper()
        return cls(base64.b32decode(compact + "=" * (-len(compact) % 8)))

    @classmethod
    def for_device(cls, device: TOTPDevice) -> "Authenticator":
        return cls(bytes(device.bin_key))

    def code_at(self, step: int) -> str:
        totp = TOTP(self.key, step=TOTP_STEP, digits=6)
        totp.time = step * TOTP_STEP
        return f"{totp.token():06d}"

    def next_code(self) -> str:
        now = int(time.time()) // TOTP_STEP
        step = max([now, *(s + 1 for s in self.used_steps)])
        if step > now + 1:  # beyond the server's tolerance: wait for the clock to catch up
            time.sleep((step - 1) * TOTP_STEP - time.time() + 0.1)
        self.used_steps.add(step)
        return self.code_at(step)

    def wrong_code(self) -> str:
        """A six-digit code that no step within the server's tolerance accepts."""
        now = int(time.time()) // TOTP_STEP
        valid = {self.code_at(s) for s in range(now - 2, now + 3)}
        return next(c for c in (f"{n:06d}" for n in range(123456, 1_000_000)) if c not in valid)


SEEDING_MIGRATIONS = (
    "schakel.intake.migrations.0002_seed_phenomena",
    "schakel.weighing.migrations.0002_seed_criteria",
    "schakel.privacy.migrations.0002_seed_legal_bases",
    "schakel.privacy.migrations.0004_seed_retention_policies_and_register_links",
    "schakel.privacy.migrations.0005_sign_in_failure_retention",
)


def restore_migration_seed() -> None:
    """Put back what migrations seed, when a flush took it away (see tests/e2e/README.md).

    Idempotent: the register installer only creates a chain head when the log is empty, and the
    phenomena are matched on name.
    """
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    from schakel.audit.register import install

    install()
    loader = MigrationLoader(connection)
    for seeding in SEEDING_MIGRATIONS:
        # Each seed runs with the models as they were at its migration (a model may have moved
        # to another app since; its table did not).
        _, app, _, name = seeding.split(".")
        state = loader.project_state((app, name), at_end=True)
        importlib.import_module(seeding).seed(state.apps, None)


def artifacts_dir() -> Path:
    """Where screenshots go: ``$SCHAKEL_E2E_ARTIFACTS``, default ``<tmp>/schakel-e2e``."""
    default = Path(tempfile.gettempdir()) / "schakel-e2e"
    target = Path(os.environ.get("SCHAKEL_E2E_ARTIFACTS", default))
    target.mkdir(parents=True, exist_ok=True)
    return target


def path_is(path: str) -> re.Pattern[str]:
    """Match the current URL on its path (any host and port, optional query string)."""
    return re.compile(rf"^https?://[^/]+{re.escape(path)}(\?.*)?$")


def enrolled(user: User) -> Authenticator:
    """Give ``user`` a confirmed TOTP device, as if enrolled earlier; return their app."""
    return Authenticator.for_device(TOTPDeviceFactory(user=user))


def submit(page: Page, button: str) -> Response:
    """Press a form's submit button; return once the server has answered the POST and the
    answer (after any redirect) has loaded, so that no later step races the submission."""
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    return answer.value


def submit_password(page: Page, email: str, password: str = TEST_PASSWORD) -> None:
    page.goto("/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    submit(page, "Inloggen")


def submit_verification_code(page: Page, code: str) -> None:
    expect(page).to_have_url(path_is("/mfa/controle/"))
    page.get_by_label("Code uit uw authenticator-app of een herstelcode").fill(code)
    submit(page, "Bevestigen")


def sign_in(page: Page, user: User, app: Authenticator) -> None:
    """The full sign-in of an enrolled user: password, then a fresh TOTP code; ends on /."""
    submit_password(page, user.email)
    submit_verification_code(page, app.next_code())
    expect(page).to_have_url(path_is("/"))


def enrol(page: Page) -> Authenticator:
    """On the enrolment page: read the secret as a user would type it over, activate with a code.

    Ends on the recovery-codes page.
    """
    expect(page).to_have_url(path_is("/mfa/instellen/"))
    app = Authenticator.from_secret(page.get_by_test_id("totp-secret").inner_text())
    page.get_by_label("Code van zes cijfers").fill(app.next_code())
    submit(page, "Activeren")
    return app


def continue_to_dashboard(page: Page) -> None:
    """From the recovery codes, on to the dashboard."""
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    expect(page).to_have_url(path_is("/"))


def main_navigation(page: Page) -> list[str]:
    nav = page.locator('nav[aria-label="Hoofdmenu"]')
    expect(nav).to_be_visible()
    return [text.strip() for text in nav.get_by_role("link").all_inner_texts()]


def sign_out(page: Page) -> None:
    submit(page, "Uitloggen")
    expect(page).to_have_url(path_is("/inloggen/"))


def run_axe(page: Page, axe_source: Path) -> list[dict[str, Any]]:
    """Run axe-core with the WCAG 2.2 A/AA rule set on the current page; return the violations."""
    page.add_script_tag(path=str(axe_source))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    assert result["passes"], f"axe-core checked nothing on {page.url}"
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One readable block per violation: rule, impact, help, and each offending element."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" [{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page, axe_source: Path) -> None:
    violations = run_axe(page, axe_source)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.2 A/AA violation(s) on {page.url}:\n"
        + describe_violations(violations)
    )


def check_at_widths(
    page: Page, axe_source: Path, name: str, widths: tuple[int, ...] = (1366, 390)
) -> None:
    """At each width: axe-core finds nothing, the page does not scroll sideways (a wide table
    scrolls inside its own region), and a full-page screenshot ``<name>-<width>.png`` goes to
    the artefacts directory."""
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        violations = run_axe(page, axe_source)
        assert not violations, f"{name} at {width} px:\n" + describe_violations(violations)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{name} is {scroll} px wide at {inner} px"
        page.screenshot(path=str(artifacts_dir() / f"{name}-{width}.png"), full_page=True)
