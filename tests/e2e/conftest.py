"""Fixtures for the end-to-end tests: one Chromium for the suite, a fresh context per test.

pytest-playwright is not used; these fixtures drive Debian's Chromium through Playwright's sync
API (``SCHAKEL_CHROMIUM`` overrides its path). Screenshots of failed tests go to
``$SCHAKEL_E2E_ARTIFACTS`` (default: ``<tmp>/schakel-e2e``), never into the repository.
"""

import os
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Response,
    sync_playwright,
)

from tests.e2e.helpers import ContextFactory, artifacts_dir, restore_migration_seed

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEFAULT_TIMEOUT_MS = 10_000


def _chromium_path() -> str:
    path = os.environ.get("SCHAKEL_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).is_file():
        pytest.fail(
            f"Chromium not found at {path}. Install Debian's Chromium "
            "(apt-get install chromium) or point SCHAKEL_CHROMIUM at a Chromium binary.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    """Playwright for the e2e package only.

    The sync API keeps an asyncio loop marked as running in this thread, which makes Django refuse
    ORM calls from test code (SynchronousOnlyOperation). Allowing that is safe here (the ORM is
    still used from one thread at a time), but only while Playwright runs: package scope stops it,
    and restores the guard, once the last browser test has finished.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as instance:
            yield instance
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=_chromium_path(), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def base_url(live_server: Any) -> str:
    restore_migration_seed()
    return str(live_server.url)


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


@pytest.fixture
def new_context(
    browser: Browser, base_url: str, request: pytest.FixtureRequest
) -> Generator[ContextFactory]:
    """Create browser contexts (options as for ``browser.new_context``); all closed afterwards.

    A screenshot of every open page is saved when the test fails. Any 5xx answer of the server
    fails the test (its traceback is in the captured ``django.request`` log).
    """
    contexts: list[BrowserContext] = []
    server_errors: list[str] = []

    def note_server_error(response: Response) -> None:
        if response.status >= 500:
            server_errors.append(f"{response.status} {response.request.method} {response.url}")

    def factory(**options: Any) -> BrowserContext:
        options.setdefault("locale", "nl-NL")
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=base_url, **options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        # Chromium asks for /favicon.ico on its own, in parallel with the test's own requests;
        # answer it here so it cannot race the shared in-memory SQLite connection.
        context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        context.on("response", note_server_error)
        contexts.append(context)
        return context

    yield factory

    if request.node.stash.get(_CALL_FAILED, False):
        target = artifacts_dir()
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        for c, context in enumerate(contexts):
            for p, open_page in enumerate(context.pages):
                open_page.screenshot(path=target / f"{name}-{c}-{p}.png", full_page=True)
    for context in contexts:
        context.close()
    assert not server_errors, f"the server failed: {server_errors}"


@pytest.fixture
def page(new_context: ContextFactory) -> Page:
    """A page in a fresh context with JavaScript on and the site's CSP enforced."""
    return new_context().new_page()


@pytest.fixture
def axe_page(new_context: ContextFactory) -> Page:
    """A page whose context bypasses CSP, so that axe-core can be injected.

    Only for the accessibility checks: the CSP itself is tested with ``page``.
    """
    return new_context(bypass_csp=True).new_page()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    # A development dependency (package.json): read from node_modules, never served.
    path = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        pytest.fail(
            f"{path} is missing: the accessibility tests inject axe-core from there. "
            "Run `npm ci` (or `make test`, which does it).",
            pytrace=False,
        )
    return path
