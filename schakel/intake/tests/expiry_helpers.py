"""Never-weighed signals expire through the retention sweep; the tests run just that kind."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from schakel.legal.choices import RetentionKind
from schakel.privacy.retention import engine


@dataclass(frozen=True)
class Expiry:
    run_id: uuid.UUID
    expired: int


def expire_signals(*, now: datetime | None = None) -> Expiry:
    run = engine.sweep(now=now, kinds=[RetentionKind.SIGNAL_NOT_WEIGHED])
    return Expiry(run_id=run.pk, expired=run.progress[RetentionKind.SIGNAL_NOT_WEIGHED]["deleted"])
