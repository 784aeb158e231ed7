"""The canonical form is one text on both databases, and the range check finds every break."""

import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, transaction

from schakel.audit import chain
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.services import Subject, log_processing
from schakel.audit.verification import _check_here, verify_processing_log
from schakel.weighing.activities import WeighingActivity

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (dt.datetime(2026, 3, 1, 12, 0, 0, tzinfo=dt.UTC), "2026-03-01 12:00:00.000001"),
        (dt.datetime(2026, 3, 1, 12, 0, 0, 120000, tzinfo=dt.UTC), "2026-03-01 12:00:00.120001"),
        (dt.datetime(2026, 3, 1, 12, 0, 10, 7, tzinfo=dt.UTC), "2026-03-01 12:00:10.000007"),
        (dt.datetime(2026, 7, 1, 2, 30, 0, 999998, tzinfo=AMSTERDAM), "2026-07-01 00:30:00.999999"),
    ],
)
def test_log_times_are_utc_with_all_six_digits(moment: dt.datetime, text: str) -> None:
    stored = chain.log_time(moment)

    assert chain.canonical_time(stored) == text
    assert dt.timedelta(0) <= stored - moment <= dt.timedelta(microseconds=1)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        chain.log_time(dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        chain.canonical_time(dt.datetime(2026, 1, 1))


def test_attributes_are_written_as_postgresql_prints_jsonb() -> None:
    attributes = {"bb": 1, "a": "geëindigd", "é": True, "c": 'x"\n\x01', "ab": False}

    assert chain.canonical_attributes(attributes) == (
        '{"a": "geëindigd", "c": "x\\"\\n\\u0001", "ab": false, "bb": 1, "é": true}'
    )
    assert chain.canonical_attributes({}) == "{}"


# Values that each database might store or print differently from Python.
AWKWARD = [
    (dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=dt.UTC), {}),
    (dt.datetime(2026, 1, 1, 23, 59, 59, 100000, tzinfo=dt.UTC), {"step": 0}),
    (
        dt.datetime(2026, 6, 30, 22, 0, 0, 999999, tzinfo=AMSTERDAM),
        {"reden": "geëindigd — “klaar”", "quote": 'a"b\\c', "lines": "a\nb\tc\x01"},
    ),
    (
        dt.datetime(1999, 12, 31, 23, 0, 0, 10, tzinfo=dt.UTC),
        {"big": 2**62, "negative": -1, "flag": False, "zz": "", "Aa": "€", "a": "𝄞", "é": 1},
    ),
]


@pytest.mark.django_db
def test_the_database_builds_the_same_canonical_form_as_the_writer() -> None:
    for number, (started, attributes) in enumerate(AWKWARD):
        log_processing(
            activity=WeighingActivity.WEIGHING,
            name=f"weighing.step{number}",
            by=None,
            subjects=[Subject(SubjectType.PERSON, f"p{number}")],
            attributes=attributes,
            started_at=started,
        )

    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(chain.POSTGRESQL_SESSION_SQL)
            cursor.execute(chain.POSTGRESQL_RANGE_SQL, [1, len(AWKWARD)])
            texts, hashes = chain.as_batch(cursor.fetchall())
        else:
            cursor.execute(chain.SQLITE_RANGE_SQL, [chain.SQLITE_FORMAT, 1, len(AWKWARD)])
            texts, hashes = chain.as_batch(cursor.fetchall())

    records = LogRecord.objects.order_by("sequence")
    for text, stored_hash, record in zip(texts, hashes, records, strict=True):
        values = {name: getattr(record, name) for name in chain.CHAINED_FIELDS}
        assert text.decode() == chain.canonical_form(values)
        assert stored_hash == record.record_hash == chain.record_hash(values)
    assert _check_here(len(AWKWARD))[0].broken_sequence is None
    assert verify_processing_log()[0].intact


# --- the range check on its own --------------------------------------------------------------

Record = dict[str, object]


def make_chain(count: int) -> list[Record]:
    records: list[Record] = []
    previous = chain.GENESIS_HASH
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for sequence in range(1, count + 1):
        values: Record = {
            "sequence": sequence,
            "trace_id": "a" * 32,
            "span_id": f"{sequence:016x}",
            "parent_span_id": "b" * 16,
            "name": "case.read",
            "start_time": chain.log_time(moment),
            "end_time": chain.log_time(moment + dt.timedelta(microseconds=10 * sequence)),
            "status_code": "OK",
            "activity_id": "case_consultation",
            "data_subject_id": f"{sequence:064x}",
            "data_subject_type": "person",
            "actor_user_id": "",
            "actor_organisation_id": "",
            "actor_role": "",
            "origin": "system",
            "result": "ok",
            "attributes": {"step": sequence % 3},
            "previous_hash": previous,
        }
        values["record_hash"] = previous = chain.record_hash(values)
        records.append(values)
    return records


def as_stored(record: Record) -> tuple[bytes, str]:
    return chain.canonical_form(record).encode(), str(record["record_hash"])


def check(
    records: Sequence[Record], *, head: int, parts: int = 1, size: int = 3
) -> chain.ChainReport:
    by_sequence = {record["sequence"]: as_stored(record) for record in records}
    results = []
    for start, end in chain.split(head, parts):

        def fetch(first: int, last: int) -> chain.Batch:
            found = [by_sequence[n] for n in range(first, last + 1) if n in by_sequence]
            return chain.as_batch(found)

        results.append(
            chain.check_range(
                chain.batches(fetch, start=start, end=end, size=size), start=start, end=end
            )
        )
    head_hash = str(make_chain(head)[-1]["record_hash"]) if head else chain.GENESIS_HASH
    return chain.combine(results, head_sequence=head, head_hash=head_hash)


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_an_intact_chain_passes_in_any_number_of_ranges(parts: int) -> None:
    assert check(make_chain(20), head=20, parts=parts) == chain.ChainReport(20, True)


@pytest.mark.parametrize("parts", [1, 2, 4])
@pytest.mark.parametrize("position", [1, 5, 6, 10, 11, 20])
def test_a_missing_record_is_named_wherever_it_is(parts: int, position: int) -> None:
    records = [record for record in make_chain(20) if record["sequence"] != position]

    report = check(records, head=20, parts=parts)

    problem = chain.TAIL_MISSING if position == 20 else chain.RECORD_MISSING
    assert report == chain.ChainReport(position - 1, False, position, problem)


@pytest.mark.parametrize("parts", [1, 2, 4])
@pytest.mark.parametrize("position", [1, 6, 11, 20])
@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "case.edit"), ("attributes", {"step": 9}), ("trace_id", "c" * 32)],
)
def test_a_changed_record_is_named_wherever_it_is(
    parts: int, position: int, field: str, value: object
) -> None:
    records = make_chain(20)
    records[position - 1][field] = value

    report = check(records, head=20, parts=parts)

    assert report == chain.ChainReport(position - 1, False, position, chain.CONTENT_CHANGED)


def test_a_renumbered_record_is_missing_where_it_was() -> None:
    records = make_chain(20)
    records[6]["sequence"] = 99

    assert check(records, head=20, parts=2) == chain.ChainReport(6, False, 7, chain.RECORD_MISSING)


@pytest.mark.parametrize("parts", [1, 2, 4])
def test_a_rehashed_record_breaks_its_successors_link_also_across_ranges(parts: int) -> None:
    records = make_chain(20)
    records[9]["attributes"] = {"step": 99}
    records[9]["record_hash"] = chain.record_hash(records[9])

    report = check(records, head=20, parts=parts)

    assert report == chain.ChainReport(10, False, 11, chain.LINK_BROKEN)


def test_records_missing_after_the_last_are_reported() -> None:
    assert check(make_chain(18), head=20) == chain.ChainReport(18, False, 19, chain.TAIL_MISSING)
    assert check([], head=3) == chain.ChainReport(0, False, 1, chain.TAIL_MISSING)


def test_the_ranges_cover_the_log_exactly_once() -> None:
    assert chain.split(10, 3) == [(1, 4), (5, 8), (9, 10)]
    assert chain.split(2, 8) == [(1, 1), (2, 2)]
    assert chain.split(0, 2) == []


# --- worker processes read the database themselves -------------------------------------------

SQLITE_TABLE = (
    "CREATE TABLE audit_logrecord (id integer PRIMARY KEY, sequence bigint UNIQUE,"
    " trace_id text, span_id text, parent_span_id text, name text, start_time datetime,"
    " end_time datetime, status_code text, activity_id text, data_subject_id text,"
    " data_subject_type text, actor_user_id text, actor_organisation_id text, actor_role text,"
    " origin text, result text, attributes text, previous_hash text, record_hash text)"
)


def sqlite_log(path: Path, records: Sequence[Record]) -> None:
    database = sqlite3.connect(path)
    database.execute(SQLITE_TABLE)
    for record in records:
        row = [
            chain._field_text(name, record[name]) if name != "sequence" else record[name]
            for name in chain.CHAINED_FIELDS
        ]
        database.execute(
            "INSERT INTO audit_logrecord (sequence, trace_id, span_id, parent_span_id, name,"
            " start_time, end_time, status_code, activity_id, data_subject_id, data_subject_type,"
            " actor_user_id, actor_organisation_id, actor_role, origin, result, attributes,"
            " previous_hash, record_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*row, record["record_hash"]],
        )
    database.commit()
    database.close()


def test_a_worker_checks_its_range_of_an_sqlite_file(tmp_path: Path) -> None:
    records = make_chain(30)
    sqlite_log(tmp_path / "log.sqlite3", records)
    source = chain.Source("sqlite", {"database": str(tmp_path / "log.sqlite3")})

    results = [chain.check_range_in_worker(source, a, b) for a, b in chain.split(30, 2)]

    head_hash = str(records[-1]["record_hash"])
    assert chain.combine(results, head_sequence=30, head_hash=head_hash).intact
    assert [r.count for r in results] == [15, 15]


def test_a_worker_names_a_change_in_its_range(tmp_path: Path) -> None:
    records = make_chain(30)
    sqlite_log(tmp_path / "log.sqlite3", records)
    database = sqlite3.connect(tmp_path / "log.sqlite3")
    database.execute("UPDATE audit_logrecord SET origin = '203.0.113.9' WHERE sequence = 22")
    database.commit()
    database.close()
    source = chain.Source("sqlite", {"database": str(tmp_path / "log.sqlite3")})

    results = [chain.check_range_in_worker(source, a, b) for a, b in chain.split(30, 2)]

    report = chain.combine(results, head_sequence=30, head_hash=str(records[-1]["record_hash"]))
    assert report == chain.ChainReport(21, False, 22, chain.CONTENT_CHANGED)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="other processes cannot see the in-memory SQLite test database",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_verification_spread_over_processes_finds_a_change_in_the_second_range() -> None:
    for number in range(40):
        log_processing(
            activity=WeighingActivity.WEIGHING,
            name="weighing.read",
            by=None,
            subjects=[Subject(SubjectType.PERSON, f"p{number}")],
        )

    assert verify_processing_log(workers=2)[0] == chain.ChainReport(40, True)

    LogRecord.objects.filter(sequence=33).update(result="gewijzigd")
    report, run = verify_processing_log(workers=2)
    assert report == chain.ChainReport(32, False, 33, chain.CONTENT_CHANGED)
    assert run.first_broken_sequence == 33
