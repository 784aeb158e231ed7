"""TOTP enrolment and verification (django-otp), with single-use recovery codes."""

import secrets

import segno
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.models import User

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"


def has_confirmed_device(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def is_verified(user: object) -> bool:
    """Whether the user passed the second factor in this session (set by OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(getattr(user, "is_authenticated", False) and callable(check) and check())


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed device being enrolled; a fresh secret each time enrolment starts over."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The provisioning URI as an inline SVG (no script, no external request)."""
    qr = segno.make(device.config_url, error="m")
    return str(qr.svg_inline(scale=4, dark="#000", light="#fff", title="QR-code"))


def base32_secret(device: TOTPDevice) -> str:
    import base64

    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with fresh single-use ones and return them once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def verify_second_factor(user: User, code: str):  # type: ignore[no-untyped-def]
    """Return the device that accepts the code (TOTP or a recovery code), else None."""
    cleaned = code.strip().replace(" ", "").lower()
    if not cleaned:
        return None
    for device in devices_for_user(user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(cleaned):
            return device
    return None
