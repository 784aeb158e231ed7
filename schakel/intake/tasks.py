"""Background work of the meldpunt (django.tasks; ``manage.py db_worker`` runs it).

The expiry task runs once a day: each run schedules the next one, so enqueuing it once
(``manage.py expire_signals --schedule``) keeps it going as long as a worker runs. Backends that
cannot defer (the immediate backend in tests) just run it once.
"""

from datetime import datetime, timedelta

from django.tasks import task, task_backends
from django.utils import timezone

from schakel.intake import expiry

EXPIRY_INTERVAL = timedelta(days=1)


@task
def expire_signals_task() -> int:
    """Delete the person data of signals past their expiry. The next run is scheduled first:
    a failing run must not stop the daily expiry for good."""
    schedule_expiry(after=timezone.now() + EXPIRY_INTERVAL)
    return expiry.signals_expire().expired


def _already_scheduled() -> bool:
    from django_tasks_db.models import DBTaskResult  # only with the database backend

    return DBTaskResult.objects.filter(
        task_path=expire_signals_task.module_path, status="READY"
    ).exists()


def schedule_expiry(*, after: datetime | None = None) -> bool:
    """Enqueue the next expiry run unless one is already waiting. True when one was enqueued."""
    backend = task_backends[expire_signals_task.backend]
    if not backend.supports_defer:
        return False
    if backend.__class__.__module__.startswith("django_tasks_db") and _already_scheduled():
        return False
    expire_signals_task.using(run_after=after or timezone.now()).enqueue()
    return True
