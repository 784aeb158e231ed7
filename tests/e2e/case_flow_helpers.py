"""Building blocks of the case-flow browser test (test_case_flow.py): a persona signed in, the
signal form as the meldpunt fills it in, screenshots kept as artefacts, the not-found page, and
axe-core results collected over the whole story."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from schakel.accounts.models import User
from tests.e2e.helpers import (
    ContextFactory,
    artifacts_dir,
    describe_violations,
    enrolled,
    run_axe,
    sign_in,
    submit,
)

NOT_FOUND_TEXT = "Deze pagina bestaat niet of u hebt er geen toegang toe."


def signed_in_page(new_context: ContextFactory, user: User) -> Page:
    """A page of the user's own browser (a context of its own, CSP bypassed for axe-core),
    signed in with password and a TOTP code."""
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))
    return page


@dataclass(frozen=True)
class Person:
    """The fictional person the story is about."""

    given_names: str
    surname: str
    date_of_birth: str

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}"


def register_signal(page: Page, person: Person, *, observation: str) -> str:
    """Register a signal about a resident of Aldermeer by the form's labels; return the
    reference the confirmation shows."""
    page.goto("/signalen/nieuw/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal registreren")
    page.get_by_label("Voornamen").fill(person.given_names)
    page.get_by_label("Achternaam").fill(person.surname)
    page.locator("#id_date_of_birth").fill(person.date_of_birth)
    page.get_by_label("Woongemeente").select_option(label="Gemeente Aldermeer")
    page.get_by_label("Wat is er waargenomen?").fill(observation)
    page.get_by_label("Waargenomen op").fill(iso(timezone.localdate() - timedelta(days=3)))
    page.get_by_label("Brondomein").select_option(label="Veiligheid")
    page.get_by_label("Fenomeen").select_option(index=1)
    submit(page, "Signaal registreren")
    confirmation = page.get_by_text("Het signaal is geregistreerd met kenmerk")
    expect(confirmation).to_be_visible()
    found = re.search(r"kenmerk (\S+?)\.?$", confirmation.inner_text().strip())
    assert found, "the confirmation names no reference"
    return found.group(1)


def select_option_containing(page: Page, label: str, text: str) -> None:
    """Choose, in the select labelled ``label``, the option whose text contains ``text``
    (as a person scanning the list for a reference would)."""
    select = page.get_by_label(label, exact=True)
    option = select.locator("option", has_text=text)
    expect(option).to_have_count(1)
    select.select_option(label=option.inner_text().strip())


def iso(day: date) -> str:
    return day.isoformat()


def dutch_date(moment: datetime, pattern: str) -> str:
    """A date as the Dutch pages write it (e.g. ``l j F Y``: "woensdag 4 juni 2025")."""
    with translation.override("nl"):
        return date_format(timezone.localtime(moment), pattern)


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot in the artefacts directory (never in the repository)."""
    path = artifacts_dir() / f"case-flow-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def expect_not_found(page: Page, path: str, *, hidden: tuple[str, ...] = ()) -> None:
    """Opening ``path`` gives the 404 page, which shows none of ``hidden``."""
    response = page.goto(path)
    assert response is not None
    assert response.status == 404, f"{path} answered {response.status}, expected 404"
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    expect(page.get_by_text(NOT_FOUND_TEXT)).to_be_visible()
    for text in hidden:
        expect(page.get_by_text(text)).to_have_count(0)


@dataclass
class AccessibilityLog:
    """axe-core (WCAG 2.2 A/AA) on every distinct page of the story; the violations of all
    pages are reported together at the end, so that one run names every page that fails."""

    axe_source: Path
    checked: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def check(self, page: Page, name: str) -> None:
        violations: list[dict[str, Any]] = run_axe(page, self.axe_source)
        self.checked.append(name)
        if violations:
            self.failures.append(
                f"{name} ({page.url}): {len(violations)} violation(s)\n"
                + describe_violations(violations)
            )

    def assert_clean(self) -> None:
        assert not self.failures, (
            f"axe-core found WCAG 2.2 A/AA violations on {len(self.failures)} of "
            f"{len(self.checked)} pages:\n" + "\n\n".join(self.failures)
        )
