"""The daily retention sweep as a background task (django.tasks; ``manage.py db_worker``).

Each run schedules the next one first, so enqueuing it once (``manage.py apply_retention
--schedule``) keeps it going as long as a worker runs, and a failing run does not stop it.
An unfinished earlier run is resumed with its own moment before a new one starts.
"""

from datetime import datetime, timedelta

from django.tasks import task
from django.utils import timezone

from schakel.core.context import activated, system_context
from schakel.core.tasks import schedule_once
from schakel.privacy.retention import engine

SWEEP_INTERVAL = timedelta(days=1)


@task
def apply_retention_task() -> int:
    schedule_retention(after=timezone.now() + SWEEP_INTERVAL)
    with activated(system_context()):
        unfinished = engine.resumable()
        if unfinished is not None:
            engine.sweep(resume=unfinished)
        run = engine.sweep()
    return sum(state.get("deleted", 0) for state in run.progress.values())


def schedule_retention(*, after: datetime | None = None) -> bool:
    """Enqueue the next sweep unless one is already waiting. True when one was enqueued."""
    return schedule_once(apply_retention_task, after=after)
