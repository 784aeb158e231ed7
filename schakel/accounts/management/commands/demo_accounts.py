"""manage.py demo_accounts — how to sign in as each demo persona."""

from typing import Any

from django.core.management.base import BaseCommand

from schakel.accounts import demo


class Command(BaseCommand):
    help = "Toont de demo-accounts en hoe u de code voor de tweede stap krijgt."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--address", default="http://127.0.0.1:8000/")

    def handle(self, *args: Any, **options: Any) -> None:
        demo.require_demo_mode()
        out = self.stdout.write
        out("")
        out(f"Schakel draait op {options['address']}  (alle personen en gegevens zijn fictief)")
        out(f"Wachtwoord voor elk demo-account: {demo.DEMO_PASSWORD}")
        out("")
        out(f"{'Rol':<40} {'E-mailadres'}")
        for spec in demo.ACCOUNTS:
            role = str(spec.role.label) + (" + applicatiebeheer" if spec.superuser else "")
            note = "  (stelt zelf tweestapsverificatie in)" if not spec.enrolled else ""
            out(f"{role:<40} {spec.email}{note}")
        out("")
        out("Code voor de tweede stap (alleen in demomodus):")
        out("  .venv/bin/python manage.py demo_totp regievoerder@aldermeer.example")
        out("Die opdracht toont de huidige code en een otpauth-link voor een authenticator-app.")
        out("")
