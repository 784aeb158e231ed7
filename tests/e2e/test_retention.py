"""The retention pages in the browser: a privacy officer places a legal hold on a case by its
reference (first with errors) and lifts it; a functional admin changes a term; axe-core finds no
WCAG 2.2 A/AA violations on any page on the way (contexts with ``bypass_csp``, see
tests/e2e/test_accessibility.py). Marked ``browser``."""

import re
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from schakel.accounts.models import User
from schakel.cases.tests.factories import open_case
from schakel.legal.choices import RetentionKind
from schakel.legal.models import RetentionPolicy
from schakel.privacy.models import LegalHold
from tests.e2e.helpers import (
    E2E_MARKS,
    ContextFactory,
    assert_accessible,
    enrolled,
    path_is,
    sign_in,
    submit,
)

pytestmark = E2E_MARKS


def signed_in_page(new_context: ContextFactory, user: User) -> Page:
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, user, enrolled(user))
    return page


def test_the_officer_places_a_hold_and_lifts_it(
    new_context: ContextFactory,
    personas,
    axe_source: Path,
) -> None:
    case = open_case(personas, given_names="Ysolde", surname="Brakkenveld")
    officer = signed_in_page(new_context, personas.privacy_officer_a)

    officer.goto("/privacybureau/bewaarplichten/nieuw/")
    expect(officer.get_by_role("heading", level=1)).to_have_text("Bewaarplicht vastleggen")
    assert_accessible(officer, axe_source)

    # Nothing filled in: a Dutch error summary whose links lead to the fields.
    submit(officer, "Bewaarplicht vastleggen")
    summary = officer.get_by_role("alert")
    expect(summary).to_contain_text("Er is nog niets opgeslagen")
    expect(summary).to_contain_text("Vul de einddatum van de bewaarplicht in.")
    assert_accessible(officer, axe_source)
    summary.get_by_role("link", name="Reden", exact=False).click()
    expect(officer.get_by_label("Reden")).to_be_focused()

    officer.get_by_label("Referentie van een casus of signaal").fill(case.reference)
    officer.get_by_label("Reden").fill("Lopende bezwaarprocedure bij de rechtbank.")
    ends = timezone.localdate() + timedelta(days=90)
    officer.get_by_label("Tot en met").fill(ends.isoformat())
    submit(officer, "Bewaarplicht vastleggen")

    hold = LegalHold.objects.get()
    # (The fragment of the summary link the officer followed stays on the URL.)
    expect(officer).to_have_url(re.compile(rf"/privacybureau/bewaarplichten/{hold.pk}/(#.*)?$"))
    expect(officer.get_by_role("status")).to_contain_text(f"Bewaarplicht {hold.reference}")
    expect(officer.get_by_text("Lopende bezwaarprocedure bij de rechtbank.")).to_be_visible()
    assert_accessible(officer, axe_source)

    officer.goto("/privacybureau/bewaarplichten/")
    expect(officer.get_by_role("cell", name="persoon (via referentie)")).to_be_visible()
    assert "Brakkenveld" not in officer.content()
    assert_accessible(officer, axe_source)

    officer.get_by_role("link", name=hold.reference).click()
    officer.get_by_role("link", name="Bewaarplicht opheffen").click()
    expect(officer.get_by_role("heading", level=1)).to_contain_text("opheffen")
    assert_accessible(officer, axe_source)
    submit(officer, "Bewaarplicht opheffen")

    expect(officer.get_by_role("status")).to_contain_text("is opgeheven")
    hold.refresh_from_db()
    assert hold.lifted_at is not None

    for path in (
        "/privacybureau/bewaren/",
        "/privacybureau/vernietigingsregister/",
        "/privacybureau/opschoonrondes/",
        "/beheer/bewaartermijnen/",
    ):
        officer.goto(path)
        assert "Brakkenveld" not in officer.content()
        assert_accessible(officer, axe_source)


def test_the_functional_admin_changes_a_term(
    new_context: ContextFactory,
    personas,
    axe_source: Path,
) -> None:
    admin = signed_in_page(new_context, personas.admin_a)

    admin.goto("/beheer/bewaartermijnen/")
    assert_accessible(admin, axe_source)
    admin.get_by_role("link", name="Wijzigen (Afgesloten casussen)").click()
    field = admin.get_by_label("Bewaartermijn in maanden")
    field.fill("0")
    submit(admin, "Opslaan")
    expect(admin.get_by_role("alert")).to_contain_text(
        "Kies een termijn van 1 tot en met 1200 maanden."
    )
    assert_accessible(admin, axe_source)

    field.fill("72")
    submit(admin, "Opslaan")

    expect(admin).to_have_url(path_is("/beheer/bewaartermijnen/"))
    expect(admin.get_by_role("status")).to_contain_text("is opgeslagen")
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 72
