"""Keyed pseudonyms (HMAC-SHA256). Each purpose has its own key so pseudonyms do not link.

- ``log_subject_pseudonym``: the data-subject id in the processing log (SCHAKEL_LOG_PSEUDONYM_KEY).
- ``matching_pseudonym``: keys for bringing signals together (SCHAKEL_PSEUDONYM_KEY).
"""

import hashlib
import hmac
import unicodedata

from django.conf import settings


def _normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


def keyed_hash(key: bytes, *parts: str) -> str:
    message = "\x1f".join(_normalise(p) for p in parts).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def log_subject_pseudonym(subject_type: str, identifier: str) -> str:
    key: bytes = settings.SCHAKEL_LOG_PSEUDONYM_KEY
    return keyed_hash(key, subject_type, identifier)


def matching_pseudonym(purpose: str, *parts: str) -> str:
    key: bytes = settings.SCHAKEL_PSEUDONYM_KEY
    return keyed_hash(key, purpose, *parts)
