"""manage.py rotate_encryption_key — re-encrypt every value that is not under the active key.

The active key is the first of ``SCHAKEL_ENCRYPTION_KEYS``. Values are re-encrypted in batches,
each in its own transaction with its rows locked, so the command can be stopped at any moment:
a rerun selects only what is still on an old key and continues from there. ``--check`` counts
the values still on old keys and fails while there are any; once it reports zero, the old keys
can be removed from the ring.

No processing-log records: re-encryption changes no content and serves no processing activity
in the register (there is no activity for system maintenance); it reads and writes ciphertext
on behalf of the operator, and the run itself is visible in the operator's shell history.
"""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction
from django.db.models.functions import Cast
from tqdm import tqdm

from schakel.core import crypto
from schakel.core.fields import EncryptedTextField, encrypted_fields


class Command(BaseCommand):
    help = "Versleutelt alle versleutelde velden opnieuw met de actieve sleutel (hervatbaar)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--check",
            action="store_true",
            help="Alleen tellen hoeveel waarden nog op oude sleutels staan (exit 1 als > 0).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")
        parser.add_argument(
            "--limit-batches",
            type=int,
            default=None,
            help="Stop na zoveel batches (per veld); een nieuwe run gaat verder.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size moet minstens 1 zijn.")
        ring = crypto.KeyRing.from_settings()
        fields = encrypted_fields()
        if options["check"]:
            self._check(fields, ring)
            return
        show = not options["no_progress"] and sys.stderr.isatty()
        for model, field in fields:
            done = self._rotate(
                model,
                field,
                ring,
                batch_size=options["batch_size"],
                limit_batches=options["limit_batches"],
                progress=show,
            )
            self.stdout.write(f"{_label(model, field)}: {done} waarden opnieuw versleuteld.")
        self.stdout.write(self.style.SUCCESS(f"Klaar; actieve sleutel: {ring.active_id}."))

    def _check(
        self, fields: list[tuple[type[models.Model], EncryptedTextField]], ring: crypto.KeyRing
    ) -> None:
        total = 0
        for model, field in fields:
            count = _on_old_keys(model, field, ring).count()
            total += count
            self.stdout.write(f"{_label(model, field)}: {count} waarden op oude sleutels.")
        if total:
            raise CommandError(
                f"{total} waarden staan nog op oude sleutels; draai rotate_encryption_key."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Alle waarden staan op sleutel {ring.active_id}; oude sleutels kunnen weg."
            )
        )

    def _rotate(
        self,
        model: type[models.Model],
        field: EncryptedTextField,
        ring: crypto.KeyRing,
        *,
        batch_size: int,
        limit_batches: int | None,
        progress: bool,
    ) -> int:
        pending = _on_old_keys(model, field, ring)
        done = batches = 0
        with tqdm(
            total=pending.count(),
            desc=_label(model, field),
            unit="waarden",
            file=sys.stderr,
            disable=not progress,
        ) as bar:
            while limit_batches is None or batches < limit_batches:
                with transaction.atomic():
                    rows = list(
                        pending.select_for_update()
                        .order_by("pk")
                        .values_list("pk", "stored")[:batch_size]
                    )
                    for pk, stored in rows:
                        try:
                            plain = crypto.decrypt(stored, context=field.encryption_context)
                        except crypto.DecryptionError as exc:
                            raise CommandError(
                                f"{_label(model, field)} van rij {pk} is niet te ontsleutelen "
                                f"({exc}); controleer de sleutelring."
                            ) from exc
                        model._base_manager.filter(pk=pk).update(
                            **{field.attname: field.from_plain(plain)}
                        )
                if not rows:
                    break
                done += len(rows)
                batches += 1
                bar.update(len(rows))
        return done


def _on_old_keys(
    model: type[models.Model], field: EncryptedTextField, ring: crypto.KeyRing
) -> "models.QuerySet[Any]":
    # Compare the stored text itself: a lookup on the field would encrypt the lookup value.
    return (
        model._base_manager.annotate(stored=Cast(field.attname, models.TextField()))
        .filter(stored__isnull=False)
        .exclude(stored__startswith=f"{crypto.PREFIX}:{ring.active_id}:")
    )


def _label(model: type[models.Model], field: EncryptedTextField) -> str:
    return f"{model._meta.label}.{field.name}"
