"""No plain name, date of birth or BSN in the encodings, the blocking keys or any stored row."""

from datetime import date

import pytest
from django.db import connection

from schakel.intake.models import BlockingKey, IdentityEncoding
from schakel.intake.tests.factories import VALID_BSN, register

pytestmark = pytest.mark.django_db

GIVEN, PREFIX, SURNAME = "Quirijn Evert", "van der", "Zandvoortstra"
BIRTH = date(1998, 7, 23)
NEEDLES = [
    "quirijn",
    "evert",
    "zandvoortstra",
    "zndfrt",  # the phonetic code used for blocking must not be stored either
    "1998-07-23",
    "23-07-1998",
    "19980723",
    "23071998",
    VALID_BSN,
]


def all_rows(table: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return [repr(row).casefold() for row in cursor.fetchall()]


def dump_of_every_table() -> str:
    tables = connection.introspection.table_names()
    return "\n".join(line for table in tables for line in all_rows(table))


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
    )


def test_encoding_and_blocking_rows_hold_only_bits_and_keyed_integers(registered):
    encoding = IdentityEncoding.objects.get(signal=registered.signal)
    assert len(bytes(encoding.given_names_bloom)) == 64
    assert BlockingKey.objects.filter(encoding=encoding).count() >= 6
    text = "\n".join(all_rows("intake_identityencoding") + all_rows("intake_blockingkey"))
    for needle in NEEDLES:
        assert needle not in text
    # Bloom filters are bits; no ASCII run of the name shows up in them either.
    blooms = b"".join(
        bytes(getattr(encoding, f))
        for f in ("given_names_bloom", "surname_bloom", "date_of_birth_bloom")
    )
    for needle in ("quirijn", "zandvoortstra", "1998"):
        assert needle.encode() not in blooms.lower()


def test_no_table_holds_the_identifiers_in_plain_text(registered):
    dump = dump_of_every_table()
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
