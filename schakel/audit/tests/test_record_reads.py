"""The writer for list pages: one record per distinct person shown, all in one write."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from schakel.accounts.tests.factories import UserFactory
from schakel.audit.choices import SubjectType
from schakel.audit.models import ChainHead, LogRecord
from schakel.audit.services import Read, Subject, log_processing, record_reads
from schakel.audit.verification import verify_processing_log
from schakel.cases.activities import CaseActivity
from schakel.intake.activities import IntakeActivity

pytestmark = pytest.mark.django_db


def reads(*numbers: int, activity: str = IntakeActivity.CONVERGENCE_REVIEW) -> list[Read]:
    return [Read(activity, Subject(SubjectType.PERSON, f"person-{n}")) for n in numbers]


def test_one_record_per_distinct_read_in_order_with_an_intact_chain() -> None:
    user = UserFactory()
    log_processing(activity=CaseActivity.CASE_CONSULTATION, name="before", by=user)
    shown = [
        *reads(1, 2, 1, 3, 2),
        *reads(1, activity=IntakeActivity.SIGNAL_REGISTRATION),
    ]

    with transaction.atomic():
        written = record_reads(name="list_read", by=user, reads=shown, attributes={"page": 2})

    records = list(LogRecord.objects.filter(name="list_read").order_by("sequence"))
    assert [r.sequence for r in records] == [r.sequence for r in written] == [2, 3, 4, 5]
    assert [r.data_subject_id for r in records] == [
        read.subject.pseudonym for read in [*reads(1, 2, 3), shown[-1]]
    ]
    assert [r.activity_id for r in records] == [
        *[IntakeActivity.CONVERGENCE_REVIEW] * 3,
        IntakeActivity.SIGNAL_REGISTRATION,
    ]
    assert {r.actor_user_id for r in records} == {str(user.pk)}
    assert {r.attributes["page"] for r in records} == {2}
    assert ChainHead.objects.get().sequence == 5
    log_processing(activity=CaseActivity.CASE_CONSULTATION, name="after", by=user)
    report, _run = verify_processing_log()
    assert report.intact
    assert report.records_checked == 6


def test_all_records_are_one_insert_statement_whatever_the_number_shown() -> None:
    user = UserFactory()
    record_reads(name="warm_up", by=user, reads=reads(0))
    for count in (2, 40):
        with CaptureQueriesContext(connection) as queries:
            record_reads(name="list_read", by=user, reads=reads(*range(count)))
        inserts = [q for q in queries.captured_queries if "INSERT" in q["sql"].upper()]
        assert len(inserts) == 1
        assert len(queries.captured_queries) <= 3  # claim, insert, move the head
    assert LogRecord.objects.filter(name="list_read").count() == 42
    assert verify_processing_log()[0].intact


def test_a_list_that_shows_nobody_writes_nothing() -> None:
    with CaptureQueriesContext(connection) as queries:
        assert record_reads(name="list_read", by=UserFactory(), reads=[]) == []
    assert not [q for q in queries.captured_queries if "audit_" in q["sql"]]
    assert not LogRecord.objects.exists()


def test_an_unknown_activity_or_free_text_attribute_is_refused_before_anything_is_written() -> None:
    user = UserFactory()
    with pytest.raises(ValueError, match="register"):
        record_reads(name="list_read", by=user, reads=reads(1, activity="made_up"))
    with pytest.raises(TypeError):
        record_reads(name="list_read", by=user, reads=reads(1), attributes={"x": 1.5})  # type: ignore[dict-item]
    assert not LogRecord.objects.exists()
