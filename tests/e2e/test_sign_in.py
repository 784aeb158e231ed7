"""A new user enrols TOTP, signs in, sees the navigation of their role, signs out and in again."""

import pytest
from django.conf import settings
from playwright.sync_api import Cookie, Page, expect

from schakel.accounts.choices import Role
from schakel.accounts.models import User
from schakel.accounts.tests.factories import MembershipFactory
from schakel.network.tests.factories import OrganisationFactory
from tests.e2e.helpers import (
    E2E_MARKS,
    continue_to_dashboard,
    enrol,
    enrolled,
    main_navigation,
    path_is,
    sign_in,
    sign_out,
    submit_password,
    submit_verification_code,
)

pytestmark = E2E_MARKS


def new_member(role: Role) -> User:
    organisation = OrganisationFactory(name="Gemeente Aldermeer")
    user: User = MembershipFactory(organisation=organisation, role=role).user
    return user


def session_cookie_of(page: Page) -> Cookie:
    return next(c for c in page.context.cookies() if c.get("name") == settings.SESSION_COOKIE_NAME)


def test_new_municipal_lead_enrols_totp_and_then_signs_in_with_a_code(page: Page) -> None:
    user = new_member(Role.MUNICIPAL_LEAD)

    submit_password(page, user.email)
    expect(page).to_have_url(path_is("/mfa/instellen/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    qr = page.locator("figure svg")
    expect(qr).to_be_visible()
    assert page.locator("figure img, figure object, figure iframe").count() == 0  # inline SVG
    app = enrol(page)

    codes = page.get_by_test_id("recovery-codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    assert len(set(codes.all_inner_texts())) == 10
    continue_to_dashboard(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(page.get_by_text("U werkt als")).to_contain_text("Gemeente Aldermeer")
    navigation = main_navigation(page)
    assert "Mijn werk" in navigation
    assert "Partners" in navigation
    assert "Beheer" not in navigation
    assert "Verwerkingsregister" not in navigation

    session_cookie = session_cookie_of(page)
    sign_out(page)
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()
    page.context.add_cookies([session_cookie])  # type: ignore[list-item]  # replaying the old session does not work:
    page.goto("/")
    expect(page).to_have_url(path_is("/inloggen/"))  # it was ended on the server

    submit_password(page, user.email)
    expect(page).to_have_url(path_is("/mfa/controle/"))  # enrolled now: asked for a code
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig dat u het bent")
    half_signed_in = session_cookie_of(page)["value"]
    submit_verification_code(page, app.next_code())
    expect(page).to_have_url(path_is("/"))
    assert session_cookie_of(page)["value"] != half_signed_in  # session id rotated
    assert "Partners" in main_navigation(page)


def test_second_sign_in_accepts_a_recovery_code_once(page: Page) -> None:
    user = new_member(Role.MUNICIPAL_LEAD)
    submit_password(page, user.email)
    enrol(page)
    recovery_code = page.get_by_test_id("recovery-codes").get_by_role("listitem").first
    code = recovery_code.inner_text().strip()
    continue_to_dashboard(page)
    sign_out(page)

    submit_password(page, user.email)
    submit_verification_code(page, code)
    expect(page).to_have_url(path_is("/"))
    sign_out(page)

    submit_password(page, user.email)
    submit_verification_code(page, code)
    expect(page).to_have_url(path_is("/mfa/controle/"))
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("Deze code is onjuist of verlopen")


@pytest.mark.parametrize(
    ("role", "sees", "does_not_see"),
    [
        pytest.param(Role.FUNCTIONAL_ADMIN, "Beheer", "Verwerkingsregister", id="functional-admin"),
        pytest.param(Role.PRIVACY_OFFICER, "Verwerkingsregister", "Beheer", id="privacy-officer"),
    ],
)
def test_navigation_follows_the_role(page: Page, role: Role, sees: str, does_not_see: str) -> None:
    user = new_member(role)
    sign_in(page, user, enrolled(user))

    navigation = main_navigation(page)
    assert sees in navigation
    assert does_not_see not in navigation
    assert {"Mijn werk", "Partners"} <= set(navigation)


def test_pages_ask_for_sign_in_first(page: Page) -> None:
    page.goto("/partners/")
    expect(page).to_have_url(path_is("/inloggen/"))
    assert "next=%2Fpartners%2F" in page.url
