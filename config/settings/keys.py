"""Key material: from the environment in production, from a generated git-ignored file otherwise."""

import base64
import json
import os
import secrets
from pathlib import Path

from config.env import decode_key, env_str, parse_key_ring


def _new_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def load_or_create_dev_keys(path: Path) -> dict[str, str]:
    """Read the dev/demo key file, creating it with fresh random keys on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        keys = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SCHAKEL_ENCRYPTION_KEYS": f"k{secrets.token_hex(3)}:{_new_key()}",
            "SCHAKEL_PSEUDONYM_KEY": _new_key(),
            "SCHAKEL_LOG_PSEUDONYM_KEY": _new_key(),
        }
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump(keys, handle, indent=2)
    with path.open() as handle:
        loaded: dict[str, str] = json.load(handle)
    # Explicit environment variables win, so `rotate_encryption_key` can be tried in dev.
    return {name: os.environ.get(name) or value for name, value in loaded.items()}


def keys_from_environment() -> dict[str, str]:
    names = (
        "SECRET_KEY",
        "SCHAKEL_ENCRYPTION_KEYS",
        "SCHAKEL_PSEUDONYM_KEY",
        "SCHAKEL_LOG_PSEUDONYM_KEY",
    )
    return {name: env_str(name) for name in names}


def parsed(keys: dict[str, str]) -> tuple[dict[str, bytes], bytes, bytes]:
    ring = parse_key_ring("SCHAKEL_ENCRYPTION_KEYS", keys["SCHAKEL_ENCRYPTION_KEYS"])
    pseudonym = decode_key("SCHAKEL_PSEUDONYM_KEY", keys["SCHAKEL_PSEUDONYM_KEY"])
    log_pseudonym = decode_key("SCHAKEL_LOG_PSEUDONYM_KEY", keys["SCHAKEL_LOG_PSEUDONYM_KEY"])
    return ring, pseudonym, log_pseudonym
