"""manage.py expire_signals — delete the person data of signals that never reached a weighing.

A signal expires after the retention term for never-weighed signals (default 12 months) unless
it was linked to a weighing; a legal hold on its person keeps it. ``apply_retention`` does this
and every other retention term. Its person data, related persons, encodings and match
suggestions are deleted; the metadata row stays (status "vervallen") and a deletion record
without personal data proves it. Batches are separate transactions: a stopped run is simply run
again.
``--schedule`` instead enqueues the daily background task (for ``manage.py db_worker``).
"""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from schakel.intake import expiry, tasks


class Command(BaseCommand):
    help = "Verwijdert de persoonsgegevens van vervallen signalen (hervatbaar)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Plan de dagelijkse taak in voor db_worker in plaats van nu te verwijderen.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size moet minstens 1 zijn.")
        if options["schedule"]:
            scheduled = tasks.schedule_expiry()
            self.stdout.write(
                "Dagelijkse vervaltaak ingepland."
                if scheduled
                else "De vervaltaak stond al ingepland (of deze takenbackend kan niet plannen)."
            )
            return
        show = not options["no_progress"] and sys.stderr.isatty()
        bar = tqdm(total=0, unit="signaal", disable=not show, file=sys.stderr)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        result = expiry.signals_expire(batch_size=options["batch_size"], progress=progress)
        bar.close()
        self.stdout.write(
            f"{result.expired} signalen vervallen; persoonsgegevens verwijderd "
            f"(run {result.run_id})."
        )
