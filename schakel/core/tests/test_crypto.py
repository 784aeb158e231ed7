"""Encrypted fields (AES-GCM with a key ring) and keyed pseudonyms."""

import pytest
from django.db import connection

from schakel.core import crypto
from schakel.core.fields import EncryptedTextField, encrypted_fields
from schakel.core.pseudonyms import log_subject_pseudonym, matching_pseudonym
from tests.testapp.models import EncryptedSample

KEY_A = b"A" * 32
KEY_B = b"B" * 32
NOTE = "Zorgen over gedrag in de klas; gesprek met ouders gepland."
DETAILS = {"signalen": ["uitspraken", "isolement"], "aantal": 2, "urgent": True, "naam": "Émile"}


def raw(pk: int, column: str = "note") -> str | None:
    # Column names are fixed in this test, not input.
    sql = {
        "note": "SELECT note FROM testapp_encryptedsample WHERE id = %s",
        "details": "SELECT details FROM testapp_encryptedsample WHERE id = %s",
    }[column]
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        (value,) = cursor.fetchone()
    return None if value is None else str(value)


def write_raw(pk: int, column: str, value: str) -> None:
    sql = {
        "note": "UPDATE testapp_encryptedsample SET note = %s WHERE id = %s",
        "details": "UPDATE testapp_encryptedsample SET details = %s WHERE id = %s",
    }[column]
    with connection.cursor() as cursor:
        cursor.execute(sql, [value, pk])


@pytest.mark.django_db
def test_text_and_json_round_trip() -> None:
    sample = EncryptedSample.objects.create(note=NOTE, details=DETAILS)

    fresh = EncryptedSample.objects.get(pk=sample.pk)

    assert fresh.note == NOTE
    assert fresh.details == DETAILS


@pytest.mark.django_db
def test_empty_and_missing_values_round_trip() -> None:
    sample = EncryptedSample.objects.create(note="", details=[])
    empty = EncryptedSample.objects.create(note=None, details=None)

    assert EncryptedSample.objects.get(pk=sample.pk).note == ""
    assert EncryptedSample.objects.get(pk=sample.pk).details == []
    assert raw(empty.pk) is None  # NULL stays NULL: nothing to hide, nothing to rotate


@pytest.mark.django_db
def test_the_database_holds_ciphertext_not_the_plaintext() -> None:
    sample = EncryptedSample.objects.create(note=NOTE, details=DETAILS)

    stored_note, stored_details = str(raw(sample.pk)), str(raw(sample.pk, "details"))

    assert stored_note.startswith("v1:test1:")
    assert "klas" not in stored_note
    assert "isolement" not in stored_details
    assert "Émile" not in stored_details


@pytest.mark.django_db
def test_the_same_value_encrypts_differently_each_time() -> None:
    first = EncryptedSample.objects.create(note=NOTE)
    second = EncryptedSample.objects.create(note=NOTE)

    assert raw(first.pk) != raw(second.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("position", [12, 30, -3])
def test_tampered_ciphertext_is_rejected(position: int) -> None:
    sample = EncryptedSample.objects.create(note=NOTE)
    stored = str(raw(sample.pk))
    flipped = "A" if stored[position] != "A" else "B"
    write_raw(sample.pk, "note", stored[:position] + flipped + stored[position + 1 :])

    with pytest.raises(crypto.DecryptionError):
        EncryptedSample.objects.get(pk=sample.pk)


@pytest.mark.django_db
def test_a_truncated_or_malformed_value_is_rejected() -> None:
    sample = EncryptedSample.objects.create(note=NOTE)
    for bad in (str(raw(sample.pk))[:20], "v1:test1:", "plain text", "v2:test1:abc"):
        write_raw(sample.pk, "note", bad)
        with pytest.raises(crypto.DecryptionError):
            EncryptedSample.objects.get(pk=sample.pk)


@pytest.mark.django_db
def test_ciphertext_copied_to_another_column_does_not_decrypt() -> None:
    source = EncryptedSample.objects.create(note='{"signalen": []}', details=DETAILS)
    write_raw(source.pk, "details", str(raw(source.pk, "note")))

    with pytest.raises(crypto.DecryptionError, match="rejected"):
        EncryptedSample.objects.get(pk=source.pk)


@pytest.mark.django_db
def test_an_unknown_key_id_is_rejected(settings) -> None:
    sample = EncryptedSample.objects.create(note=NOTE)
    settings.SCHAKEL_ENCRYPTION_KEYS = {"other": KEY_B}

    with pytest.raises(crypto.DecryptionError, match="unknown key id 'test1'"):
        EncryptedSample.objects.get(pk=sample.pk)


def test_a_wrong_key_under_a_known_id_is_rejected() -> None:
    stored = crypto.encrypt("x", context="c", ring=crypto.KeyRing({"a": KEY_A}))

    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(stored, context="c", ring=crypto.KeyRing({"a": KEY_B}))


def test_the_first_key_encrypts_and_every_key_decrypts() -> None:
    old = crypto.encrypt("geheim", context="c", ring=crypto.KeyRing({"a": KEY_A}))
    ring = crypto.KeyRing({"b": KEY_B, "a": KEY_A})

    assert ring.active_id == "b"
    assert crypto.encrypt("geheim", context="c", ring=ring).startswith("v1:b:")
    assert crypto.decrypt(old, context="c", ring=ring) == "geheim"
    assert crypto.key_id_of(old) == "a"


@pytest.mark.parametrize(
    "keys",
    [{}, {"a": b"short"}, {"a:b": KEY_A}, {"": KEY_A}],
)
def test_a_malformed_key_ring_is_refused(keys: dict[str, bytes]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (each case has its own message)
        crypto.KeyRing(keys)


def test_encrypted_fields_cannot_be_indexed() -> None:
    with pytest.raises(ValueError, match="indexed"):
        EncryptedTextField(db_index=True)


def test_every_encrypted_field_is_found_for_rotation() -> None:
    found = {(model._meta.label, field.name) for model, field in encrypted_fields()}

    assert {("testapp.EncryptedSample", "note"), ("testapp.EncryptedSample", "details")} <= found


# --- keyed pseudonyms ------------------------------------------------------------------------


def test_a_pseudonym_is_stable_for_the_same_key_and_input() -> None:
    assert log_subject_pseudonym("person", "42") == log_subject_pseudonym("person", "42")
    assert matching_pseudonym("bsn", "999999990") == matching_pseudonym("bsn", "999999990")


def test_pseudonyms_ignore_case_width_and_surrounding_space() -> None:
    assert matching_pseudonym("name", " Émile  ") == matching_pseudonym("name", "émile")
    assert matching_pseudonym("name", "ＡＢＣ") == matching_pseudonym("name", "abc")


def test_a_pseudonym_differs_by_subject_type_and_input() -> None:
    assert log_subject_pseudonym("person", "42") != log_subject_pseudonym("employee", "42")
    assert log_subject_pseudonym("person", "42") != log_subject_pseudonym("person", "43")


def test_the_log_and_matching_pseudonyms_do_not_link() -> None:
    assert log_subject_pseudonym("person", "42") != matching_pseudonym("person", "42")


def test_parts_cannot_be_shifted_into_each_other() -> None:
    assert matching_pseudonym("ab", "c") != matching_pseudonym("a", "bc")


def test_a_pseudonym_changes_with_its_key(settings) -> None:
    before = log_subject_pseudonym("person", "42")
    settings.SCHAKEL_LOG_PSEUDONYM_KEY = b"another-log-pseudonym-key-000000"

    assert log_subject_pseudonym("person", "42") != before
    assert len(before) == 64
    assert int(before, 16) >= 0
