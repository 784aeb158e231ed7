"""The retention pages' terms per persona: the functional admin and the platform operator
change them after a fresh step-up, the privacy officer reads them, others get 404."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.legal.choices import RetentionKind
from schakel.legal.models import RetentionPolicy
from schakel.privacy.tests.retention_view_helpers import page

pytestmark = pytest.mark.django_db

POLICIES = reverse("privacy:retention_policies")


def edit_url(kind: str = RetentionKind.CLOSED_CASE) -> str:
    return reverse("privacy:retention_policy_update", kwargs={"kind": kind})


# The terms --------------------------------------------------------------------------------


def test_the_functional_admin_changes_a_term(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)

    form = page(client.get(edit_url()))
    assert 'value="60"' in form
    response = client.post(edit_url(), {"term_months": "72", "note": "Besluit van 2026."})

    assert response.status_code == 302
    assert response["Location"] == POLICIES
    policy = RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE)
    assert (policy.term_months, policy.note, policy.updated_by) == (
        72,
        "Besluit van 2026.",
        personas.admin_a,
    )
    assert LogRecord.objects.filter(name="retention_policy_update").exists()
    listing = page(client.get(POLICIES))
    assert "De bewaartermijn voor ‘Afgesloten casussen’ is opgeslagen." in listing
    assert "Besluit van 2026." in listing
    assert "standaard 60" in listing
    # Who changed it: function and organisation, never the name.
    assert f"{personas.admin_a.function_title} – Gemeente Aldermeer" in listing
    assert personas.admin_a.full_name not in listing


def test_a_stale_step_up_is_sent_to_step_up_first(personas, signed_in) -> None:
    client = signed_in(personas.admin_a)

    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        shown = client.get(edit_url())
        sent = client.post(edit_url(), {"term_months": "12", "note": ""})

    for response in (shown, sent):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:step_up"))
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 60


def test_the_platform_operator_changes_a_term_too(personas, signed_in) -> None:
    response = signed_in(personas.superuser).post(
        edit_url(RetentionKind.PROCESSING_LOG), {"term_months": "96", "note": ""}
    )

    assert response.status_code == 302
    assert RetentionPolicy.objects.get(kind=RetentionKind.PROCESSING_LOG).term_months == 96
    listing = page(signed_in(personas.superuser).get(POLICIES))
    assert "Applicatiebeheerder – platformbeheer" in listing


@pytest.mark.parametrize(
    "persona", ["lead_a", "privacy_officer_a", "police_member", "director", "outsider"]
)
def test_nobody_else_changes_a_term(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(edit_url()).status_code == 404
    assert client.post(edit_url(), {"term_months": "1", "note": ""}).status_code == 404
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 60


def test_the_privacy_officer_reads_the_terms_without_changing_them(personas, signed_in) -> None:
    officer = page(signed_in(personas.privacy_officer_a).get(POLICIES))
    admin = page(signed_in(personas.admin_a).get(POLICIES))

    for html in (officer, admin):
        for kind in RetentionKind:
            assert str(kind.label) in html
        assert "na afsluiting van de casus" in html
    assert edit_url() in admin
    assert edit_url() not in officer
    assert "Wat wordt verwijderd" in officer  # the officer's own navigation


@pytest.mark.parametrize("persona", ["lead_a", "police_member", "director", "outsider"])
def test_the_terms_are_not_found_for_others(personas, signed_in, persona) -> None:
    assert signed_in(getattr(personas, persona)).get(POLICIES).status_code == 404


TERM = "Kies een termijn van 1 tot en met 1200 maanden."
NOTE = "De toelichting is te lang of bevat ongeldige tekens."


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"term_months": "0", "note": ""}, "id_term_months", TERM),
        ({"term_months": "1201", "note": ""}, "id_term_months", TERM),
        ({"term_months": "vijf", "note": ""}, "id_term_months", TERM),
        ({"term_months": "12", "note": "x" * 2001}, "id_note", NOTE),
    ],
)
def test_a_wrong_term_shows_a_dutch_error_summary(
    personas, signed_in, data, field, message
) -> None:
    html = page(signed_in(personas.admin_a).post(edit_url(), data))

    assert "Er is nog niets opgeslagen" in html
    assert f'href="#{field}"' in html
    assert message in html
    assert RetentionPolicy.objects.get(kind=RetentionKind.CLOSED_CASE).term_months == 60


def test_an_unknown_kind_is_not_found(personas, signed_in) -> None:
    assert signed_in(personas.admin_a).get(edit_url("forever")).status_code == 404


def test_the_terms_page_reads_a_fixed_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.admin_a)
    for kind in (RetentionKind.CLOSED_CASE, RetentionKind.ONLINE_RESEARCH):
        client.post(edit_url(kind), {"term_months": "30", "note": "Besluit."})
    client.get(POLICIES)

    with django_assert_max_num_queries(12):
        page(client.get(POLICIES))
