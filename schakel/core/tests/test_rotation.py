"""manage.py rotate_encryption_key: re-encrypts every value, resumes, and tells when keys can go."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from schakel.audit.models import LogRecord
from schakel.core import crypto
from tests.testapp.models import EncryptedSample

KEY_A = b"key-A-key-A-key-A-key-A-key-A-!!"
KEY_B = b"key-B-key-B-key-B-key-B-key-B-!!"

pytestmark = pytest.mark.django_db


def stored_values() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT note FROM testapp_encryptedsample WHERE note IS NOT NULL"
            " UNION ALL SELECT details FROM testapp_encryptedsample WHERE details IS NOT NULL"
        )
        return [str(value) for (value,) in cursor.fetchall()]


def rotate(*args: str) -> str:
    out = StringIO()
    call_command("rotate_encryption_key", "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def rows_under_key_a(settings) -> list[EncryptedSample]:
    settings.SCHAKEL_ENCRYPTION_KEYS = {"A": KEY_A}
    rows = [
        EncryptedSample.objects.create(note=f"notitie {n}", details={"n": n, "tekst": "één"})
        for n in range(7)
    ]
    rows.append(EncryptedSample.objects.create(note="alleen tekst", details=None))
    settings.SCHAKEL_ENCRYPTION_KEYS = {"B": KEY_B, "A": KEY_A}
    return rows


def expected_content() -> dict[int, tuple[str | None, object]]:
    return {row.pk: (row.note, row.details) for row in EncryptedSample.objects.order_by("pk")}


def test_rotation_re_encrypts_every_value_and_the_old_key_can_then_go(
    rows_under_key_a, settings
) -> None:
    before = expected_content()
    assert all(value.startswith("v1:A:") for value in stored_values())

    out = rotate("--batch-size", "3")

    assert "testapp.EncryptedSample.note: 8 waarden opnieuw versleuteld" in out
    assert "testapp.EncryptedSample.details: 7 waarden opnieuw versleuteld" in out
    values = stored_values()
    assert len(values) == 15
    assert all(value.startswith("v1:B:") for value in values)
    settings.SCHAKEL_ENCRYPTION_KEYS = {"B": KEY_B}
    assert expected_content() == before
    assert "oude sleutels kunnen weg" in rotate("--check")


def test_check_counts_values_on_old_keys_and_fails_while_there_are_any(rows_under_key_a) -> None:
    with pytest.raises(CommandError, match="15 waarden staan nog op oude sleutels"):
        rotate("--check")


def test_a_stopped_rotation_continues_where_it_stopped(rows_under_key_a) -> None:
    rotate("--batch-size", "2", "--limit-batches", "1")

    values = stored_values()
    assert sum(value.startswith("v1:B:") for value in values) == 4  # one batch per field
    with pytest.raises(CommandError, match="11 waarden"):
        rotate("--check")

    rotate("--batch-size", "2")

    assert all(value.startswith("v1:B:") for value in stored_values())
    rotate("--check")


def test_a_batch_that_fails_half_way_is_rolled_back_and_redone(
    rows_under_key_a, monkeypatch
) -> None:
    real_encrypt = crypto.encrypt
    calls = 0

    def failing_encrypt(plaintext: str, **kwargs: object) -> str:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise RuntimeError("stroomstoring")
        return real_encrypt(plaintext, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(crypto, "encrypt", failing_encrypt)
    with pytest.raises(RuntimeError, match="stroomstoring"):
        rotate("--batch-size", "3")
    monkeypatch.undo()

    # The first batch (3 values) was committed; the second rolled back as a whole.
    assert sum(value.startswith("v1:B:") for value in stored_values()) == 3

    rotate("--batch-size", "3")

    assert all(value.startswith("v1:B:") for value in stored_values())


def test_a_value_under_an_unknown_key_stops_the_rotation_naming_the_row(
    rows_under_key_a, settings
) -> None:
    settings.SCHAKEL_ENCRYPTION_KEYS = {"C": b"key-C-key-C-key-C-key-C-key-C-!!", "B": KEY_B}
    first = rows_under_key_a[0]

    with pytest.raises(CommandError, match=f"rij {first.pk} is niet te ontsleutelen"):
        rotate()


def test_rotation_writes_no_processing_log_records(rows_under_key_a) -> None:
    rotate()

    assert not LogRecord.objects.exists()


def test_nothing_to_do_when_everything_is_on_the_active_key(settings) -> None:
    EncryptedSample.objects.create(note="al op de actieve sleutel")

    out = rotate()

    assert "note: 0 waarden opnieuw versleuteld" in out
