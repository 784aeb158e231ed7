"""manage.py find_duplicates --csv IN.csv --out PAIRS.csv [--threshold N]

For a municipality bringing an existing register into Schakel: which records of a CSV file are
probably (``likely``) or possibly (``possible``) the same person. Runs the convergence engine in
memory under a fresh key of its own, estimates the match model on the file itself when it is
large enough, and writes ``left,right,score,band`` (score: the match probability in percent).
Stores no person data and logs none; a malformed file is refused with the line that is wrong,
and a value that cannot be read counts as unknown and is reported (``--strict``: refused).
The output is for a person to review, never to merge records by itself.
"""

import csv
import secrets
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from schakel.audit import services as audit
from schakel.intake.activities import IntakeActivity
from schakel.intake.convergence import batch, duplicates, engine
from schakel.intake.convergence.keyed import using_key
from schakel.intake.duplicate_file import FileError, open_register

SHOWN_NOTES = 20


class Command(BaseCommand):
    help = (
        "Zoekt dubbele personen in een CSV-bestand (in het geheugen; slaat niets op) en "
        "schrijft de paren met kans en band."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--csv", required=True, help="Invoer: UTF-8 CSV met kopregel.")
        parser.add_argument("--out", required=True, help="Uitvoer: CSV left,right,score,band.")
        parser.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="Laagste score (kans in procenten, 0-100) om op te nemen; standaard de "
            "ondergrens van de band „mogelijk”.",
        )
        parser.add_argument(
            "--model",
            choices=("estimate", "as-is"),
            default="estimate",
            help="estimate: het model schatten op het bestand zelf (vanaf 2000 regels); "
            "as-is: het model van deze installatie zoals het is.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Weiger het bestand ook bij een onleesbare waarde (standaard: die telt als "
            "onbekend en wordt gemeld).",
        )
        parser.add_argument("--workers", type=int, default=batch.default_workers())
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args: Any, **options: Any) -> None:
        threshold = options["threshold"]
        if threshold is not None and not 0 < threshold < 100:
            raise CommandError("--threshold ligt tussen 0 en 100 (een kans in procenten).")
        if options["workers"] < 1:
            raise CommandError("--workers moet minstens 1 zijn.")
        try:
            register = open_register(options["csv"], strict=options["strict"])
        except FileError as error:
            raise CommandError(f"Bestand geweigerd: {error}") from None
        except OSError as error:
            raise CommandError(f"Kan {options['csv']} niet lezen: {error.strerror}.") from None
        if register.ignored_columns:
            self.stderr.write(f"Genegeerde kolommen: {', '.join(register.ignored_columns)}.")
        for note in register.unreadable[:SHOWN_NOTES]:
            self.stderr.write(note)
        if len(register.unreadable) > SHOWN_NOTES:
            more = len(register.unreadable) - SHOWN_NOTES
            self.stderr.write(f"… en {more} waarden meer als onbekend gelezen.")
        show = not options["no_progress"] and sys.stderr.isatty()
        bars: dict[str, tqdm[Any]] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in bars:
                for bar in bars.values():
                    bar.close()
                bars[stage] = tqdm(
                    total=total or None, desc=stage, unit="", disable=not show, file=sys.stderr
                )
            bars[stage].update(done)

        start = engine.active_model()
        with using_key(secrets.token_bytes(32)):
            found = duplicates.find(
                register.identities,
                start=start,
                estimate=options["model"] == "estimate",
                minimum=threshold / 100 if threshold is not None else None,
                workers=options["workers"],
                progress=progress,
            )
        for bar in bars.values():
            bar.close()
        scored, model = found.scored, found.model
        # Logged before anything is written: without its log record the run has no result.
        audit.log_processing(
            activity=IntakeActivity.CONVERGENCE_REVIEW,
            name="find_duplicates",
            by=None,
            attributes={"records": len(register.record_ids), "pairs": len(scored.a)},
        )
        try:
            with open(options["out"], "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["left", "right", "score", "band"])
                for a, b, probability in zip(scored.a, scored.b, scored.probability, strict=True):
                    band = "likely" if probability >= model.likely else "possible"
                    left, right = register.record_ids[int(a)], register.record_ids[int(b)]
                    writer.writerow([left, right, f"{100 * probability:.2f}", band])
        except OSError as error:
            raise CommandError(f"Kan {options['out']} niet schrijven: {error.strerror}.") from None
        how = "geschat op het bestand" if found.estimated else "van deze installatie"
        if scored.stats.blocks_skipped:
            self.stderr.write(
                f"{scored.stats.blocks_skipped} te grote blokken overgeslagen (meer dan "
                f"{batch.MAX_BLOCK} regels met dezelfde sleutel, zoals alleen een veelvoorkomende "
                "achternaam): paren die alleen daarin zouden zitten, ontbreken."
            )
        self.stdout.write(
            f"{len(register.record_ids)} regels, {len(scored.a)} paren geschreven naar "
            f"{options['out']} (model {how})."
        )
