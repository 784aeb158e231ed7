"""The command runs once or schedules the repeating task; the task runs and schedules the next
run (on the database backend), once, however often it is asked."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from schakel.notifications.choices import Frequency
from schakel.notifications.tasks import send_notifications_task
from schakel.notifications.tests.conftest import START
from schakel.notifications.tests.helpers import mails_to, prefer, run_at
from schakel.work.tests.world import busy_region

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_command_runs_once_and_reports_counts_only(personas, clock) -> None:
    run_at(clock, START)
    busy_region(personas)
    prefer(personas.ggz_member, Frequency.DIRECT)
    out = StringIO()
    call_command("send_notifications", stdout=out)
    assert "e-mails gepland" in out.getvalue()
    assert personas.ggz_member.email not in out.getvalue()
    assert len(mails_to(personas.ggz_member)) == 1


def test_the_task_runs_the_notifications(personas, clock) -> None:
    run_at(clock, START)
    busy_region(personas)
    prefer(personas.ggz_member, Frequency.DIRECT)
    clock.move_to(START + timedelta(minutes=5))
    send_notifications_task.enqueue()  # the immediate backend of the tests
    assert len(mail.outbox) == 1


@override_settings(TASKS=DATABASE_TASKS)
def test_schedule_enqueues_the_task_once(db) -> None:
    out = StringIO()
    call_command("send_notifications", "--schedule", stdout=out)
    call_command("send_notifications", "--schedule", stdout=out)
    assert "E-mailtaak ingepland." in out.getvalue()
    assert "stond al ingepland" in out.getvalue()
    waiting = DBTaskResult.objects.filter(task_path=send_notifications_task.module_path)
    assert waiting.count() == 1


def test_on_the_immediate_backend_nothing_is_scheduled(db) -> None:
    out = StringIO()
    call_command("send_notifications", "--schedule", stdout=out)
    assert "kan niet plannen" in out.getvalue()
