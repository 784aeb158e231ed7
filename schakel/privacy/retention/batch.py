"""What every retention handler shares: the moment a sweep looks at, and the writes of one
batch besides the deletion itself (a deletion record per kind and count, never who, and one
processing-log record per person).
"""

import uuid
from datetime import datetime

from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import DeletionRecord
from schakel.privacy.activities import PrivacyActivity

Key = uuid.UUID


def _record(kind: str, count: int, *, policy: str, run_id: uuid.UUID, now: datetime) -> None:
    if count:
        DeletionRecord.objects.create(
            object_kind=kind, count=count, policy=policy, run_id=run_id, deleted_at=now
        )


def _log(
    policy: str, run_id: uuid.UUID, subjects: list[audit.Subject], by_id: uuid.UUID | None
) -> None:
    from schakel.accounts.models import User

    by = User.objects.filter(pk=by_id).first() if by_id else None
    audit.log_processing(
        activity=PrivacyActivity.RETENTION,
        name=f"retention_{policy}",
        by=by,
        subjects=subjects,
        attributes={"run": str(run_id), "policy": policy},
    )


def _person(pk: object) -> audit.Subject:
    return audit.Subject(SubjectType.PERSON, str(pk))


def _persons_and_related(
    subject_ids: list[Key], signal_ids: list[Key], related_ids: list[Key]
) -> list[audit.Subject]:
    """A person-wide deletion's log subjects: the person (as weighing and case log them), each
    signal (as the meldpunt logs them) and each related person."""
    return [
        *(_person(pk) for pk in subject_ids),
        *(_person(pk) for pk in signal_ids),
        *(audit.Subject(SubjectType.RELATED_PERSON, str(pk)) for pk in related_ids),
    ]
