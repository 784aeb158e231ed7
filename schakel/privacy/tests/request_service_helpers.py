"""Helpers shared by the tests of the data-subject request services."""

from typing import Any

from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.audit.services import Subject


def person_records(request: Any, name: str) -> list[LogRecord]:
    pseudonym = Subject(SubjectType.PERSON, str(request.subject_id)).pseudonym
    return list(LogRecord.objects.filter(name=name, data_subject_id=pseudonym))
