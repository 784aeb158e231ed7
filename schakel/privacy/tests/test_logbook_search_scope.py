"""The privacy officer's log search: scope per persona, filters, its own log."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.audit.choices import StatusCode
from schakel.audit.models import LogRecord, VerificationRun
from schakel.cases.activities import CaseActivity
from schakel.intake.activities import IntakeActivity
from schakel.privacy.activities import PrivacyActivity
from schakel.privacy.tests.logbook_search_helpers import SEARCH, names_on, search_records
from schakel.privacy.tests.test_logbook_search_data import PERSON_1, PERSON_2, PERSON_3, seed_log


def test_officer_sees_own_organisation_and_system_records_only(personas, signed_in) -> None:
    seed_log(personas)

    response = signed_in(personas.privacy_officer_a).get(SEARCH)

    assert response.status_code == 200
    names = names_on(response.content.decode())
    assert {
        "weighing_item_read",
        "case_read",
        "agenda_item_read",
        "online_research_read",
        "meeting_list_read",
        "account.user.update",
        "signal_expire",
    } <= names
    # Other organisations, records without an acting organisation, and older than 30 days.
    assert not names & {
        "police_only_read",
        "brookdam_only_read",
        "unaffiliated_sign_in",
        "old_weighing_read",
    }


def test_police_privacy_officer_sees_police_records(personas, signed_in) -> None:
    seed_log(personas)

    page = signed_in(personas.police_privacy_officer).get(SEARCH).content.decode()

    names = names_on(page)
    assert {"police_only_read", "signal_expire"} <= names
    assert not names & {"weighing_item_read", "case_read", "brookdam_only_read"}
    assert "Politie-eenheid Noordkaap" in page


@pytest.mark.parametrize(
    "persona", ["lead_a", "admin_a", "police_member", "outsider", "superuser", "director"]
)
def test_others_get_404(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(SEARCH).status_code == 404
    assert client.post(SEARCH, {"betrokkene": PERSON_1.pseudonym}).status_code == 404
    assert client.get(SEARCH, {"betrokkene": PERSON_1.pseudonym}).status_code == 404
    assert not LogRecord.objects.filter(name="log_search").exists()


def test_acting_in_another_membership_gives_404(personas, signed_in) -> None:
    officer = personas.privacy_officer_a
    lead = Membership.objects.create(
        user=officer,
        organisation=personas.municipality_a,
        role="municipal_lead",
        valid_from=dt.date(2020, 1, 1),
    )
    client = signed_in(officer)
    client.post(reverse("accounts:switch_membership"), {"membership": str(lead.pk)})

    assert client.get(SEARCH).status_code == 404


def test_rows_show_activity_function_subject_and_no_names(personas, signed_in) -> None:
    seed_log(personas)

    page = signed_in(personas.privacy_officer_a).get(SEARCH).content.decode()

    assert "Casusoverleg" in page  # the activity's Dutch name
    assert "Beleidsmedewerker (Regievoerder gemeente)" in page  # function (role)
    assert PERSON_1.pseudonym[:12] + "…" in page
    assert f'title="{PERSON_1.pseudonym}"' in page
    assert "Mislukt" in page
    assert "denied" in page
    assert "Systeem" in page
    # The officer picks colleagues by name in the filter, but the rows name nobody.
    rows = page.split("<tbody", 1)[1]
    assert personas.lead_a.full_name not in rows
    assert personas.lead_a.email not in page


def test_actor_filter_offers_members_of_own_organisation_only(personas, signed_in) -> None:
    page = signed_in(personas.privacy_officer_a).get(SEARCH).content.decode()

    assert f'value="{personas.lead_a.pk}"' in page
    assert f"{personas.lead_a.full_name} – Beleidsmedewerker" in page
    assert f'value="{personas.lead_b.pk}"' not in page
    assert f'value="{personas.police_member.pk}"' not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"activiteit": IntakeActivity.ONLINE_RESEARCH}, {"online_research_read"}),
        ({"organisatie": "system"}, {"signal_expire"}),
        ({"uitkomst": StatusCode.ERROR}, {"online_research_read"}),
        ({"betrokkene": PERSON_2.pseudonym}, {"agenda_item_read", "online_research_read"}),
        ({"betrokkene": PERSON_3.pseudonym.upper()}, {"signal_expire"}),
    ],
)
def test_filters(personas, signed_in, query, expected) -> None:
    seed_log(personas)

    page = signed_in(personas.privacy_officer_a).post(SEARCH, query).content.decode()

    assert names_on(page) == expected


def test_actor_and_own_organisation_filters(personas, signed_in) -> None:
    seed_log(personas)
    client = signed_in(personas.privacy_officer_a)

    by_colleague = client.post(SEARCH, {"medewerker": str(personas.colleague_a.pk)})
    own = client.post(SEARCH, {"organisatie": str(personas.municipality_a.pk)})

    assert names_on(by_colleague.content.decode()) == {"online_research_read", "meeting_list_read"}
    assert "signal_expire" not in names_on(own.content.decode())
    assert "case_read" in names_on(own.content.decode())


def test_period_filter_reaches_older_records(personas, signed_in) -> None:
    seed_log(personas)
    today = timezone.localdate()
    query = {
        "van": (today - dt.timedelta(days=90)).isoformat(),
        "tot": (today - dt.timedelta(days=31)).isoformat(),
    }

    page = signed_in(personas.privacy_officer_a).post(SEARCH, query).content.decode()

    assert names_on(page) == {"old_weighing_read"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"van": "2024-01-01", "tot": "2025-01-01"}, "hoogstens één jaar"),
        ({"van": "2025-02-01", "tot": "2025-01-01"}, "vóór de begindatum"),
        ({"van": "1999-12-31", "tot": "2000-01-05"}, "vanaf 1 januari 2000"),
        ({"tot": "9999-12-31"}, "tot en met vandaag"),
        ({"van": "gisteren"}, "jjjj-mm-dd"),
        ({"betrokkene": "abc123"}, "64 tekens"),
        ({"betrokkene": "g" * 64}, "64 tekens"),
        ({"activiteit": "unknown"}, "Kies een waarde uit de lijst"),
        ({"medewerker": "00000000-0000-0000-0000-000000000000"}, "Kies een waarde uit de lijst"),
    ],
)
def test_invalid_input_gives_a_dutch_error_summary_and_no_search(
    personas, signed_in, query, message
) -> None:
    page = signed_in(personas.privacy_officer_a).post(SEARCH, query).content.decode()

    assert "Controleer de zoekopdracht" in page
    assert message in page
    assert "<tbody" not in page
    assert not LogRecord.objects.filter(name="log_search").exists()


def test_a_full_year_is_allowed(personas, signed_in) -> None:
    query = {"van": "2024-03-01", "tot": "2025-02-28"}

    response = signed_in(personas.privacy_officer_a).post(SEARCH, query)

    assert "Controleer de zoekopdracht" not in response.content.decode()


def test_the_search_is_logged_with_filter_codes_only(personas, signed_in) -> None:
    seed_log(personas)
    query = {
        "activiteit": CaseActivity.CASE_CONSULTATION,
        "betrokkene": PERSON_1.pseudonym,
        "medewerker": str(personas.lead_a.pk),
        "organisatie": str(personas.municipality_a.pk),
    }

    signed_in(personas.privacy_officer_a).post(SEARCH, query)

    [record] = search_records()
    assert record.activity_id == PrivacyActivity.SUPERVISION
    assert record.data_subject_id == ""
    assert record.actor_user_id == str(personas.privacy_officer_a.pk)
    assert record.actor_organisation_id == str(personas.municipality_a.pk)
    assert record.attributes["activity"] == CaseActivity.CASE_CONSULTATION
    assert record.attributes["organisation"] == "own"
    assert record.attributes["subject_filter"] is True
    assert record.attributes["actor_filter"] is True
    assert record.attributes["channel"] == "ui"
    text = str(record.attributes)
    assert PERSON_1.pseudonym not in text
    assert str(personas.lead_a.pk) not in text


def test_integrity_status_line_and_links(personas, signed_in) -> None:
    client = signed_in(personas.privacy_officer_a)

    first = client.get(SEARCH).content.decode()
    client.post(reverse("audit:integrity"))
    second = client.get(SEARCH).content.decode()

    assert "nog niet gecontroleerd" in first
    assert reverse("audit:integrity") in first
    assert reverse("audit:log_export") in first
    assert VerificationRun.objects.get().intact
    assert "intact bij de laatste controle" in second
