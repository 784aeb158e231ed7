"""What the sweep does per kind of data: which objects are due, and deleting one batch.

Each handler finds what is due at a moment (its term passed, no legal hold, no open request),
and deletes a batch in one transaction: it locks and re-checks, removes the person data, writes
the deletion records (kind and count, never who) and one processing-log record per person.
What must stay for statistics (dates, outcomes, phases, organisations) stays, without person data.

This module holds the table of handlers per retention kind (and adds those other apps
contribute, ``schakel.core.retention``); the handlers themselves are in
``retention.signal_and_case_handlers`` and ``retention.request_and_log_handlers``, what they
share in ``retention.batch``.
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from schakel.core.retention import Moment
from schakel.legal.choices import RetentionKind
from schakel.legal.terms import contributed_rules
from schakel.privacy.retention.request_and_log_handlers import (
    log_delete,
    log_due,
    requests_delete,
    requests_due,
    sign_in_failures_delete,
    sign_in_failures_due,
)
from schakel.privacy.retention.signal_and_case_handlers import (
    cases_delete,
    cases_due,
    research_delete,
    research_due,
    signals_delete,
    signals_due,
    weighed_delete,
    weighed_due,
)


@dataclass(frozen=True)
class Handler:
    kind: str
    due: Callable[[Moment], Sequence[Any]]
    delete: Callable[[Any, Moment, uuid.UUID, uuid.UUID | None], int]


OWN_HANDLERS: tuple[Handler, ...] = (
    Handler(RetentionKind.SIGNAL_NOT_WEIGHED, signals_due, signals_delete),
    Handler(RetentionKind.WEIGHED_NOT_INCLUDED, weighed_due, weighed_delete),
    Handler(RetentionKind.CLOSED_CASE, cases_due, cases_delete),
    Handler(RetentionKind.ONLINE_RESEARCH, research_due, research_delete),
    Handler(RetentionKind.SUBJECT_REQUEST, requests_due, requests_delete),
    Handler(RetentionKind.SIGN_IN_FAILURES, sign_in_failures_due, sign_in_failures_delete),
    # Last: the sweep's own log records of this run are not yet due.
    Handler(RetentionKind.PROCESSING_LOG, log_due, log_delete),
)


def handlers() -> list[Handler]:
    """The sweep's order: privacy's own kinds, then those other apps contribute
    (``RETENTION_HANDLERS``), the processing log last."""
    *own, log = OWN_HANDLERS
    contributed = [Handler(rule.kind, rule.due, rule.delete) for rule in contributed_rules()]
    return [*own, *contributed, log]
