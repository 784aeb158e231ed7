"""manage.py rebuild_identity_encodings — derive every signal's encoding and blocking keys anew.

Needed after the matching key (SCHAKEL_PSEUDONYM_KEY) is replaced or the encoding changes with
an upgrade: encodings under different keys never match. Reads the encrypted identities, so it
runs on the server only; batches are separate transactions and a rerun simply redoes them.
Existing suggestions and decisions stay as they are.
"""

import sys
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from schakel.intake.convergence import engine
from schakel.intake.convergence.encoding import Identity, encode
from schakel.intake.models import BlockingKey, IdentityEncoding, Signal


class Command(BaseCommand):
    help = "Berekent de coderingen en blokkeersleutels van alle signalen opnieuw (hervatbaar)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args: Any, **options: Any) -> None:
        size = options["batch_size"]
        if size < 1:
            raise CommandError("--batch-size moet minstens 1 zijn.")
        ids = list(
            Signal.objects.filter(person_data_deleted_at=None)
            .order_by("created_at")
            .values_list("pk", flat=True)
        )
        show = not options["no_progress"] and sys.stderr.isatty()
        with tqdm(total=len(ids), unit="signaal", disable=not show, file=sys.stderr) as bar:
            for start in range(0, len(ids), size):
                batch = ids[start : start + size]
                with transaction.atomic():
                    signals = Signal.objects.select_for_update().filter(
                        pk__in=batch, person_data_deleted_at=None
                    )
                    IdentityEncoding.objects.filter(signal_id__in=batch).delete()
                    for signal in signals:
                        engine.store_encoding(signal, encode(identity_of(signal)))
                bar.update(len(batch))
        total = BlockingKey.objects.count()
        self.stdout.write(f"{len(ids)} signalen opnieuw gecodeerd ({total} blokkeersleutels).")


def identity_of(signal: Signal) -> Identity:
    return Identity(
        given_names=signal.given_names or "",
        surname_prefix=signal.surname_prefix or "",
        surname=signal.surname or "",
        date_of_birth=date.fromisoformat(signal.date_of_birth or "1900-01-01"),
        sex=signal.sex or "",
        bsn=signal.bsn or "",
    )
