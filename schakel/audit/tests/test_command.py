"""manage.py verify_processing_log: an intact chain passes, every kind of tampering is named."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from schakel.audit import chain
from schakel.audit.choices import SubjectType
from schakel.audit.models import ChainHead, LogRecord, VerificationRun
from schakel.audit.services import Subject, log_processing
from schakel.cases.activities import CaseActivity

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_records() -> None:
    for number in range(5):
        log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="case.read",
            by=None,
            subjects=[Subject(SubjectType.PERSON, f"person-{number}")],
            attributes={"step": number},
        )


def verify() -> str:
    out = StringIO()
    call_command("verify_processing_log", stdout=out)
    return out.getvalue()


def broken(expected_sequence: int, problem: str) -> None:
    with pytest.raises(CommandError, match=f"record #{expected_sequence} ") as failure:
        verify()
    assert problem in str(failure.value)
    run = VerificationRun.objects.order_by("-started_at", "-pk").first()
    assert run is not None
    assert not run.intact
    assert run.first_broken_sequence == expected_sequence
    assert run.records_checked == expected_sequence - 1
    assert run.problem == problem
    assert run.started_by_id == "command"


def test_an_intact_chain_passes_and_the_run_is_recorded(five_records) -> None:
    out = verify()

    assert "Logboek intact: 5 records gecontroleerd" in out
    run = VerificationRun.objects.get()
    assert run.intact
    assert run.records_checked == 5
    assert run.first_broken_sequence is None
    assert run.started_at <= run.finished_at


def test_an_empty_log_is_intact() -> None:
    assert "Logboek intact: 0 records" in verify()


def test_each_check_is_recorded(five_records) -> None:
    verify()
    LogRecord.objects.filter(sequence=5).update(result="gewijzigd")
    with pytest.raises(CommandError):
        verify()

    assert list(VerificationRun.objects.order_by("pk").values_list("intact", flat=True)) == [
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("result", "gewijzigd"),
        ("data_subject_id", "0" * 64),
        ("name", "case.update"),
        ("actor_role", "privacy_officer"),
        ("trace_id", "f" * 32),
        ("attributes", {"step": 99}),
        ("start_time", dt.datetime(2020, 1, 1, tzinfo=dt.UTC)),
    ],
)
def test_a_changed_record_is_named(five_records, column: str, value: object) -> None:
    LogRecord.objects.filter(sequence=3).update(**{column: value})

    broken(3, chain.CONTENT_CHANGED)


def test_a_time_moved_by_one_microsecond_is_named(five_records) -> None:
    LogRecord.objects.filter(sequence=2).update(
        end_time=F("end_time") + dt.timedelta(microseconds=1)
    )

    broken(2, chain.CONTENT_CHANGED)


def test_a_deleted_record_is_named_as_missing(five_records) -> None:
    LogRecord.objects.filter(sequence=2).delete()

    broken(2, chain.RECORD_MISSING)


def test_the_first_record_deleted_is_named(five_records) -> None:
    LogRecord.objects.filter(sequence=1).delete()

    broken(1, chain.RECORD_MISSING)


def test_a_truncated_tail_is_detected(five_records) -> None:
    LogRecord.objects.filter(sequence__gte=4).delete()

    broken(4, chain.TAIL_MISSING)


def test_a_tail_cut_off_together_with_the_head_is_detected_by_the_earlier_check(
    five_records,
) -> None:
    verify()
    LogRecord.objects.filter(sequence__gte=4).delete()
    third = LogRecord.objects.get(sequence=3)
    ChainHead.objects.update(sequence=3, record_hash=third.record_hash)

    broken(4, chain.TAIL_MISSING)


def test_a_record_rehashed_after_changing_it_breaks_the_link_of_its_successor(
    five_records,
) -> None:
    record = LogRecord.objects.get(sequence=2)
    record.result = "gewijzigd"
    values = {name: getattr(record, name) for name in chain.CHAINED_FIELDS}
    LogRecord.objects.filter(pk=record.pk).update(
        result="gewijzigd", record_hash=chain.record_hash(values)
    )

    broken(3, chain.LINK_BROKEN)


def test_a_replaced_last_record_no_longer_matches_the_head(five_records) -> None:
    ChainHead.objects.update(record_hash="a" * 64)

    broken(5, chain.CONTENT_CHANGED)


def test_the_number_of_workers_can_be_chosen(five_records) -> None:
    out = StringIO()
    call_command("verify_processing_log", "--workers", "1", stdout=out)

    assert "5 records" in out.getvalue()
