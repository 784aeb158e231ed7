"""Keyed primitives of the encodings: sub-keys, keyed hashes, keyed Bloom filters, year sets.

Every value is keyed with a sub-key of ``SCHAKEL_PSEUDONYM_KEY`` of its own purpose (per field
for Bloom filters; one shared "name" key for name tokens that are compared across fields).
Bloom filters set, for each bigram, bits at positions drawn independently from that bigram's
own HMAC — no double hashing, whose structure the published pattern-mining attacks exploit
(decision 0009).
"""

import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from django.conf import settings

from schakel.intake.convergence import layout

BLOOM_HASHES = 5


_override: list[bytes] = []


def _key() -> bytes:
    if _override:
        return _override[-1]
    key: bytes = settings.SCHAKEL_PSEUDONYM_KEY
    return key


@contextmanager
def using_key(key: bytes) -> Iterator[None]:
    """Encode under another key for a while (the duplicate finder: a fresh key per run, so
    that nothing it computes can be related to stored encodings)."""
    _override.append(key)
    try:
        yield
    finally:
        _override.pop()


@lru_cache(maxsize=64)
def _derived_from(key: bytes, label: str) -> bytes:
    return hmac.digest(key, f"schakel-convergence-v{layout.VERSION}:{label}".encode(), "sha256")


def sub_key(label: str) -> bytes:
    return _derived_from(_key(), label)


def h32(key: bytes, *parts: str) -> int:
    """A nonzero 32-bit keyed hash of the parts (0 stands for "not known")."""
    digest = hmac.digest(key, "\x1f".join(parts).encode(), "sha256")
    return int.from_bytes(digest[:4], "big") or 1


def keyed_int(key: bytes, *parts: str) -> int:
    """A signed 64-bit keyed hash of the parts (fits a BigIntegerField on both databases)."""
    digest = hmac.digest(key, "\x1f".join(parts).encode(), "sha256")
    return int.from_bytes(digest[:8], "big", signed=True)


def bigrams(token: str) -> list[str]:
    padded = f"_{token}_"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


@lru_cache(maxsize=131072)
def gram_bits(key: bytes, gram: str) -> int:
    """The bit positions of one bigram: each from its own 16 bits of the bigram's HMAC."""
    digest = hmac.digest(key, gram.encode(), "sha256")
    bits = 0
    for i in range(BLOOM_HASHES):
        bits |= 1 << (int.from_bytes(digest[2 * i : 2 * i + 2], "big") % layout.BLOOM_BITS)
    return bits


def bloom_words(key: bytes, tokens: list[str] | tuple[str, ...]) -> list[int]:
    """The Bloom filter of the tokens' bigrams as 64-bit words."""
    bits = 0
    for gram in {g for token in tokens for g in bigrams(token)}:
        bits |= gram_bits(key, gram)
    return [(bits >> (64 * i)) & 0xFFFFFFFFFFFFFFFF for i in range(layout.BLOOM_WORDS)]


@lru_cache(maxsize=8)
def _year_slots(key: bytes) -> dict[int, int]:
    """A keyed permutation of the years onto the bit positions of the year sets."""
    years = range(layout.YEAR_FIRST, layout.YEAR_FIRST + layout.YEAR_SLOTS)
    ranked = sorted(years, key=lambda y: hmac.digest(key, str(y).encode(), "sha256"))
    return {year: slot for slot, year in enumerate(ranked)}


def year_words(years: range) -> list[int]:
    """The years as a bit set over their keyed positions (years outside the span are left out)."""
    slots = _year_slots(sub_key("years"))
    bits = 0
    for year in years:
        slot = slots.get(year)
        if slot is not None:
            bits |= 1 << slot
    return [(bits >> (64 * i)) & 0xFFFFFFFFFFFFFFFF for i in range(layout.YEAR_WORDS)]
