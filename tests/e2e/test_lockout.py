"""Five wrong codes lock the account, with a Dutch message, also for the right password after."""

from playwright.sync_api import Page, expect

from schakel.accounts.tests.factories import MembershipFactory
from tests.e2e.helpers import E2E_MARKS, enrolled, path_is, submit, submit_password

pytestmark = E2E_MARKS

LOCKED = "Uw account is tijdelijk geblokkeerd"


def test_five_wrong_codes_lock_the_account_in_dutch(page: Page) -> None:
    user = MembershipFactory().user
    app = enrolled(user)
    submit_password(page, user.email)
    expect(page).to_have_url(path_is("/mfa/controle/"))
    code_field = page.get_by_label("Code uit uw authenticator-app of een herstelcode")

    for _ in range(4):
        code_field.fill(app.wrong_code())
        assert submit(page, "Bevestigen").status == 200
        summary = page.locator("[data-error-summary]")
        expect(summary).to_contain_text("Deze code is onjuist of verlopen")
    code_field.fill(app.wrong_code())
    locked_response = submit(page, "Bevestigen")

    assert locked_response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(LOCKED)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("alert")).to_contain_text("te vaak een onjuist wachtwoord")
    assert user.email not in page.content()  # no personal data on the error page
    page.goto("/")
    expect(page).to_have_url(path_is("/inloggen/"))  # the half sign-in was ended

    submit_password(page, user.email)  # the right password does not help now
    expect(page.get_by_role("heading", level=1)).to_have_text(LOCKED)
    page.goto("/mfa/controle/")
    expect(page).to_have_url(path_is("/inloggen/"))


def test_five_wrong_passwords_lock_the_account(page: Page) -> None:
    user = MembershipFactory().user
    enrolled(user)
    for _ in range(4):
        submit_password(page, user.email, "niet-het-goede-wachtwoord")
        expect(page.get_by_text("Het e-mailadres of wachtwoord is onjuist.")).to_be_visible()
    submit_password(page, user.email, "niet-het-goede-wachtwoord")
    expect(page.get_by_role("heading", level=1)).to_have_text(LOCKED)

    submit_password(page, user.email)
    expect(page.get_by_role("heading", level=1)).to_have_text(LOCKED)
