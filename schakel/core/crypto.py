"""Authenticated encryption of person data at rest (AES-256-GCM with a key ring).

A stored value reads ``v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>``. The key id lets old
data stay readable after rotation; the associated data binds a ciphertext to its column, so a
value copied into another column does not decrypt.
"""

import base64
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "v1"
NONCE_BYTES = 12


class DecryptionError(Exception):
    """A stored value could not be decrypted: unknown key, tampered or malformed."""


@dataclass(frozen=True)
class KeyRing:
    """Key id → 256-bit key; the first key encrypts, every key decrypts."""

    keys: dict[str, bytes]

    def __post_init__(self) -> None:
        if not self.keys:
            raise ValueError("The encryption key ring is empty.")
        for kid, key in self.keys.items():
            if not kid or ":" in kid:
                raise ValueError(f"Invalid encryption key id {kid!r}.")
            if len(key) != 32:
                raise ValueError(f"Encryption key {kid!r} must be 32 bytes (AES-256).")

    @property
    def active_id(self) -> str:
        return next(iter(self.keys))

    @classmethod
    def from_settings(cls) -> "KeyRing":
        ring: dict[str, bytes] = settings.SCHAKEL_ENCRYPTION_KEYS
        return cls(dict(ring))


def encrypt(plaintext: str, *, context: str, ring: KeyRing | None = None) -> str:
    ring = ring or KeyRing.from_settings()
    kid = ring.active_id
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(ring.keys[kid]).encrypt(nonce, plaintext.encode(), context.encode())
    body = base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")
    return f"{PREFIX}:{kid}:{body}"


def key_id_of(stored: str) -> str:
    parts = stored.split(":", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        raise DecryptionError("not an encrypted value")
    return parts[1]


def decrypt(stored: str, *, context: str, ring: KeyRing | None = None) -> str:
    ring = ring or KeyRing.from_settings()
    kid = key_id_of(stored)
    key = ring.keys.get(kid)
    if key is None:
        raise DecryptionError(f"unknown key id {kid!r}")
    body = stored.split(":", 2)[2]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        nonce, sealed = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
        return AESGCM(key).decrypt(nonce, sealed, context.encode()).decode()
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("ciphertext rejected") from exc
