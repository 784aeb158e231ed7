"""manage.py estimate_match_model — estimate the match model from this instance's encodings.

``u`` from random pairs of stored encodings, ``m`` and the prior by expectation maximisation
over the candidate pairs (as splink does), starting from the model in use; and how common each
exact name is (counts of keyed hashes, only for values shared by at least five registrations).
The result is stored as a new ``MatchModelVersion`` (the earlier ones stay, as history) and
used from then on. Reads only the keyed encodings, never person data. Run it when the
instance has grown (a few times a year), with a progress bar on a terminal.
"""

import sys
from dataclasses import replace
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from schakel.audit import services as audit
from schakel.intake.activities import IntakeActivity
from schakel.intake.convergence import batch, engine, training
from schakel.intake.convergence.duplicates import ESTIMATE_FROM, RANDOM_PAIRS
from schakel.intake.convergence.frequencies import LISTED_FROM, Frequencies
from schakel.intake.convergence.stored import read_all
from schakel.intake.models import MatchModelVersion


class Command(BaseCommand):
    help = "Schat het matchmodel opnieuw uit de opgeslagen coderingen van deze installatie."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workers", type=int, default=batch.default_workers())
        parser.add_argument("--dry-run", action="store_true", help="Toon het model, sla niets op.")
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers moet minstens 1 zijn.")
        show = not options["no_progress"] and sys.stderr.isatty()
        self.stdout.write("Coderingen lezen …")
        columns, blocks = read_all()
        if len(columns) < ESTIMATE_FROM:
            raise CommandError(
                f"Te weinig signalen ({len(columns)}) om een model te schatten; minstens "
                f"{ESTIMATE_FROM}. Het huidige model blijft in gebruik."
            )
        start = engine.active_model()
        with tqdm(unit="paren", disable=not show, file=sys.stderr, desc="vergelijken") as bar:

            def advance(pairs: int) -> None:
                bar.update(pairs)

            found, stats = batch.scan(
                columns,
                blocks,
                table=start.pattern_weights(),
                keep_from=float("inf"),
                workers=options["workers"],
                progress=advance,
            )
        self.stdout.write(
            f"{stats.pairs_compared} kandidaatparen vergeleken ({stats.blocks_skipped} te grote "
            f"blokken overgeslagen, samen {stats.rows_in_skipped_blocks} sleutels); schatten …"
        )
        model = training.fit(
            blocked=found.counts,
            u=training.random_level_frequencies(columns, RANDOM_PAIRS, seed=len(columns)),
            known=training.known_counts(columns),
            population=len(columns),
            start=start,
            label=f"geschat op {date.today().isoformat()} uit {len(columns)} signalen",
        )
        model.frequencies = Frequencies.count(columns)
        self.stdout.write(replace(model, frequencies=None).to_json())
        listed = {c: len(t) for c, t in model.frequencies.listed.items()}
        self.stdout.write(
            f"Namen die minstens {LISTED_FROM} keer voorkomen: {listed['given_names']} "
            f"voornamen, {listed['surname']} achternamen."
        )
        if options["dry_run"]:
            self.stdout.write("Niets opgeslagen (--dry-run).")
            return
        with transaction.atomic():
            version = MatchModelVersion.objects.create(
                label=model.label, parameters=model.as_dict(), trained_on=len(columns)
            )
            audit.log_processing(
                activity=IntakeActivity.CONVERGENCE_REVIEW,
                name="match_model_estimated",
                by=None,
                attributes={"model": str(version.pk), "encodings": len(columns)},
            )
        self.stdout.write(f"Opgeslagen en in gebruik: {model.label}.")
