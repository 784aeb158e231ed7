"""Self-rescheduling background tasks (django.tasks; ``manage.py db_worker``): each run enqueues
the next before it works, so enqueuing a task once keeps it going as long as a worker runs and a
failing run does not stop it. Used by the retention sweep and the e-mail about work."""

from datetime import datetime
from typing import Any

from django.tasks import Task, task_backends
from django.utils import timezone


def _waiting(task: "Task[Any, Any]") -> bool:
    from django_tasks_db.models import DBTaskResult  # only with the database backend

    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY").exists()


def schedule_once(task: "Task[Any, Any]", *, after: datetime | None = None) -> bool:
    """Enqueue ``task`` to run at ``after`` (now by default) unless a run of it is already
    waiting. True when one was enqueued; False also for a backend that cannot defer."""
    backend = task_backends[task.backend]
    if not backend.supports_defer:
        return False
    if backend.__class__.__module__.startswith("django_tasks_db") and _waiting(task):
        return False
    task.using(run_after=after or timezone.now()).enqueue()
    return True
