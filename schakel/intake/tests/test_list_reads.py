"""Lists of the meldpunt that show more than a reference and dates log one read per person shown:
only the rows on the page, all in one write, and only for those who may see the list."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.services import Subject
from schakel.audit.verification import verify_processing_log
from schakel.intake.activities import IntakeActivity
from schakel.intake.models import MatchSuggestion, Signal
from schakel.intake.tests.factories import register
from schakel.intake.tests.test_api_suggestions import api

pytestmark = pytest.mark.django_db

INBOX = reverse("intake:inbox")
SIGNALS = reverse("intake:signal_list")
API_SUGGESTIONS = "/api/v1/match-suggestions"
API_SIGNALS = "/api/v1/signals"


def pseudonym(signal_id: object) -> str:
    return Subject(SubjectType.PERSON, str(signal_id)).pseudonym


def logged(name: str, activity: str | None = None) -> list[str]:
    records = LogRecord.objects.filter(name=name).order_by("sequence")
    if activity:
        records = records.filter(activity_id=activity)
    return [r.data_subject_id for r in records]


def log_inserts(queries: CaptureQueriesContext) -> int:
    return sum("INSERT INTO audit_logrecord" in q["sql"] for q in queries.captured_queries)


def letters(number: int) -> str:
    return "".join(chr(ord("a") + int(digit)) for digit in f"{number:03d}")


def one_statement_wrote(queries: CaptureQueriesContext, records: int) -> bool:
    """The records of the reads were one statement (Django names a batch "N times: …")."""
    batches = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(f"{records} times: INSERT INTO audit_logrecord")
    ]
    return len(batches) == 1


def someone(user, residence, number: int) -> Signal:
    """A different fictional person each time: no match suggestions between them."""
    return register(
        user,
        residence=residence,
        given_names=f"Per{letters(number)}",
        surname=f"Achter{letters(number)}veld",
        surname_prefix="",
        date_of_birth=date(1950 + number % 50, 1 + number % 12, 1 + number % 28),
    ).signal


def test_the_inbox_logs_each_person_shown_once_in_one_write(personas, signed_in, across) -> None:
    client = signed_in(personas.lead_a)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(INBOX)

    assert response.status_code == 200
    assert log_inserts(queries) == 1
    assert one_statement_wrote(queries, 3)
    # The new signal is in the table of signals and in the suggestion; the earlier one only in
    # the suggestion, whose verdicts say something about both.
    assert logged("inbox_read", IntakeActivity.SIGNAL_REGISTRATION) == [pseudonym(across.signal_id)]
    assert sorted(logged("inbox_read", IntakeActivity.CONVERGENCE_REVIEW)) == sorted(
        [pseudonym(across.signal_id), pseudonym(across.earlier_signal_id)]
    )
    assert {r.actor_user_id for r in LogRecord.objects.filter(name="inbox_read")} == {
        str(personas.lead_a.pk)
    }
    assert verify_processing_log()[0].intact


def test_the_other_municipalitys_lead_logs_only_what_their_inbox_shows(
    personas, signed_in, across
) -> None:
    signed_in(personas.lead_b).get(INBOX)

    # Brookdam's signal is new there; the suggestion names both.
    assert logged("inbox_read", IntakeActivity.SIGNAL_REGISTRATION) == [
        pseudonym(across.earlier_signal_id)
    ]
    assert len(logged("inbox_read", IntakeActivity.CONVERGENCE_REVIEW)) == 2


@pytest.mark.parametrize("user", ["outsider", "colleague_a"])
def test_a_lead_whose_inbox_shows_nobody_writes_nothing(personas, signed_in, user) -> None:
    register(personas.police_member, residence=personas.municipality_b)
    with CaptureQueriesContext(connection) as queries:
        response = signed_in(getattr(personas, user)).get(INBOX)
    assert response.status_code == 200
    assert log_inserts(queries) == 0
    assert not LogRecord.objects.filter(name="inbox_read").exists()


@pytest.mark.parametrize("user", ["police_member", "school_member", "privacy_officer_a"])
def test_who_has_no_inbox_reads_and_logs_nothing_there(personas, signed_in, across, user) -> None:
    assert signed_in(getattr(personas, user)).get(INBOX).status_code == 404
    assert not LogRecord.objects.filter(name="inbox_read").exists()


def test_the_signal_list_logs_the_rows_of_the_page_only(personas, signed_in) -> None:
    signals = [someone(personas.police_member, personas.municipality_a, n) for n in range(51)]
    client = signed_in(personas.police_member)

    with CaptureQueriesContext(connection) as queries:
        client.get(SIGNALS)

    assert log_inserts(queries) == 1
    assert one_statement_wrote(queries, 50)
    first_page = logged("signal_list_read")
    assert len(first_page) == 50
    assert pseudonym(signals[0].pk) not in first_page  # the oldest is on page 2
    assert set(first_page) == {pseudonym(s.pk) for s in signals[1:]}

    client.get(SIGNALS, {"pagina": 2})
    assert logged("signal_list_read")[50:] == [pseudonym(signals[0].pk)]


def test_a_signal_whose_person_data_were_deleted_is_listed_but_not_logged(
    personas, signed_in
) -> None:
    kept, deleted = (someone(personas.police_member, personas.municipality_a, n) for n in (1, 2))
    Signal.objects.filter(pk=deleted.pk).update(person_data_deleted_at=deleted.created_at)

    content = signed_in(personas.police_member).get(SIGNALS).content.decode()

    assert deleted.reference in content
    assert logged("signal_list_read") == [pseudonym(kept.pk)]


def test_the_api_suggestion_list_logs_both_persons_of_the_rows_returned(personas, across) -> None:
    register(personas.police_member, residence=personas.municipality_a, address="Elders 1")
    visible = MatchSuggestion.objects.filter(
        signal__directing_municipality=personas.municipality_a
    ) | MatchSuggestion.objects.filter(
        earlier_signal__directing_municipality=personas.municipality_a
    )
    assert visible.distinct().count() > 1
    client = api(personas.lead_a)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(API_SUGGESTIONS, {"pageSize": 1})

    [row] = response.json()["results"]
    shown = MatchSuggestion.objects.get(pk=row["id"])
    # The API records the use of its token apart; the rows shown are one statement.
    assert one_statement_wrote(queries, 2)
    assert sorted(logged("suggestion_list_read", IntakeActivity.CONVERGENCE_REVIEW)) == sorted(
        [pseudonym(shown.signal_id), pseudonym(shown.earlier_signal_id)]
    )


@pytest.mark.parametrize("user", ["outsider", "police_member", "privacy_officer_a"])
def test_the_api_suggestion_list_of_someone_who_sees_none_logs_nothing(
    personas, across, user
) -> None:
    response = api(getattr(personas, user)).get(API_SUGGESTIONS)
    assert response.status_code in (200, 403)
    assert response.status_code == 403 or response.json()["results"] == []
    assert not LogRecord.objects.filter(name="suggestion_list_read").exists()


def test_the_api_signal_list_logs_the_rows_returned(personas) -> None:
    signals = [someone(personas.police_member, personas.municipality_a, n) for n in range(3)]

    response = api(personas.police_member).get(API_SIGNALS, {"pageSize": 2})

    assert len(response.json()["results"]) == 2
    assert logged("signal_list_read") == [
        pseudonym(row["id"]) for row in response.json()["results"]
    ]
    assert pseudonym(signals[0].pk) not in logged("signal_list_read")


def test_a_signal_page_logs_the_other_persons_of_its_suggestions(
    personas, signed_in, across
) -> None:
    url = reverse("intake:signal_detail", kwargs={"pk": across.signal_id})
    signed_in(personas.lead_a).get(url)
    assert logged("signal_suggestions_read") == [pseudonym(across.earlier_signal_id)]


def test_the_privacy_officers_metadata_list_logs_the_rows_shown(personas, signed_in) -> None:
    signals = [someone(personas.police_member, personas.municipality_a, n) for n in range(2)]

    response = signed_in(personas.privacy_officer_a).get(reverse("intake:privacy_signals"))

    assert response.status_code == 200
    assert sorted(logged("signal_list_read")) == sorted(pseudonym(s.pk) for s in signals)
    assert {r.actor_user_id for r in LogRecord.objects.filter(name="signal_list_read")} == {
        str(personas.privacy_officer_a.pk)
    }
