"""Keyed, error-tolerant encodings of an identity; pure functions, no database.

- Bloom filters (Schnell et al.): every q-gram of a field is hashed with HMAC-SHA256 under the
  matching key into k bit positions (double hashing). Similar names share most q-grams and so
  most bits; the bits reveal nothing without the key.
- Keys: HMAC-SHA256 truncated to a signed 64-bit integer, each with its own purpose label, for
  exact comparisons (BSN, date of birth, …) and for blocking.

Nothing here returns or stores a plain name, date of birth or BSN.
"""

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.conf import settings

from schakel.intake.convergence.normalise import (
    fold,
    given_name_tokens,
    phonetic,
    split_surname,
)


@dataclass(frozen=True)
class Identity:
    """The identifying part of a signal as registered (plain, in memory only)."""

    given_names: str
    surname_prefix: str
    surname: str
    date_of_birth: date
    sex: str = ""
    bsn: str = ""


@dataclass(frozen=True)
class BloomSpec:
    bits: int
    hashes: int


# Names: 1024 bits and 6 hashes per bigram keep even three given names below about 1 bit in 8
# set, so that unrelated names share few bits by chance (with 512 bits and 10 hashes they shared
# enough for a Dice coefficient of about 0.35, which made false suggestions; docs/benchmarks.md).
GIVEN_NAMES = BloomSpec(bits=1024, hashes=6)
SURNAME = BloomSpec(bits=1024, hashes=6)
DATE_OF_BIRTH = BloomSpec(bits=128, hashes=4)


@dataclass(frozen=True)
class Encoding:
    """Bloom filters as integers (bit sets) plus keyed 64-bit keys; ``None`` where unknown."""

    given_names: int
    surname: int
    date_of_birth: int
    date_of_birth_key: int
    date_of_birth_unordered_key: int
    given_names_ordered_key: int | None
    given_names_sorted_key: int | None
    surname_prefix_key: int | None
    sex_key: int | None
    bsn_key: int | None
    blocking_keys: frozenset[int]


def _key() -> bytes:
    key: bytes = settings.SCHAKEL_PSEUDONYM_KEY
    return key


@lru_cache(maxsize=16)
def _derived_from(key: bytes, label: str) -> bytes:
    return hmac.digest(key, b"schakel-convergence:" + label.encode(), "sha256")


def _derived(label: str) -> bytes:
    return _derived_from(_key(), label)


def keyed_int(key: bytes, *parts: str) -> int:
    """A signed 64-bit HMAC of the parts (fits a BigIntegerField on both databases)."""
    digest = hmac.digest(key, "\x1f".join(parts).encode(), "sha256")
    return int.from_bytes(digest[:8], "big", signed=True)


def bigrams(token: str) -> list[str]:
    padded = f"_{token}_"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


@lru_cache(maxsize=65536)
def gram_bits(key: bytes, field: str, gram: str, spec: BloomSpec) -> int:
    """The k bit positions of one q-gram (cached: names share a small set of q-grams)."""
    digest = hmac.digest(key, f"{field}\x1f{gram}".encode(), "sha256")
    first = int.from_bytes(digest[:8], "big")
    step = int.from_bytes(digest[8:16], "big") | 1
    bits = 0
    for i in range(spec.hashes):
        bits |= 1 << ((first + i * step) % spec.bits)
    return bits


def bloom(key: bytes, field: str, grams: Iterable[str], spec: BloomSpec) -> int:
    bits = 0
    for gram in set(grams):
        bits |= gram_bits(key, field, gram, spec)
    return bits


def bloom_bytes(bits: int, spec: BloomSpec) -> bytes:
    return bits.to_bytes(spec.bits // 8, "big")


def bloom_from_bytes(value: bytes | memoryview) -> int:
    return int.from_bytes(bytes(value), "big")


def _date_tokens(value: date) -> list[str]:
    digits = f"{value.year:04d}{value.month:02d}{value.day:02d}"
    return [f"{position}:{digit}" for position, digit in enumerate(digits)]


def _unordered_day_month(value: date) -> tuple[str, str]:
    low, high = sorted((value.day, value.month))
    return f"{low:02d}", f"{high:02d}"


def normalise_bsn(bsn: str) -> str:
    digits = "".join(c for c in bsn if c.isdigit())
    return digits.zfill(9) if digits else ""


def encode(identity: Identity) -> Encoding:
    bloom_key = _derived("bloom")
    exact_key = _derived("exact")
    block_key = _derived("blocking")

    given = given_name_tokens(identity.given_names)
    prefix, surname_parts = split_surname(identity.surname_prefix, identity.surname)
    dob = identity.date_of_birth
    year = f"{dob.year:04d}"
    low, high = _unordered_day_month(dob)
    bsn = normalise_bsn(identity.bsn)
    sex = fold(identity.sex)

    # Which earlier signals are compared at all. A pair can only reach the suggestion threshold
    # when the date of birth agrees up to day/month order (the "dob~" key), or when both names
    # agree (then a given-name code and a surname code agree: the "gs" keys), or the BSN is equal.
    # Broader keys (a name code with the birth year, …) only added pairs that cannot reach the
    # threshold and made blocks of hundreds of records at a million signals (docs/benchmarks.md).
    blocking = {keyed_int(block_key, "dob~", year, low, high)}
    if bsn:
        blocking.add(keyed_int(block_key, "bsn", bsn))
    given_codes = {phonetic(g) for g in given} - {""}
    surname_codes = {phonetic(p) for p in surname_parts} - {""}
    for s_code in surname_codes:
        for g_code in given_codes:
            blocking.add(keyed_int(block_key, "gs", g_code, s_code))

    return Encoding(
        given_names=bloom(bloom_key, "g", (b for g in given for b in bigrams(g)), GIVEN_NAMES),
        surname=bloom(bloom_key, "s", (b for p in surname_parts for b in bigrams(p)), SURNAME),
        date_of_birth=bloom(bloom_key, "d", _date_tokens(dob), DATE_OF_BIRTH),
        date_of_birth_key=keyed_int(exact_key, "dob", dob.isoformat()),
        date_of_birth_unordered_key=keyed_int(exact_key, "dob~", year, low, high),
        given_names_ordered_key=keyed_int(exact_key, "given", *given) if given else None,
        given_names_sorted_key=keyed_int(exact_key, "given~", *sorted(given)) if given else None,
        surname_prefix_key=keyed_int(exact_key, "prefix", prefix) if prefix else None,
        sex_key=keyed_int(exact_key, "sex", sex) if sex else None,
        bsn_key=keyed_int(exact_key, "bsn", bsn) if bsn else None,
        blocking_keys=frozenset(blocking),
    )
