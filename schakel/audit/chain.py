"""The hash chain of the processing log: canonical form, and the independent integrity check.

Each record stores ``record_hash = SHA-256(canonical content ‖ previous_hash)`` and the hash of its
predecessor. Changing, removing or inserting a record breaks the chain at that point.
"""

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64

# Column order of the canonical form; verification reads exactly these columns.
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
_SEP = "\x1f"


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def record_hash(values: Sequence[Any]) -> str:
    """Hash one record given its values in ``CHAINED_FIELDS`` order."""
    canonical = _SEP.join(_text(v) for v in values)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    records_checked: int
    intact: bool
    first_broken_sequence: int | None = None
    problem: str = ""


def verify_rows(
    rows: Iterable[tuple[Any, ...]], *, head_sequence: int, head_hash: str
) -> ChainReport:
    """Check rows of (*CHAINED_FIELDS, record_hash) in sequence order against the chain head."""
    expected_sequence = 1
    previous = GENESIS_HASH
    checked = 0
    for row in rows:
        sequence = row[0]
        if sequence != expected_sequence:
            return ChainReport(checked, False, expected_sequence, "record missing")
        if row[-2] != previous:
            return ChainReport(checked, False, sequence, "link to predecessor broken")
        stored = row[-1]
        if record_hash(row[:-1]) != stored:
            return ChainReport(checked, False, sequence, "content changed")
        previous = stored
        expected_sequence += 1
        checked += 1
    if checked != head_sequence or previous != head_hash:
        return ChainReport(checked, False, checked + 1, "records after the last one are missing")
    return ChainReport(checked, True)
