"""axe-core finds no WCAG 2.2 A/AA violations on the pages of the foundation.

axe-core is injected from static/vendor (filled by scripts/copy-assets). The site's CSP rightly
blocks injected scripts, so these pages run in a context with ``bypass_csp``; the CSP itself is
tested in test_csp.py.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from schakel.accounts.choices import Role
from schakel.accounts.models import User
from schakel.accounts.tests.factories import MembershipFactory
from schakel.network.tests.factories import (
    InterventionOptionFactory,
    OrganisationFactory,
    RegionFactory,
)
from tests.e2e.helpers import (
    E2E_MARKS,
    assert_accessible,
    enrol,
    enrolled,
    path_is,
    sign_in,
    submit,
    submit_password,
)

pytestmark = E2E_MARKS


def member_of_a_region(role: Role) -> User:
    """A member of a municipality in a region with partners, mailboxes and interventions."""
    region = RegionFactory(name="Regio Noordkaap")
    municipality = OrganisationFactory(name="Gemeente Aldermeer", region=region)
    InterventionOptionFactory(organisation=municipality, name="Persoonlijk gesprek")
    OrganisationFactory(name="Gemeente Brookdam", region=region)
    police = OrganisationFactory(
        name="Politie-eenheid Noordkaap", kind="police", region=region, may_process_bsn=True
    )
    InterventionOptionFactory(organisation=police, name="Stopgesprek")
    OrganisationFactory(name="NCTV", kind="nctv", region=None)
    user: User = MembershipFactory(organisation=municipality, role=role).user
    return user


def test_login_page_is_accessible(axe_page: Page, axe_source: Path) -> None:
    axe_page.goto("/inloggen/")
    assert_accessible(axe_page, axe_source)


def test_login_page_with_errors_is_accessible(axe_page: Page, axe_source: Path) -> None:
    submit_password(axe_page, "niemand@test.example", "onjuist-wachtwoord")
    expect(axe_page.get_by_role("alert")).to_be_visible()
    assert_accessible(axe_page, axe_source)


def test_mfa_enrolment_and_recovery_codes_are_accessible(axe_page: Page, axe_source: Path) -> None:
    user = MembershipFactory().user
    submit_password(axe_page, user.email)
    expect(axe_page).to_have_url(path_is("/mfa/instellen/"))
    assert_accessible(axe_page, axe_source)

    enrol(axe_page)
    expect(axe_page.get_by_test_id("recovery-codes")).to_be_visible()
    assert_accessible(axe_page, axe_source)


def test_mfa_verification_is_accessible(axe_page: Page, axe_source: Path) -> None:
    user = MembershipFactory().user
    app = enrolled(user)
    submit_password(axe_page, user.email)
    expect(axe_page).to_have_url(path_is("/mfa/controle/"))
    assert_accessible(axe_page, axe_source)

    axe_page.get_by_label("Code uit uw authenticator-app").fill(app.wrong_code())
    submit(axe_page, "Bevestigen")
    summary = axe_page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_contain_text("Deze code is onjuist of verlopen")
    assert_accessible(axe_page, axe_source)


def test_locked_page_is_accessible(axe_page: Page, axe_source: Path) -> None:
    user = MembershipFactory().user
    enrolled(user)
    for _ in range(5):
        submit_password(axe_page, user.email, "niet-het-goede-wachtwoord")
    expect(axe_page.get_by_role("heading", level=1)).to_have_text(
        "Uw account is tijdelijk geblokkeerd"
    )
    assert_accessible(axe_page, axe_source)


@pytest.mark.parametrize(
    ("role", "path"),
    [
        pytest.param(Role.MUNICIPAL_LEAD, "/", id="dashboard"),
        pytest.param(Role.MUNICIPAL_LEAD, "/partners/", id="partner-directory"),
        pytest.param(Role.FUNCTIONAL_ADMIN, "/beheer/organisaties/", id="admin-organisations"),
        pytest.param(Role.FUNCTIONAL_ADMIN, "/beheer/gebruikers/", id="admin-users"),
        pytest.param(Role.MUNICIPAL_LEAD, "/bestaat-niet/", id="not-found"),
    ],
)
def test_signed_in_page_is_accessible(
    axe_page: Page, axe_source: Path, role: Role, path: str
) -> None:
    user = member_of_a_region(role)
    sign_in(axe_page, user, enrolled(user))

    response = axe_page.goto(path)

    assert response is not None
    assert response.status == (404 if path == "/bestaat-niet/" else 200), (
        f"{path} answered {response.status}"
    )
    assert_accessible(axe_page, axe_source)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page: Page) -> None:
    page.goto("/inloggen/")
    page.mouse.click(1, 1)  # the e-mail field has autofocus: start from the top of the page

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()  # hidden until focused, then shown in full
    assert box is not None
    assert box["width"] > 20
    page.keyboard.press("Enter")

    expect(page.locator("main#inhoud")).to_be_focused()
