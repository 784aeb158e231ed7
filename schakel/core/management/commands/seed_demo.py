"""manage.py seed_demo — the fictional demo region with one account per persona (idempotent).

Each app adds its own demo data (``DEMO_DATA`` in its ``contributions.py``: a callable that adds
what is missing and says what it added, or nothing), in the order of the layers.
"""

from typing import Any

from django.core.management.base import BaseCommand

from schakel.core.extensions import DEMO_DATA, contributions


class Command(BaseCommand):
    help = "Laadt de fictieve demoregio met een account per rol. Opnieuw draaien verandert niets."

    def handle(self, *args: Any, **options: Any) -> None:
        for seed in contributions(DEMO_DATA):
            message = seed()
            if message:
                self.stdout.write(self.style.SUCCESS(message))
