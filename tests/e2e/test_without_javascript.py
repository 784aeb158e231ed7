"""Everything works without JavaScript: sign in, enrol, reach the dashboard, sign out."""

from playwright.sync_api import expect

from schakel.accounts.tests.factories import MembershipFactory
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    continue_to_dashboard,
    enrol,
    main_navigation,
    path_is,
    sign_out,
    submit_password,
    submit_verification_code,
)

pytestmark = E2E_MARKS


def test_sign_in_and_enrolment_work_without_javascript(new_context: ContextFactory) -> None:
    page = new_context(java_script_enabled=False).new_page()
    user = MembershipFactory().user

    submit_password(page, user.email)
    app = enrol(page)
    expect(page.get_by_test_id("recovery-codes").get_by_role("listitem")).to_have_count(10)
    continue_to_dashboard(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    assert "Partners" in main_navigation(page)
    assert page.evaluate("typeof window.htmx") == "undefined"  # really no script ran

    sign_out(page)
    submit_password(page, user.email)
    submit_verification_code(page, app.next_code())
    expect(page).to_have_url(path_is("/"))
