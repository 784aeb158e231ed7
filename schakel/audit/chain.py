"""The hash chain of the processing log: canonical form, and the independent integrity check.

Each record stores ``record_hash = SHA-256(canonical form)``, and the canonical form ends with
the hash of its predecessor: changing, removing or inserting a record breaks the chain there.

The canonical form is one text, the same on SQLite and PostgreSQL: the values of
``CHAINED_FIELDS`` joined by the unit separator U+001F, where

- times are UTC ``YYYY-MM-DD HH:MM:SS.ffffff``: SQLite's stored text, and PostgreSQL's text
  form of a ``timestamp``. PostgreSQL drops trailing zeros of the fraction, so the writer stores
  times with an odd number of microseconds (``log_time``, at most 1 µs later): then there are
  none, and neither database has to convert anything;
- attributes are JSON in the text form PostgreSQL gives a jsonb value: keys ordered by their
  length in UTF-8 bytes and then bytewise, ``", "`` and ``": "`` between them, non-ASCII as is.
  PostgreSQL prints them so by itself; on SQLite the writer stores exactly that text;
- ``previous_hash`` comes last, so a record's link is the end of its text.

No field may contain the separator, so field boundaries cannot shift without changing the hash.

Verification reads plain rows in ranges of sequence numbers: each database builds every record's
canonical text itself and hands it over as bytes, with the stored hash (no model instances, no
datetime objects, nothing left for Python but hashing). The ranges can be spread over worker
processes; this module does not import Django, so such a worker starts quickly and opens its own
database connection.
"""

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64
SEP = "\x1f"
_BSEP = SEP.encode()

CHAINED_FIELDS: tuple[str, ...] = (
    "sequence",
    "trace_id",
    "span_id",
    "parent_span_id",
    "name",
    "start_time",
    "end_time",
    "status_code",
    "activity_id",
    "data_subject_id",
    "data_subject_type",
    "actor_user_id",
    "actor_organisation_id",
    "actor_role",
    "origin",
    "result",
    "attributes",
    "previous_hash",
)

# Findings, in the words the integrity page translates (schakel.audit.views.PROBLEMS).
RECORD_MISSING = "record missing"
LINK_BROKEN = "link to predecessor broken"
CONTENT_CHANGED = "content changed"
TAIL_MISSING = "records after the last one are missing"

# One statement per database, written out in full (no SQL built from strings); a test proves
# that both give ``canonical_form``. Rows: (canonical text as UTF-8 bytes, record_hash).
SQLITE_RANGE_SQL = (
    "SELECT CAST(printf(%s, sequence, trace_id, span_id, parent_span_id, name, start_time,"
    " end_time, status_code, activity_id, data_subject_id, data_subject_type, actor_user_id,"
    " actor_organisation_id, actor_role, origin, result, attributes, previous_hash) AS BLOB),"
    " record_hash"
    " FROM audit_logrecord WHERE sequence BETWEEN %s AND %s ORDER BY sequence"
)
SQLITE_FORMAT = SEP.join(["%s"] * len(CHAINED_FIELDS))
POSTGRESQL_RANGE_SQL = (
    "SELECT convert_to(concat_ws(chr(31), sequence, trace_id, span_id, parent_span_id, name,"
    " (start_time AT TIME ZONE 'UTC')::text, (end_time AT TIME ZONE 'UTC')::text,"
    " status_code, activity_id, data_subject_id, data_subject_type, actor_user_id,"
    " actor_organisation_id, actor_role, origin, result, attributes::text, previous_hash),"
    " 'UTF8'), record_hash"
    " FROM audit_logrecord WHERE sequence BETWEEN %s AND %s ORDER BY sequence"
)
# The text form of a timestamp depends on the session's DateStyle; fix it for the check.
POSTGRESQL_SESSION_SQL = "SET LOCAL datestyle = 'ISO, YMD'"

BATCH_SIZE = 10_000

# A batch to check: the canonical texts (UTF-8) and the stored hashes, in sequence order.
Batch = tuple[list[bytes], list[str]]


# --- canonical form (writer and verifier) -------------------------------------------------


def log_time(value: datetime) -> datetime:
    """The time as the log stores it: an odd number of microseconds (see the module docstring)."""
    if value.tzinfo is None:
        raise ValueError("Log times must be timezone-aware.")
    return value.replace(microsecond=value.microsecond | 1)


def canonical_time(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("Log times must be timezone-aware.")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _jsonb_key_order(item: tuple[str, Any]) -> tuple[int, bytes]:
    key = item[0].encode()
    return len(key), key


def canonical_attributes(value: Mapping[str, Any]) -> str:
    """Flat attributes as PostgreSQL prints a jsonb object (its escapes are ``json.dumps``'s)."""
    pairs = sorted(value.items(), key=_jsonb_key_order)
    return (
        "{"
        + ", ".join(
            f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(item, ensure_ascii=False)}"
            for key, item in pairs
        )
        + "}"
    )


def _field_text(name: str, value: Any) -> str:
    if name == "attributes":
        return canonical_attributes(value)
    if isinstance(value, datetime):
        return canonical_time(value)
    text = str(value)
    if SEP in text:
        raise ValueError("A log field may not contain the unit separator.")
    return text


def canonical_form(values: Mapping[str, Any]) -> str:
    """The text that is hashed, given a record's values by field name."""
    return SEP.join(_field_text(name, values[name]) for name in CHAINED_FIELDS)


def record_hash(values: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_form(values).encode()).hexdigest()


def as_batch(rows: Sequence[tuple[bytes, str]]) -> Batch:
    """Rows as the range statements return them → (texts, stored hashes)."""
    return [bytes(row[0]) for row in rows], [row[1] for row in rows]


# --- verification ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainReport:
    records_checked: int
    intact: bool
    first_broken_sequence: int | None = None
    problem: str = ""


@dataclass(frozen=True)
class RangeResult:
    """What one range ``start..end`` (inclusive) of sequence numbers looked like."""

    start: int
    end: int
    count: int = 0
    first_previous: str = ""
    last_hash: str = ""
    broken_sequence: int | None = None
    problem: str = ""


def _sequence_of(text: bytes) -> int | None:
    try:
        return int(text[: text.index(_BSEP)])
    except ValueError:
        return None


def _diagnose(
    texts: Sequence[bytes], stored: Sequence[str], *, expected: int, previous: str
) -> tuple[int, str]:
    """The first broken record of a batch that failed the fast check."""
    for offset, text in enumerate(texts):
        sequence = expected + offset
        found = _sequence_of(text)
        if found != sequence:
            # A later record in this place means this one is gone; anything else was altered.
            missing = found is not None and found > sequence
            return sequence, RECORD_MISSING if missing else CONTENT_CHANGED
        link = previous if offset == 0 else stored[offset - 1]
        if text[-64:].decode("ascii", "replace") != link:
            return sequence, LINK_BROKEN
        if hashlib.sha256(text).hexdigest() != stored[offset]:
            return sequence, CONTENT_CHANGED
    return expected + len(texts), RECORD_MISSING  # pragma: no cover (the fast check passed)


def check_range(batches: Iterable[Batch], *, start: int, end: int) -> RangeResult:
    """Check consecutive batches for sequence numbers ``start..end``.

    The link of the range's first record is left to the caller (``combine``), which knows the
    hash that ends the preceding range.
    """
    sha256 = hashlib.sha256
    expected = start
    previous: str | None = None
    first_previous = ""
    for texts, stored in batches:
        if not texts:
            continue
        if previous is None:
            first_previous = previous = texts[0][-64:].decode("ascii", "replace")
        # One pass per check over the whole batch; only a failing batch is looked at per record.
        intact = (
            [sha256(text).hexdigest() for text in texts] == stored
            and [text[-64:].decode("ascii", "replace") for text in texts]
            == [previous, *stored[:-1]]
            and _sequence_of(texts[-1]) == expected + len(texts) - 1
        )
        if not intact:
            broken, problem = _diagnose(texts, stored, expected=expected, previous=previous)
            return RangeResult(start, end, broken - start, first_previous, "", broken, problem)
        previous = stored[-1]
        expected += len(texts)
    last_hash = previous or ""
    if expected <= end:
        return RangeResult(
            start, end, expected - start, first_previous, last_hash, expected, TAIL_MISSING
        )
    return RangeResult(start, end, expected - start, first_previous, last_hash)


def combine(
    results: Sequence[RangeResult],
    *,
    head_sequence: int,
    head_hash: str,
    first: int = 1,
    anchor: str = GENESIS_HASH,
) -> ChainReport:
    """Join the results of consecutive ranges ``first..head_sequence`` into one report.

    ``first`` and ``anchor`` are where the chain starts after the retention sweep removed its
    oldest records: the first record kept must link to ``anchor``, the last one removed.
    """

    def broken(sequence: int, problem: str) -> ChainReport:
        return ChainReport(sequence - first, False, sequence, problem)

    previous = anchor
    for index, result in enumerate(results):
        last = index == len(results) - 1
        if result.broken_sequence == result.start:
            return broken(result.start, _in_context(result, last=last))
        if result.first_previous != previous:
            return broken(result.start, LINK_BROKEN)
        if result.broken_sequence is not None:
            return broken(result.broken_sequence, _in_context(result, last=last))
        previous = result.last_hash
    if previous != head_hash:
        # The last record does not match the head: it was replaced after it was written.
        return broken(head_sequence, CONTENT_CHANGED)
    return ChainReport(head_sequence - first + 1, True)


def _in_context(result: RangeResult, *, last: bool) -> str:
    # Records missing at the end of a range are the log's tail only in the last range.
    return result.problem if last or result.problem != TAIL_MISSING else RECORD_MISSING


def split(head_sequence: int, parts: int, *, first: int = 1) -> list[tuple[int, int]]:
    """Consecutive ranges covering ``first..head_sequence``."""
    count = head_sequence - first + 1
    if count < 1:
        return []
    parts = max(1, min(parts, count))
    size = -(-count // parts)
    return [(a, min(a + size - 1, head_sequence)) for a in range(first, head_sequence + 1, size)]


def batches(
    fetch: Callable[[int, int], Batch], *, start: int, end: int, size: int = BATCH_SIZE
) -> Iterator[Batch]:
    for first in range(start, end + 1, size):
        yield fetch(first, min(first + size - 1, end))


# --- worker processes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """How a worker process reaches the database: vendor and plain connection parameters."""

    vendor: str
    params: Mapping[str, str | int]


def check_range_in_worker(source: Source, start: int, end: int) -> RangeResult:
    """Entry point of a worker process: its own connection, its own range."""
    if source.vendor == "sqlite":
        connection = sqlite3.connect(str(source.params["database"]), uri=True)
        try:
            # Reading through a memory map instead of read calls is markedly faster.
            connection.execute("PRAGMA mmap_size = 1073741824")
            sql = SQLITE_RANGE_SQL.replace("%s", "?")

            def fetch(first: int, last: int) -> Batch:
                return as_batch(connection.execute(sql, (SQLITE_FORMAT, first, last)).fetchall())

            return check_range(batches(fetch, start=start, end=end), start=start, end=end)
        finally:
            connection.close()
    if source.vendor == "postgresql":
        import psycopg

        # Binary results: the same text, with less work per value on both sides.
        with psycopg.connect(**source.params) as pg, pg.cursor(binary=True) as cursor:  # type: ignore[arg-type]
            cursor.execute(POSTGRESQL_SESSION_SQL)

            def fetch_pg(first: int, last: int) -> Batch:
                cursor.execute(POSTGRESQL_RANGE_SQL, (first, last))
                return as_batch(cursor.fetchall())

            return check_range(batches(fetch_pg, start=start, end=end), start=start, end=end)
    raise ValueError(f"No parallel verification for {source.vendor}.")
