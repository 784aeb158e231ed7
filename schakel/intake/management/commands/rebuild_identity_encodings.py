"""manage.py rebuild_identity_encodings — derive signals' encodings and blocking keys anew.

Needed after an upgrade changes the encoding (stored encodings of an older version are not
compared until rebuilt) and after the matching key (SCHAKEL_PSEUDONYM_KEY) is replaced
(``--all``: encodings under different keys never match). Reads the encrypted identities, so it
runs on the server only. Resumable: each batch is its own transaction, and a run that stopped
is continued by running it again — it takes the signals whose encoding is missing or of an
older version (with ``--all``: those not rebuilt since the run started, by ``--since``).
Existing suggestions and decisions stay as they are.
"""

import sys
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from tqdm import tqdm

from schakel.audit import services as audit
from schakel.intake.activities import IntakeActivity
from schakel.intake.convergence import engine, layout
from schakel.intake.convergence.encoding import encode
from schakel.intake.models import IdentityEncoding, Signal
from schakel.intake.services import person
from schakel.intake.signal_input import identity_of_signal


class Command(BaseCommand):
    help = (
        "Berekent de coderingen en blokkeersleutels van signalen opnieuw: die zonder of met een "
        "verouderde codering (hervatbaar), of met --all alle."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--all",
            action="store_true",
            help="Alle signalen (na een nieuwe matchingsleutel), niet alleen verouderde.",
        )
        parser.add_argument(
            "--since",
            default="",
            help="Met --all: sla coderingen over die na dit moment (ISO) zijn gemaakt; "
            "zo hervat u een onderbroken --all-run. De opdracht toont het moment bij de start.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args: Any, **options: Any) -> None:
        size = options["batch_size"]
        if size < 1:
            raise CommandError("--batch-size moet minstens 1 zijn.")
        since = self._since(options)
        todo = self._todo(rebuild_all=options["all"], since=since)
        total = todo.count()
        if options["all"]:
            self.stdout.write(
                f"Gestart op {since.isoformat()}; hervat met --all --since {since.isoformat()}."
            )
        show = not options["no_progress"] and sys.stderr.isatty()
        done = 0
        with tqdm(total=total, unit="signaal", disable=not show, file=sys.stderr) as bar:
            while True:
                batch = list(todo.order_by("pk").values_list("pk", flat=True)[:size])
                if not batch:
                    break
                self._rebuild(batch)
                done += len(batch)
                bar.update(len(batch))
        self.stdout.write(f"{done} signalen opnieuw gecodeerd.")

    def _since(self, options: dict[str, Any]) -> datetime:
        if not options["since"]:
            return timezone.now()
        found = parse_datetime(options["since"])
        if found is None or not options["all"]:
            raise CommandError("--since verwacht een moment (ISO 8601) en hoort bij --all.")
        return found

    def _todo(self, *, rebuild_all: bool, since: datetime) -> QuerySet[Signal]:
        signals = Signal.objects.filter(person_data_deleted_at=None)
        if rebuild_all:
            fresh = IdentityEncoding.objects.filter(
                version=layout.VERSION, built_at__gte=since
            ).values("signal_id")
            return signals.exclude(pk__in=fresh)
        current = IdentityEncoding.objects.filter(version=layout.VERSION).values("signal_id")
        return signals.exclude(pk__in=current)

    def _rebuild(self, batch: list[Any]) -> None:
        with transaction.atomic():
            signals = list(
                Signal.objects.select_for_update()
                .filter(pk__in=batch, person_data_deleted_at=None)
                .order_by("pk")
            )
            IdentityEncoding.objects.filter(Q(signal_id__in=batch)).delete()
            for signal in Signal.objects.filter(pk__in=[s.pk for s in signals]).prefetch_related(
                "online_accounts"
            ):
                engine.store_encoding(signal, encode(identity_of_signal(signal)))
            audit.log_processing(
                activity=IntakeActivity.CONVERGENCE_REVIEW,
                name="identity_encoding_rebuilt",
                by=None,
                subjects=[person(signal) for signal in signals],
                attributes={"version": layout.VERSION},
            )
