"""manage.py verify_processing_log — check the whole hash chain; non-zero exit when broken."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from schakel.audit.verification import verify_processing_log


class Command(BaseCommand):
    help = "Controleert de hashketen van het logboek dataverwerkingen."

    def handle(self, *args: Any, **options: Any) -> None:
        report, _run = verify_processing_log(started_by_id="command")
        if not report.intact:
            raise CommandError(
                f"Logboek NIET intact: eerste gebroken record #{report.first_broken_sequence} "
                f"({report.problem}); {report.records_checked} records in orde daarvoor."
            )
        self.stdout.write(
            self.style.SUCCESS(f"Logboek intact: {report.records_checked} records gecontroleerd.")
        )
