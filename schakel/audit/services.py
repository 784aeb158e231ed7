"""The one writer of the processing log. Services call ``log_processing`` inside their transaction.

If the record cannot be written the exception propagates and the caller's transaction rolls
back: an action whose log entry cannot be written does not happen (fail closed).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Field
from django.utils import timezone

from schakel.audit.activities import activity_keys
from schakel.audit.chain import canonical_attributes, log_time, record_hash
from schakel.audit.choices import StatusCode, SubjectType
from schakel.audit.models import LogRecord
from schakel.core import context
from schakel.core.pseudonyms import log_subject_pseudonym

AttributeValue = str | int | bool


@dataclass(frozen=True)
class Subject:
    """A data subject of an action, identified by its internal id; logged only as a pseudonym."""

    type: SubjectType
    identifier: str

    @property
    def pseudonym(self) -> str:
        return log_subject_pseudonym(self.type, self.identifier)


class ProcessingLogError(Exception):
    """The processing log cannot be written; the action that wanted to log must not happen."""


def _check_attributes(attributes: dict[str, AttributeValue] | None) -> None:
    # Only flat codes and counts: they must survive the JSON round trip of both databases
    # unchanged for the hash to hold, and free text does not belong in the log.
    for key, value in (attributes or {}).items():
        checked: object = value  # callers without type checking reach here too
        if not isinstance(checked, str | int):
            raise TypeError(f"Log attribute {key!r} must be a string, integer or boolean.")
        if "\x00" in key or (isinstance(checked, str) and "\x00" in checked):
            raise ValueError(f"Log attribute {key!r} contains a NUL character.")


def employee(user: AbstractBaseUser) -> Subject:
    return Subject(SubjectType.EMPLOYEE, str(user.pk))


def _record_base(
    *,
    name: str,
    by: AbstractBaseUser | None,
    result: str = "ok",
    status: StatusCode = StatusCode.OK,
    attributes: dict[str, AttributeValue] | None = None,
    started_at: datetime | None = None,
) -> dict[str, Any]:
    """What every record of one action shares: the trace, the actor, the times and outcome."""
    ctx = context.current()
    now = log_time(timezone.now())
    return {
        "trace_id": ctx.trace_id,
        "parent_span_id": ctx.span_id,
        "name": name,
        "start_time": log_time(started_at) if started_at else now,
        "end_time": now,
        "status_code": status.value,
        "actor_user_id": str(by.pk) if by is not None else "",
        "actor_organisation_id": ctx.organisation_id if by is not None else "",
        "actor_role": ctx.role if by is not None else "",
        "origin": ctx.origin,
        "result": result,
        "attributes": dict(attributes or {}),
    }


def log_processing(
    *,
    activity: str,  # a key of the register (``schakel.audit.activities``)
    name: str,
    by: AbstractBaseUser | None,
    subjects: Sequence[Subject] = (),
    result: str = "ok",
    status: StatusCode = StatusCode.OK,
    attributes: dict[str, AttributeValue] | None = None,
    started_at: datetime | None = None,
) -> list[LogRecord]:
    """Append one record per data subject (one record without subject when there is none).

    Times are kept to the microsecond, made odd (at most 1 µs later) so that both databases
    print them the same way (see ``schakel.audit.chain``).
    """
    _check_attributes(attributes)
    if activity not in activity_keys():
        raise ValueError(f"Activity {activity!r} is not in the register of processing activities.")
    base = _record_base(
        name=name,
        by=by,
        result=result,
        status=status,
        attributes=attributes,
        started_at=started_at,
    )
    targets: Sequence[Subject | None] = list(subjects) or [None]
    return _append(base, [(str(activity), subject) for subject in targets])


@dataclass(frozen=True)
class Read:
    """One data subject shown by a list, under the processing activity it was shown for."""

    activity: str  # a key of the register (``schakel.audit.activities``)
    subject: Subject


def record_reads(
    *,
    name: str,
    by: AbstractBaseUser,
    reads: Iterable[Read],
    attributes: dict[str, AttributeValue] | None = None,
) -> list[LogRecord]:
    """The reads of a list page: one record per distinct (activity, data subject) shown, all
    written at once (one claim of sequence numbers, one insert statement). A list that shows
    nobody writes nothing, unlike ``log_processing``, which records an action without subject.
    """
    _check_attributes(attributes)
    distinct = list(dict.fromkeys(reads))
    unknown = {read.activity for read in distinct} - set(activity_keys())
    if unknown:
        raise ValueError(f"Activities {sorted(unknown)!r} are not in the register.")
    if not distinct:
        return []
    base = _record_base(name=name, by=by, attributes=attributes)
    return _append(base, [(str(read.activity), read.subject) for read in distinct])


def _append(base: dict[str, Any], targets: Sequence[tuple[str, Subject | None]]) -> list[LogRecord]:
    """Append one chained record per target (activity and subject) to the log, in one claim."""
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        # Claiming the sequence numbers locks the head row (PostgreSQL) or the database (SQLite)
        # until commit, so writers append one after the other.
        cursor.execute(_CLAIM_SQL, [len(targets)])
        claimed = cursor.fetchone()
        if claimed is None:
            raise ProcessingLogError("The processing log has no chain head.")
        last_sequence, previous = claimed
        rows = []
        for number, (activity, subject) in enumerate(
            targets, start=last_sequence - len(targets) + 1
        ):
            values = {
                **base,
                "activity_id": activity,
                "sequence": number,
                "span_id": context.new_span_id(),
                "data_subject_id": subject.pseudonym if subject else "",
                "data_subject_type": subject.type.value if subject else "",
                "previous_hash": previous,
            }
            values["record_hash"] = previous = record_hash(values)
            rows.append(values)
        if len(rows) == 1 and connection.vendor == "postgresql":
            # The usual case: record and head in one round trip.
            cursor.execute(_INSERT_ONE_AND_MOVE_HEAD_SQL, [*_db_row(rows[0]), previous])
        else:
            cursor.executemany(_INSERT_SQL, [_db_row(values) for values in rows])
            cursor.execute(_HEAD_SQL, [previous])
    # Instances as loaded from the database (they are stored), without the ORM's save path.
    return [
        LogRecord.from_db(connection.alias, _ATTNAMES, [values.get(name) for name in _ATTNAMES])
        for values in rows
    ]


# Plain SQL rather than the ORM: these statements are what every logged action pays for, and
# the ORM's overhead would triple it (see docs/benchmarks.md).
_CLAIM_SQL = (
    "UPDATE audit_chainhead SET sequence = sequence + %s WHERE id = 1 "
    "RETURNING sequence, record_hash"
)
_HEAD_SQL = "UPDATE audit_chainhead SET record_hash = %s WHERE id = 1"
_INSERT_SQL = (
    "INSERT INTO audit_logrecord (sequence, trace_id, span_id, parent_span_id, name, start_time,"
    " end_time, status_code, activity_id, data_subject_id, data_subject_type, actor_user_id,"
    " actor_organisation_id, actor_role, origin, result, attributes, previous_hash, record_hash)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
_INSERT_ONE_AND_MOVE_HEAD_SQL = (
    "WITH inserted AS ("
    "INSERT INTO audit_logrecord (sequence, trace_id, span_id, parent_span_id, name, start_time,"
    " end_time, status_code, activity_id, data_subject_id, data_subject_type, actor_user_id,"
    " actor_organisation_id, actor_role, origin, result, attributes, previous_hash, record_hash)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s))"
    " UPDATE audit_chainhead SET record_hash = %s WHERE id = 1"
)
_ATTNAMES = [field.attname for field in LogRecord._meta.concrete_fields]
_INSERT_FIELDS = (
    "sequence", "trace_id", "span_id", "parent_span_id", "name", "start_time", "end_time",
    "status_code", "activity_id", "data_subject_id", "data_subject_type", "actor_user_id",
    "actor_organisation_id", "actor_role", "origin", "result", "attributes", "previous_hash",
    "record_hash",
)  # fmt: skip
_ADAPTED_FIELDS: dict[str, Field[Any, Any]] = {
    name: LogRecord._meta.get_field(name)  # type: ignore[misc]
    for name in ("start_time", "end_time", "attributes")
}


def _db_row(values: dict[str, Any]) -> list[Any]:
    row = []
    for name in _INSERT_FIELDS:
        value = values[name]
        if name == "attributes" and connection.vendor == "sqlite":
            # SQLite keeps JSON as text: store the canonical text, which the verifier hashes as
            # it is (PostgreSQL's jsonb has a form of its own and is re-serialised to verify).
            value = canonical_attributes(value)
        elif name in _ADAPTED_FIELDS:
            # Times and JSON as the backend expects them (e.g. naive UTC text on SQLite).
            value = _ADAPTED_FIELDS[name].get_db_prep_save(value, connection)
        row.append(value)
    return row
