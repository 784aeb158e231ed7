"""The one writer of the processing log. Services call ``log_processing`` inside their transaction.

If the record cannot be written the exception propagates and the caller's transaction rolls
back: an action whose log entry cannot be written does not happen (fail closed).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from schakel.audit.chain import CHAINED_FIELDS, record_hash
from schakel.audit.choices import Activity, StatusCode, SubjectType
from schakel.audit.models import ChainHead, LogRecord
from schakel.core import context
from schakel.core.pseudonyms import log_subject_pseudonym

if TYPE_CHECKING:
    from schakel.accounts.models import User

AttributeValue = str | int | bool


@dataclass(frozen=True)
class Subject:
    """A data subject of an action, identified by its internal id; logged only as a pseudonym."""

    type: SubjectType
    identifier: str

    @property
    def pseudonym(self) -> str:
        return log_subject_pseudonym(self.type, self.identifier)


def employee(user: "User") -> Subject:
    return Subject(SubjectType.EMPLOYEE, str(user.pk))


def log_processing(
    *,
    activity: Activity,
    name: str,
    by: "User | None",
    subjects: Sequence[Subject] = (),
    result: str = "ok",
    status: StatusCode = StatusCode.OK,
    attributes: dict[str, AttributeValue] | None = None,
    started_at: datetime | None = None,
) -> list[LogRecord]:
    """Append one record per data subject (one record without subject when there is none)."""
    ctx = context.current()
    now = timezone.now()
    base = {
        "trace_id": ctx.trace_id,
        "parent_span_id": ctx.span_id,
        "name": name,
        "start_time": started_at or now,
        "end_time": now,
        "status_code": status.value,
        "activity_id": activity.value,
        "actor_user_id": str(by.pk) if by is not None else "",
        "actor_organisation_id": ctx.organisation_id if by is not None else "",
        "actor_role": ctx.role if by is not None else "",
        "origin": ctx.origin,
        "result": result,
        "attributes": dict(attributes or {}),
    }
    targets: Sequence[Subject | None] = list(subjects) or [None]
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().get(pk=1)
        records = []
        sequence, previous = head.sequence, head.record_hash
        for subject in targets:
            sequence += 1
            values = {
                **base,
                "sequence": sequence,
                "span_id": context.new_span_id(),
                "data_subject_id": subject.pseudonym if subject else "",
                "data_subject_type": subject.type.value if subject else "",
                "previous_hash": previous,
            }
            previous = record_hash([values[f] for f in CHAINED_FIELDS])
            records.append(LogRecord(**values, record_hash=previous))
        LogRecord.objects.bulk_create(records)
        head.sequence, head.record_hash = sequence, previous
        head.save(update_fields=["sequence", "record_hash"])
    return records
