"""manage.py sweep_attachments — remove stored attachment files no record points at.

A process killed between writing an attachment and committing its record leaves a file without
a record (``schakel/core/uploads.py``); such a file is never served, but it should not stay.
Files younger than ``--older-than-minutes`` (default 60) are left alone: their upload may
still be under way. ``--dry-run`` only counts.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from schakel.core.uploads import orphaned_files, remove_files


class Command(BaseCommand):
    help = "Verwijdert opgeslagen bijlagen waar geen record meer naar verwijst."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--older-than-minutes", type=int, default=60)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        found = orphaned_files(older_than_minutes=max(1, options["older_than_minutes"]))
        if not options["dry_run"]:
            remove_files(found)
        verb = "gevonden" if options["dry_run"] else "verwijderd"
        self.stdout.write(f"Bijlagen zonder record {verb}: {len(found)}")
