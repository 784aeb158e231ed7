"""manage.py demo_totp EMAIL — the current TOTP code of a demo account (demo mode only).

MFA stays mandatory: this reads the demo account's own device, exactly as an authenticator app
would. It refuses outside demo mode and for any account that is not one of the fictional demo
accounts, so it cannot weaken MFA in a real installation.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts import demo
from schakel.accounts.models import User


class Command(BaseCommand):
    help = "Toont de huidige TOTP-code van een demo-account (alleen in demomodus)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        demo.require_demo_mode()
        user = User.objects.filter(email=options["email"].strip().lower()).first()
        if user is None or not demo.is_demo_account(user):
            raise CommandError("Dit is geen demo-account.")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            raise CommandError(
                "Dit account heeft nog geen tweestapsverificatie; log in om die in te stellen."
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        remaining = device.step - int(totp.time - device.t0) % device.step
        self.stdout.write(
            f"Code: {totp.token():0{device.digits}d}  (nog {remaining} seconden geldig)"
        )
        self.stdout.write(f"Voor een authenticator-app: {device.config_url}")
