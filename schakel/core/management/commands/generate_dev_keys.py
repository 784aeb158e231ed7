"""manage.py generate_dev_keys — make sure the git-ignored dev/demo key file exists."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Maakt var/dev-keys.json aan (alleen ontwikkeling en demo)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.SCHAKEL_DEMO_MODE:
            raise CommandError("In productie komen sleutels uit de omgeving, niet uit een bestand.")
        # Loading the dev settings already created the file if it was missing.
        path = settings.VAR_DIR / "dev-keys.json"
        self.stdout.write(f"Sleutels voor ontwikkeling en demo: {path}")
