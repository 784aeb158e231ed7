"""Notifications as a background task (django.tasks; ``manage.py db_worker``), every few
minutes.

Each run schedules the next one first, so enqueuing it once (``manage.py send_notifications
--schedule``) keeps it going as long as a worker runs, and a failing run does not stop it.
"""

from datetime import datetime, timedelta

from django.tasks import task, task_backends
from django.utils import timezone

from schakel.core.context import activated, system_context
from schakel.notifications import runs

RUN_INTERVAL = timedelta(minutes=5)


@task
def send_notifications_task() -> int:
    schedule_notifications(after=timezone.now() + RUN_INTERVAL)
    with activated(system_context()):
        result = runs.run()
    return result.attempted


def _already_scheduled() -> bool:
    from django_tasks_db.models import DBTaskResult  # only with the database backend

    return DBTaskResult.objects.filter(
        task_path=send_notifications_task.module_path, status="READY"
    ).exists()


def schedule_notifications(*, after: datetime | None = None) -> bool:
    """Enqueue the next run unless one is already waiting. True when one was enqueued."""
    backend = task_backends[send_notifications_task.backend]
    if not backend.supports_defer:
        return False
    if backend.__class__.__module__.startswith("django_tasks_db") and _already_scheduled():
        return False
    send_notifications_task.using(run_after=after or timezone.now()).enqueue()
    return True
