"""Notifications as a background task (django.tasks; ``manage.py db_worker``), every few
minutes.

Each run schedules the next one first, so enqueuing it once (``manage.py send_notifications
--schedule``) keeps it going as long as a worker runs, and a failing run does not stop it.
"""

from datetime import datetime, timedelta

from django.tasks import task
from django.utils import timezone

from schakel.core.context import activated, system_context
from schakel.core.tasks import schedule_once
from schakel.notifications import runs

RUN_INTERVAL = timedelta(minutes=5)


@task
def send_notifications_task() -> int:
    schedule_notifications(after=timezone.now() + RUN_INTERVAL)
    with activated(system_context()):
        result = runs.run()
    return result.attempted


def schedule_notifications(*, after: datetime | None = None) -> bool:
    """Enqueue the next run unless one is already waiting. True when one was enqueued."""
    return schedule_once(send_notifications_task, after=after)
