"""manage.py seed_demo — the fictional demo region with one account per persona (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand

from schakel.accounts import demo
from schakel.cases.demo import seed_cases_demo
from schakel.intake import demo as intake_demo
from schakel.privacy.demo import seed_privacy_demo


class Command(BaseCommand):
    help = "Laadt de fictieve demoregio met een account per rol. Opnieuw draaien verandert niets."

    def handle(self, *args: Any, **options: Any) -> None:
        users = demo.seed()
        signals = intake_demo.seed()
        self.stdout.write(self.style.SUCCESS(f"Demodata aanwezig: {len(users)} demo-accounts."))
        if signals:
            self.stdout.write(self.style.SUCCESS(f"{signals} fictieve demosignalen toegevoegd."))
        if seed_cases_demo():
            self.stdout.write(
                self.style.SUCCESS(
                    "Fictieve weging, casus, casusoverleggen en plan van aanpak toegevoegd."
                )
            )
        if seed_privacy_demo():
            self.stdout.write(
                self.style.SUCCESS(
                    "Fictief AVG-verzoek met inbreng en een bewaarplicht toegevoegd."
                )
            )
