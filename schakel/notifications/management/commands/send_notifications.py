"""manage.py send_notifications — look at every work list, mail what is new, retry failures.

Without options: one run now. ``--schedule`` enqueues the task that repeats every few minutes
for db_worker (docs/notifications.md).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from schakel.core.context import activated, system_context
from schakel.notifications import runs
from schakel.notifications.tasks import schedule_notifications


class Command(BaseCommand):
    help = "Stuurt e-mail over nieuw en naderend werk (zonder persoonsgegevens)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule", action="store_true", help="Plan de terugkerende taak in voor db_worker."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            scheduled = schedule_notifications()
            self.stdout.write(
                "E-mailtaak ingepland."
                if scheduled
                else "De e-mailtaak stond al ingepland (of deze takenbackend kan niet plannen)."
            )
            return
        with activated(system_context()):
            result = runs.run()
        self.stdout.write(
            f"{result.memberships} lidmaatschappen bekeken, {result.notifications} nieuwe zaken, "
            f"{result.deliveries} e-mails gepland, {result.attempted} verzendpogingen."
        )
