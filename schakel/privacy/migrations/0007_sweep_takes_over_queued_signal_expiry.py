"""The daily retention sweep takes over a queued run of the retired signal-expiry task.

Never-weighed signals now expire only through the retention sweep. An instance that scheduled
the old daily task (``expire_signals --schedule``) has it waiting in the task queue; its code is
gone, so it would fail and the daily expiry would silently stop. The waiting run becomes the
sweep's next run (same moment) unless a sweep is already waiting; other waiting runs of the old
task are removed. Finished and failed runs stay as they are.
"""

from django.db import migrations

RETIRED = "schakel.intake.tasks.expire_signals_task"
SWEEP = "schakel.privacy.tasks.apply_retention_task"
WAITING = "READY"


def take_over(apps, schema_editor):
    task = apps.get_model("django_tasks_database", "DBTaskResult")
    retired = task.objects.filter(task_path=RETIRED, status=WAITING)
    first = retired.order_by("run_after").first()
    if first is None:
        return
    if not task.objects.filter(task_path=SWEEP, status=WAITING).exists():
        task.objects.filter(pk=first.pk).update(task_path=SWEEP)
    retired.delete()  # the one taken over no longer has the retired path


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0006_move_out_legal_and_disclosures"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(take_over, migrations.RunPython.noop)]
