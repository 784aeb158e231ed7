"""Upgrading: a queued run of the retired signal-expiry task becomes the retention sweep's."""

import importlib
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "schakel.privacy.migrations.0007_sweep_takes_over_queued_signal_expiry"
)


def queued(path: str, *, status: str = "READY", hours: int = 0) -> "DBTaskResult[Any, Any]":
    return DBTaskResult.objects.create(
        task_path=path,
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now() + timedelta(hours=hours),
        exception_class_path="",
        traceback="",
    )


def test_the_waiting_expiry_run_becomes_the_sweeps_and_history_stays() -> None:
    first = queued(migration.RETIRED, hours=2)
    later = queued(migration.RETIRED, hours=30)
    done = queued(migration.RETIRED, status="SUCCESSFUL", hours=-24)

    migration.take_over(apps, None)

    assert DBTaskResult.objects.get(pk=first.pk).task_path == migration.SWEEP
    assert not DBTaskResult.objects.filter(pk=later.pk).exists()
    assert DBTaskResult.objects.get(pk=done.pk).task_path == migration.RETIRED


def test_with_a_sweep_already_waiting_the_expiry_runs_just_go() -> None:
    sweep = queued(migration.SWEEP, hours=5)
    queued(migration.RETIRED, hours=2)

    migration.take_over(apps, None)

    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [sweep.pk]
    migration.take_over(apps, None)  # again: nothing left to do
    assert DBTaskResult.objects.count() == 1
