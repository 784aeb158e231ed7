"""No plain name, date of birth, BSN or handle in the encodings, the blocking keys or any stored
row."""

import re
from datetime import date

import pytest

from schakel.core.tests.raw_rows import raw_dump
from schakel.intake.convergence import layout
from schakel.intake.models import BlockingKey, IdentityEncoding
from schakel.intake.services import AccountInput
from schakel.intake.tests.factories import VALID_BSN, register

pytestmark = pytest.mark.django_db

GIVEN, PREFIX, SURNAME = "Quirijn Evert", "van der", "Zandvoortstra"
BIRTH = date(1998, 7, 23)
NEEDLES = [
    "quirijn",
    "evert",
    "zandvoortstra",
    "sntfrtstr",  # the sound skeleton used for blocking must not be stored either
    "qui",  # nor the first letters of a name
    "1998-07-23",
    "23-07-1998",
    "19980723",
    "23071998",
    VALID_BSN,
    "zvstra_98",  # the online handle
]


def encoding_rows() -> str:
    rows = list(IdentityEncoding.objects.values_list()) + list(BlockingKey.objects.values_list())
    return repr(rows).casefold()


@pytest.fixture
def registered(personas):
    return register(
        personas.police_member,
        residence=personas.municipality_a,
        given_names=GIVEN,
        surname_prefix=PREFIX,
        surname=SURNAME,
        date_of_birth=BIRTH,
        bsn=VALID_BSN,
        online_accounts=(AccountInput("Instagram", "@zvstra_98"),),
    )


def test_encoding_and_blocking_rows_hold_only_bits_and_keyed_integers(registered):
    encoding = IdentityEncoding.objects.get(signal=registered.signal)
    assert len(bytes(encoding.features)) == layout.ITEMSIZE
    assert encoding.version == layout.VERSION
    assert BlockingKey.objects.filter(encoding=encoding).count() >= 4
    text = encoding_rows()
    for needle in NEEDLES:
        assert needle not in text
    # The encoding is keyed hashes and bits; no ASCII run of an identifier shows up in it.
    features = bytes(encoding.features).lower()
    for needle in ("quirijn", "zandvoortstra", "1998", VALID_BSN):
        assert needle.encode() not in features


# An encrypted value as stored ("v1:<key id>:<base64url>"): random text that may hold a short
# needle such as "qui" by chance, so it is left out of the search.
CIPHERTEXT = re.compile(r"v\d+:[a-z0-9]+:[a-z0-9_=-]+")
# The test users' password hashes ("md5$<salt>$<hash>", "argon2$…"): random text as well.
PASSWORD_HASH = re.compile(r"\b(?:md5|pbkdf2_sha256|argon2)\$[^'\"\s,\]]+")


def test_no_table_holds_the_identifiers_in_plain_text(registered):
    dump = PASSWORD_HASH.sub("<hash>", CIPHERTEXT.sub("<encrypted>", raw_dump()))
    assert "<encrypted>" in dump  # the person fields are there, as ciphertext
    for needle in NEEDLES:
        assert needle not in dump, needle


def test_the_same_identity_under_another_key_gives_unrelated_keys(registered, settings, personas):
    first = set(
        BlockingKey.objects.filter(encoding__signal=registered.signal).values_list("key", flat=True)
    )
    settings.SCHAKEL_PSEUDONYM_KEY = b"\x01" * 32
    again = register(
        personas.school_member,
        residence=personas.municipality_a,
        given_names=GIVEN,
        surname_prefix=PREFIX,
        surname=SURNAME,
        date_of_birth=BIRTH,
    )
    second = set(
        BlockingKey.objects.filter(encoding__signal=again.signal).values_list("key", flat=True)
    )
    assert first.isdisjoint(second)
    assert again.suggestions == []
