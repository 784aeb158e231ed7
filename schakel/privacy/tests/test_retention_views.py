"""The retention pages per persona: the terms (functional admin changes, privacy officer reads,
others 404), legal holds (the officer's own organisation only), what will be deleted (with a
frozen clock), the deletion register and the runs — never a person's name on any of them."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit.models import DeletionRecord, LogRecord
from schakel.intake.tests.factories import membership_of
from schakel.privacy.choices import RetentionKind
from schakel.privacy.models import LegalHold, RetentionPolicy
from schakel.privacy.retention import engine
from schakel.privacy.retention.holds import HoldInput, hold_place
from schakel.privacy.tests.retention_world import closed_case

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
# Five years minus thirty days after closing: the case is due within the 90-day outlook.
ALMOST_DUE = T0 + timedelta(days=5 * 365 + 1 - 30)
LATER = T0 + timedelta(days=6 * 365)

POLICIES = reverse("privacy:retention_policies")
UPCOMING = reverse("privacy:retention_upcoming")
HOLDS = reverse("privacy:retention_holds")
HOLD_NEW = reverse("privacy:retention_hold_new")
DELETIONS = reverse("privacy:retention_deletions")
RUNS = reverse("privacy:retention_runs")
OFFICER_PAGES = [UPCOMING, HOLDS, HOLD_NEW, DELETIONS, RUNS]
NOT_OFFICERS = ["lead_a", "admin_a", "police_member", "director", "outsider", "superuser"]


def edit_url(kind: str = RetentionKind.CLOSED_CASE) -> str:
    return reverse("privacy:retention_policy_update", kwargs={"kind": kind})


def hold_url(name: str, hold: LegalHold) -> str:
    return reverse(f"privacy:retention_{name}", kwargs={"pk": hold.pk})


def page(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return str(response.content.decode())


def place(personas: Any, reference: str, *, user: Any = None, **overrides: Any) -> LegalHold:
    data = {
        "reference": reference,
        "kind": "",
        "reason": "Lopende procedure bij de rechtbank.",
        "starts_on": None,
        "ends_on": timezone.localdate() + timedelta(days=200),
        **overrides,
    }
    return hold_place(
        membership=membership_of(user or personas.privacy_officer_a), data=HoldInput(**data)
    )


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

    for reference in (case.reference, "C-00000000", "niet-een-referentie"):
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
                "reference": "C-12345678",
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


# What will be deleted ---------------------------------------------------------------------


def test_the_outlook_lists_a_closed_case_due_within_90_days_and_marks_a_hold(
    personas, signed_in
) -> None:
    with time_machine.travel(T0, tick=False):
        planted = closed_case(personas, "Quorvo")
    case = planted.case
    assert case is not None

    with time_machine.travel(T0 + timedelta(days=365), tick=False):
        early = page(signed_in(personas.privacy_officer_a).get(UPCOMING))
    with time_machine.travel(ALMOST_DUE, tick=False):
        client = signed_in(personas.privacy_officer_a)
        before = page(client.get(UPCOMING))
        place(personas, case.reference)
        after = page(client.get(UPCOMING))
        police = page(signed_in(_officer_elsewhere(personas)).get(UPCOMING))

    assert case.reference not in early
    assert case.reference in before
    row = before.split(case.reference, 1)[1].split("</tr>", 1)[0]
    assert "Gemeente Aldermeer" in row
    assert "12 januari 2031" in row
    assert "<strong>bewaarplicht</strong>" not in row
    held_row = after.split(case.reference, 1)[1].split("</tr>", 1)[0]
    assert "<strong>bewaarplicht</strong>" in held_row
    assert case.reference not in police  # another organisation's case
    for html in (before, after):
        assert not [value for value in planted.values if value.lower() in html.lower()]


def test_the_outlook_reads_a_bounded_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    with time_machine.travel(T0, tick=False):
        for token in ("Oxa", "Oxb", "Oxc"):
            closed_case(personas, token)
    with time_machine.travel(ALMOST_DUE, tick=False):
        client = signed_in(personas.privacy_officer_a)
        client.get(UPCOMING)
        with django_assert_max_num_queries(25):
            html = page(client.get(UPCOMING))
    assert html.count("C-") >= 3


# The deletion register and the runs -------------------------------------------------------


def test_the_register_and_the_runs_show_what_the_sweep_deleted(personas, signed_in) -> None:
    with time_machine.travel(T0, tick=False):
        planted = closed_case(personas, "Drexo")
    with time_machine.travel(LATER, tick=False):
        run = engine.sweep()
        client = signed_in(personas.privacy_officer_a)
        register = page(client.get(DELETIONS))
        runs = page(client.get(RUNS))
        other = page(signed_in(personas.police_privacy_officer).get(DELETIONS))

    short = str(run.pk).split("-")[0]
    for html in (register, other):  # the register holds no person data: it is platform-wide
        assert "Inhoud van casussen" in html
        assert "Inhoud van verstrekkingen" in html
        assert "Persoonsgegevens van signalen" in html
        assert "Afgesloten casussen" in html  # the rule
        assert short in html
    assert short in runs
    assert "Klaar" in runs
    assert "Afgesloten casussen: 1 verwijderd (1 van 1 behandeld)" in runs
    for html in (register, runs):
        assert not [value for value in planted.values if value.lower() in html.lower()]


def test_the_register_is_paged_with_a_fixed_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    run_id = engine.sweep().pk
    now = timezone.now()
    DeletionRecord.objects.bulk_create(
        DeletionRecord(
            object_kind="signal_person_data",
            count=n + 1,
            policy=RetentionKind.SIGNAL_NOT_WEIGHED,
            run_id=run_id,
            deleted_at=now - timedelta(minutes=n),
        )
        for n in range(60)
    )
    client = signed_in(personas.privacy_officer_a)
    client.get(DELETIONS)

    with django_assert_max_num_queries(10):
        first = page(client.get(DELETIONS))
    with django_assert_max_num_queries(10):
        page(client.get(RUNS))
    second = page(client.get(DELETIONS, {"pagina": 2}))

    assert "60 regels in het vernietigingsregister" in first
    assert first.count("Persoonsgegevens van signalen") == 50
    assert second.count("Persoonsgegevens van signalen") == 10
    assert "Pagina 2 van 2" in second


def test_an_unknown_object_kind_is_shown_as_its_code(personas, signed_in) -> None:
    DeletionRecord.objects.create(
        object_kind="future_kind",
        count=1,
        policy="future_rule",
        run_id=engine.sweep().pk,
        deleted_at=timezone.now(),
    )

    html = page(signed_in(personas.privacy_officer_a).get(DELETIONS))

    assert "future_kind" in html
    assert "future_rule" in html


def _officer_elsewhere(personas):  # type: ignore[no-untyped-def]
    """A privacy officer of a municipality that took no part in the test's cases."""
    from schakel.accounts.choices import Role
    from schakel.accounts.tests.factories import MembershipFactory

    return MembershipFactory(
        organisation=personas.municipality_other_region, role=Role.PRIVACY_OFFICER
    ).user
