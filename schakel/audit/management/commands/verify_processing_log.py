"""manage.py verify_processing_log — check the whole hash chain; non-zero exit when broken."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.audit.verification import verify_processing_log


class Command(BaseCommand):
    help = "Controleert de hashketen van het logboek dataverwerkingen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Aantal processen (standaard: alle kernen vanaf 200.000 records, anders 1).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report, run = verify_processing_log(started_by_id="command", workers=options["workers"])
        seconds = max((run.finished_at - run.started_at).total_seconds(), 1e-6)
        if not report.intact:
            raise CommandError(
                f"Logboek NIET intact: eerste gebroken record #{report.first_broken_sequence} "
                f"({report.problem}); {report.records_checked} records in orde daarvoor."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Logboek intact: {report.records_checked} records gecontroleerd "
                f"in {seconds:.2f} s."
            )
        )
