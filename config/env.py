"""Typed readers for settings from the environment that fail loudly and clearly."""

import base64
import binascii
import os
import re

from django.core.exceptions import ImproperlyConfigured


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def env_str(name: str, default: str | _Required = REQUIRED) -> str:
    value = _raw(name)
    if value is not None:
        return value
    if isinstance(default, _Required):
        raise ImproperlyConfigured(
            f"Environment variable {name} is required but not set. "
            "See docs/operations.md for what it must contain."
        )
    return default


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be true or false, got {value!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"Environment variable {name} must be a whole number.") from exc
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"Environment variable {name} must be at least {minimum}.")
    return number


_RATE_PERIODS = {"second", "minute", "hour", "day"}


def env_rate(name: str, default: str) -> str:
    """A rate limit ``<number>/<second|minute|hour|day>``, e.g. ``600/minute``."""
    value = _raw(name)
    if value is None:
        return default
    number, _, period = value.partition("/")
    if not number.isdigit() or int(number) < 1 or period not in _RATE_PERIODS:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a rate such as 600/minute "
            "(a whole number of at least 1, then /second, /minute, /hour or /day)."
        )
    return f"{int(number)}/{period}"


def env_probability(name: str) -> float | None:
    """A probability strictly between 0 and 1, or None when not set."""
    value = _raw(name)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"Environment variable {name} must be a number.") from exc
    if not 0 < number < 1:
        raise ImproperlyConfigured(f"Environment variable {name} must lie between 0 and 1.")
    return number


def env_match_bands() -> tuple[float | None, float | None]:
    """SCHAKEL_MATCH_LIKELY and SCHAKEL_MATCH_POSSIBLE (each optional), the lower below the
    upper; the earlier SCHAKEL_MATCH_THRESHOLD (a score) is refused rather than ignored."""
    if _raw("SCHAKEL_MATCH_THRESHOLD") is not None:
        raise ImproperlyConfigured(
            "SCHAKEL_MATCH_THRESHOLD no longer exists: set SCHAKEL_MATCH_LIKELY and/or "
            "SCHAKEL_MATCH_POSSIBLE (match probabilities between 0 and 1), or neither."
        )
    likely = env_probability("SCHAKEL_MATCH_LIKELY")
    possible = env_probability("SCHAKEL_MATCH_POSSIBLE")
    if likely is not None and possible is not None and possible >= likely:
        raise ImproperlyConfigured(
            "SCHAKEL_MATCH_POSSIBLE must be lower than SCHAKEL_MATCH_LIKELY."
        )
    return likely, possible


def env_list(name: str, default: list[str] | _Required = REQUIRED) -> list[str]:
    value = _raw(name)
    if value is None:
        if isinstance(default, _Required):
            raise ImproperlyConfigured(
                f"Environment variable {name} is required: a comma-separated list."
            )
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def decode_key(name: str, encoded: str) -> bytes:
    """Decode a base64url 32-byte key, naming the variable when it is malformed."""
    try:
        key = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ImproperlyConfigured(f"{name} must be base64url-encoded.") from exc
    if len(key) != 32:
        raise ImproperlyConfigured(f"{name} must decode to exactly 32 bytes, got {len(key)}.")
    return key


def parse_key_ring(name: str, value: str) -> dict[str, bytes]:
    """Parse 'kid:key,kid:key' (first is the active key) into an ordered key ring."""
    ring: dict[str, bytes] = {}
    for entry in value.split(","):
        entry = entry.strip()
        if not entry:
            continue
        kid, sep, encoded = entry.partition(":")
        if not sep or not kid.isalnum() or len(kid) > 16:
            raise ImproperlyConfigured(
                f"{name}: each entry must be 'keyid:base64key' with an alphanumeric key id "
                "of at most 16 characters."
            )
        if kid in ring:
            raise ImproperlyConfigured(f"{name}: key id {kid!r} appears twice.")
        ring[kid] = decode_key(f"{name} ({kid})", encoded)
    if not ring:
        raise ImproperlyConfigured(f"{name} must hold at least one key.")
    return ring


_ORIGIN_HOST = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?"
)


def env_https_origin(name: str, default: str) -> str:
    """An https origin such as ``https://schakel.gemeente.example`` (no path; a trailing slash
    is dropped): where links in e-mail point."""
    value = (_raw(name) or default).rstrip("/")
    host = value.removeprefix("https://")
    # A host name (or IPv4 address), optionally with a port: no wildcard or leading dot, which
    # ALLOWED_HOSTS accepts but a link cannot use.
    if not value.startswith("https://") or not _ORIGIN_HOST.fullmatch(host):
        raise ImproperlyConfigured(
            f"Environment variable {name} must be an https address without a path, "
            "such as https://schakel.gemeente.example."
        )
    return value
