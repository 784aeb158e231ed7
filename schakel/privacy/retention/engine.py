"""The sweep: apply every retention term at one moment, kind by kind, in batches.

A run records its moment and its progress per kind. Each batch is its own transaction (with
its deletion records and log records), so a run that stops — crash, deploy, Ctrl-C — leaves
only whole batches; ``resume`` carries on with the same moment and run id, finding what is still
due (deleted objects are no longer due, so nothing is done twice).
"""

import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from schakel.accounts.models import User
from schakel.core.dates import add_months
from schakel.core.retention import Moment
from schakel.legal.choices import RetentionKind
from schakel.legal.terms import kinds as known_kinds
from schakel.legal.terms import terms
from schakel.privacy.choices import RetentionRunStatus
from schakel.privacy.models import RetentionRun
from schakel.privacy.retention.handlers import Handler, handlers
from schakel.privacy.retention.holds import held_subjects, kind_is_held

Progress = Callable[[str, int, int], None]  # kind, done, total

LOG_BATCH_SIZE = 10_000


def moment_at(now: datetime) -> Moment:
    return Moment(
        now=now,
        cutoffs={kind: add_months(now, -months) for kind, months in terms().items()},
        held_on=_held_on,
    )


def _held_on(day: date) -> frozenset[uuid.UUID]:
    return frozenset(held_subjects(day).values_list("pk", flat=True))


def preview(*, now: datetime | None = None, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """How many objects each kind would delete at ``now`` (nothing is changed)."""
    moment = moment_at(now or timezone.now())
    wanted = set(kinds or known_kinds())
    return {h.kind: len(h.due(moment)) for h in handlers() if h.kind in wanted}


def sweep(
    *,
    now: datetime | None = None,
    started_by: User | None = None,
    kinds: Iterable[str] | None = None,
    batch_size: int = 200,
    progress: Progress | None = None,
    resume: RetentionRun | None = None,
) -> RetentionRun:
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if resume is not None:
        run = resume
        run.status = RetentionRunStatus.RUNNING
        run.save(update_fields=["status"])
    else:
        run = RetentionRun.objects.create(
            moment=now or timezone.now(),
            started_at=timezone.now(),
            started_by=started_by,
            progress={},
        )
    moment = moment_at(run.moment)
    wanted = set(kinds or known_kinds())
    try:
        for handler in handlers():
            if handler.kind in wanted and not run.progress.get(handler.kind, {}).get("finished"):
                _sweep_kind(run, handler, moment, batch_size, progress)
    except BaseException:
        run.status = RetentionRunStatus.FAILED
        run.save(update_fields=["status", "progress"])
        raise
    run.status = RetentionRunStatus.FINISHED
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "finished_at", "progress"])
    return run


def _sweep_kind(
    run: RetentionRun, handler: Handler, moment: Moment, batch_size: int, progress: Progress | None
) -> None:
    state = run.progress.setdefault(handler.kind, {"deleted": 0})
    due = handler.due(moment)
    size = LOG_BATCH_SIZE if handler.kind == RetentionKind.PROCESSING_LOG else batch_size
    state.update(due=len(due), done=0, finished=False)
    run.save(update_fields=["progress"])
    for start in range(0, len(due), size):
        batch = due[start : start + size]
        with transaction.atomic():
            # A hold on the whole kind placed while the run goes on stops it before the next
            # batch (checked in the batch's transaction; holds on a person are re-checked by
            # the handler itself).
            if kind_is_held(handler.kind, moment.hold_day):
                state["held"] = True
                break
            state["deleted"] += handler.delete(batch, moment, run.pk, run.started_by_id)
        state["done"] = min(start + size, len(due))
        run.save(update_fields=["progress"])
        if progress is not None:
            progress(handler.kind, state["done"], len(due))
    state["finished"] = True
    run.save(update_fields=["progress"])


def resumable() -> RetentionRun | None:
    """The latest run that did not finish, if any."""
    return (
        RetentionRun.objects.exclude(status=RetentionRunStatus.FINISHED)
        .order_by("-started_at")
        .first()
    )


def resumable_run(pk: uuid.UUID) -> RetentionRun | None:
    return RetentionRun.objects.exclude(status=RetentionRunStatus.FINISHED).filter(pk=pk).first()
