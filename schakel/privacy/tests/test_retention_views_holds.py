"""The retention pages' legal holds: the officer's own organisation only, placed by case
reference or on a kind, Dutch messages in an error summary, behind a fresh step-up; the officer
pages are 404 for others."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.models import LogRecord
from schakel.legal.choices import RetentionKind
from schakel.privacy.models import LegalHold
from schakel.privacy.tests.retention_view_helpers import DELETIONS, RUNS, UPCOMING, page, place
from schakel.privacy.tests.retention_world import closed_case

pytestmark = pytest.mark.django_db

HOLDS = reverse("privacy:retention_holds")
HOLD_NEW = reverse("privacy:retention_hold_new")
OFFICER_PAGES = [UPCOMING, HOLDS, HOLD_NEW, DELETIONS, RUNS]
NOT_OFFICERS = ["lead_a", "admin_a", "police_member", "director", "outsider", "superuser"]


def hold_url(name: str, hold: LegalHold) -> str:
    return reverse(f"privacy:retention_{name}", kwargs={"pk": hold.pk})


# Legal holds ------------------------------------------------------------------------------


def test_the_officer_places_a_hold_by_case_reference_and_lifts_it(personas, signed_in) -> None:
    planted = closed_case(personas, "Vreblo")
    case = planted.case
    assert case is not None
    client = signed_in(personas.privacy_officer_a)
    ends = timezone.localdate() + timedelta(days=120)

    response = client.post(
        HOLD_NEW,
        {
            "reference": case.reference.lower(),
            "kind": "",
            "reason": "Bezwaarprocedure Vrebloreden loopt nog.",
            "starts_on": "",
            "ends_on": ends.isoformat(),
        },
    )

    hold = LegalHold.objects.get()
    assert response.status_code == 302
    assert response["Location"] == hold_url("hold_detail", hold)
    assert hold.subject_id == case.subject_id
    assert hold.organisation == personas.municipality_a
    detail = page(client.get(hold_url("hold_detail", hold)))
    assert f"Bewaarplicht {hold.reference} is vastgelegd." in detail
    assert "Bezwaarprocedure Vrebloreden loopt nog." in detail
    assert hold_url("hold_lift", hold) in detail
    listing = page(client.get(HOLDS))
    assert hold.reference in listing
    assert "persoon (via referentie)" in listing
    assert "Loopt" in listing
    assert f"{personas.privacy_officer_a.function_title} – Gemeente Aldermeer" in listing
    for html in (detail, listing):
        assert not [value for value in planted.values if value.lower() in html.lower()]
        assert case.reference not in html  # the hold never says whom it is about
        assert personas.privacy_officer_a.full_name not in html

    confirm = page(client.get(hold_url("hold_lift", hold)))
    assert "Wilt u haar nu opheffen?" in confirm
    lifted = client.post(hold_url("hold_lift", hold))

    assert lifted.status_code == 302
    hold.refresh_from_db()
    assert hold.lifted_at is not None
    assert hold.lifted_by == personas.privacy_officer_a
    after = page(client.get(hold_url("hold_detail", hold)))
    assert f"Bewaarplicht {hold.reference} is opgeheven." in after
    assert "Opgeheven" in after
    assert hold_url("hold_lift", hold) not in after
    assert LogRecord.objects.filter(name="legal_hold_lift").exists()

    again = client.post(hold_url("hold_lift", hold), follow=True)
    assert "Deze bewaarplicht is al beëindigd." in page(again)


def test_another_organisations_officer_cannot_see_or_lift_the_hold(personas, signed_in) -> None:
    case = closed_case(personas, "Plonk").case
    assert case is not None
    hold = place(personas, case.reference)
    police = signed_in(personas.police_privacy_officer)

    assert police.get(hold_url("hold_detail", hold)).status_code == 404
    assert police.get(hold_url("hold_lift", hold)).status_code == 404
    assert police.post(hold_url("hold_lift", hold)).status_code == 404
    assert hold.reference not in page(police.get(HOLDS))
    hold.refresh_from_db()
    assert hold.lifted_at is None


def test_a_reference_outside_the_organisation_is_not_found(personas, signed_in) -> None:
    case = closed_case(personas, "Zwerk").case
    assert case is not None
    officer_b = MembershipFactory(
        organisation=personas.municipality_b, role=Role.PRIVACY_OFFICER
    ).user
    data = {
        "reference": case.reference,
        "kind": "",
        "reason": "Een reden die lang genoeg is.",
        "ends_on": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }

    for reference in (case.reference, "CAS-2026-9999", "niet-een-referentie"):
        html = page(signed_in(officer_b).post(HOLD_NEW, {**data, "reference": reference}))
        assert "Er is nog niets opgeslagen" in html
        assert "Geen casus of signaal met deze referentie gevonden." in html
    assert not LegalHold.objects.exists()


def test_a_hold_on_a_kind_shows_the_kind(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    client.post(
        HOLD_NEW,
        {
            "reference": "",
            "kind": RetentionKind.PROCESSING_LOG,
            "reason": "Onderzoek naar een beveiligingsincident.",
            "starts_on": timezone.localdate().isoformat(),
            "ends_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        },
    )

    hold = LegalHold.objects.get()
    assert hold.kind == RetentionKind.PROCESSING_LOG
    assert "Logregels van het logboek dataverwerkingen" in page(client.get(HOLDS))


def test_an_incomplete_hold_shows_dutch_messages_in_an_error_summary(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    empty = page(client.post(HOLD_NEW, {"reference": "", "kind": "", "reason": "", "ends_on": ""}))
    both = page(
        client.post(
            HOLD_NEW,
            {
                "reference": "CAS-2026-9998",
                "kind": RetentionKind.CLOSED_CASE,
                "reason": "kort",
                "starts_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
                "ends_on": (timezone.localdate() + timedelta(days=1)).isoformat(),
            },
        )
    )

    for html in (empty, both):
        assert "Er is nog niets opgeslagen" in html
        assert "Vul een referentie van een casus of signaal in, of kies een soort gegevens." in html
        assert 'href="#id_reference"' in html
    assert "Licht de reden van de bewaarplicht toe (minstens 10 tekens)." in empty
    assert "Vul de einddatum van de bewaarplicht in." in empty
    assert not LegalHold.objects.exists()


def test_the_hold_service_messages_show_in_the_summary(personas, signed_in) -> None:
    html = page(
        signed_in(personas.privacy_officer_a).post(
            HOLD_NEW,
            {
                "reference": "",
                "kind": RetentionKind.CLOSED_CASE,
                "reason": "kort",
                "starts_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
                "ends_on": (timezone.localdate() + timedelta(days=20 * 365)).isoformat(),
            },
        )
    )

    assert "Licht de reden van de bewaarplicht toe (minstens 10 tekens)." in html
    assert "Een bewaarplicht gaat vandaag of eerder in." in html
    assert 'href="#id_reason"' in html
    assert not LegalHold.objects.exists()


def test_placing_a_hold_needs_a_fresh_step_up(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        response = client.post(
            HOLD_NEW,
            {
                "kind": RetentionKind.CLOSED_CASE,
                "reason": "Een reden die lang genoeg is.",
                "ends_on": (timezone.localdate() + timedelta(days=10)).isoformat(),
            },
        )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert not LegalHold.objects.exists()


def test_lifting_a_hold_needs_a_fresh_step_up(personas, signed_in) -> None:
    hold = place(personas, "", kind=RetentionKind.ONLINE_RESEARCH)
    client = signed_in(personas.privacy_officer_a)

    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        response = client.post(hold_url("hold_lift", hold))

    assert response["Location"].startswith(reverse("accounts:step_up"))
    hold.refresh_from_db()
    assert hold.lifted_at is None


@pytest.mark.parametrize("persona", NOT_OFFICERS)
def test_officer_pages_are_not_found_for_others(personas, signed_in, persona) -> None:
    hold = place(personas, "", kind=RetentionKind.ONLINE_RESEARCH)
    client = signed_in(getattr(personas, persona))

    for url in [*OFFICER_PAGES, hold_url("hold_detail", hold), hold_url("hold_lift", hold)]:
        assert client.get(url).status_code == 404, url
    assert client.post(HOLD_NEW, {"kind": RetentionKind.CLOSED_CASE}).status_code == 404
    assert client.post(hold_url("hold_lift", hold)).status_code == 404


def test_the_hold_list_reads_a_fixed_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    for kind in (
        RetentionKind.ONLINE_RESEARCH,
        RetentionKind.CLOSED_CASE,
        RetentionKind.PROCESSING_LOG,
    ):
        place(personas, "", kind=kind)
    client = signed_in(personas.privacy_officer_a)
    client.get(HOLDS)

    with django_assert_max_num_queries(10):
        html = page(client.get(HOLDS))
    assert html.count("Loopt") == 3
