"""manage.py apply_retention — apply every retention term now (the sweep).

Deletes or anonymises person data whose term has passed, except where a legal hold or an open
data-subject request holds it, and writes a deletion record per kind and batch. Batches are
separate transactions: a stopped run is resumed with ``--resume`` (same moment, same run id).
``--dry-run`` only counts what is due; ``--schedule`` enqueues the daily task for db_worker.
"""

import sys
import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from schakel.core.context import activated, system_context
from schakel.legal import terms
from schakel.privacy.models import RetentionRun
from schakel.privacy.retention import engine
from schakel.privacy.tasks import schedule_retention


class Command(BaseCommand):
    help = "Past de bewaartermijnen toe: verwijdert of anonimiseert wat vervallen is (hervatbaar)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument(
            "--kind", action="append", choices=list(terms.kinds()), help="Alleen deze soort."
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen wat vervalt.")
        parser.add_argument(
            "--resume",
            nargs="?",
            const="latest",
            metavar="RUN",
            help="Hervat een onderbroken run (standaard de laatste).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")
        parser.add_argument(
            "--schedule", action="store_true", help="Plan de dagelijkse taak in voor db_worker."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size moet minstens 1 zijn.")
        if options["schedule"]:
            scheduled = schedule_retention()
            self.stdout.write(
                "Dagelijkse opschoontaak ingepland."
                if scheduled
                else "De opschoontaak stond al ingepland (of deze takenbackend kan niet plannen)."
            )
            return
        if options["dry_run"]:
            for kind, count in engine.preview(kinds=options["kind"]).items():
                self.stdout.write(f"{terms.kinds()[kind].label}: {count} vervallen")
            return
        resume = self._run_to_resume(options["resume"])
        show = not options["no_progress"] and sys.stderr.isatty()
        bars: dict[str, tqdm[Any]] = {}

        def progress(kind: str, done: int, total: int) -> None:
            bar = bars.get(kind)
            if bar is None:
                bar = bars[kind] = tqdm(total=total, desc=kind, disable=not show, file=sys.stderr)
            bar.n = done
            bar.refresh()
            if not show:
                self.stdout.write(f"{kind}: {done}/{total}")

        with activated(system_context()):
            run = engine.sweep(
                kinds=options["kind"],
                batch_size=options["batch_size"],
                progress=progress,
                resume=resume,
            )
        for bar in bars.values():
            bar.close()
        for kind, state in run.progress.items():
            self.stdout.write(f"{terms.kinds()[kind].label}: {state.get('deleted', 0)} verwijderd")
        self.stdout.write(f"Klaar (run {run.pk}).")

    def _run_to_resume(self, value: str | None) -> RetentionRun | None:
        if value is None:
            return None
        if value == "latest":
            run = engine.resumable()
        else:
            try:
                run = engine.resumable_run(uuid.UUID(value))
            except ValueError:
                raise CommandError("Geef het id van een run.") from None
        if run is None:
            raise CommandError("Er is geen onderbroken run om te hervatten.")
        return run
