"""Readable references: one sequence per kind, scope and year, handed out atomically."""

import threading
import uuid
from datetime import date

import pytest
from django.db import connection, transaction

from schakel.core.references import (
    INSTALLATION,
    ReferenceCounter,
    format_reference,
    next_number,
    next_reference,
    normalise,
)

SCOPE_A = uuid.UUID("00000000-0000-4000-8000-00000000000a")
SCOPE_B = uuid.UUID("00000000-0000-4000-8000-00000000000b")


@pytest.mark.django_db
def test_numbers_follow_each_other_per_kind_scope_and_year() -> None:
    assert [next_reference("CAS", SCOPE_A, date(2026, 3, 1)) for _ in range(3)] == [
        "CAS-2026-0001",
        "CAS-2026-0002",
        "CAS-2026-0003",
    ]
    # Another scope, another year and another kind each start their own sequence.
    assert next_reference("CAS", SCOPE_B, date(2026, 3, 1)) == "CAS-2026-0001"
    assert next_reference("CAS", SCOPE_A, date(2027, 1, 1)) == "CAS-2027-0001"
    assert next_reference("SIG", SCOPE_A, date(2026, 3, 1)) == "SIG-2026-0001"
    assert next_reference("CAS", SCOPE_A, date(2026, 12, 31)) == "CAS-2026-0004"
    assert next_reference("PER", None, date(2026, 1, 1)) == "PER-2026-0001"
    assert ReferenceCounter.objects.get(prefix="PER").scope == INSTALLATION


@pytest.mark.django_db
def test_a_rolled_back_creation_gives_its_number_back() -> None:
    next_number("CAS", SCOPE_A, 2026)
    taken: list[int] = []

    def create_and_fail() -> None:
        with transaction.atomic():
            taken.append(next_number("CAS", SCOPE_A, 2026))
            raise RuntimeError("the creation failed")

    with pytest.raises(RuntimeError):
        create_and_fail()
    assert taken == [2]
    assert next_number("CAS", SCOPE_A, 2026) == 2


def test_more_than_four_digits_still_fit() -> None:
    assert format_reference("SIG", 2026, 12345) == "SIG-2026-12345"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("CAS-2026-0042", "CAS-2026-0042"),
        ("cas-2026-0042", "CAS-2026-0042"),
        (" cas20260042 ", "CAS-2026-0042"),
        ("CAS-2026-42", "CAS-2026-0042"),
        ("CAS 2026 0042", "CAS-2026-0042"),
        ("Jansen", None),
        ("C-1A2B3C4D", None),
        ("CAS-26-0042", None),
        ("", None),
    ],
)
def test_a_typed_reference_is_normalised(typed: str, stored: str | None) -> None:
    assert normalise(typed) == stored


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises all writers; PostgreSQL only"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_callers_never_get_the_same_number() -> None:
    got: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def take() -> None:
        try:
            start.wait()
            for _ in range(25):
                with transaction.atomic():
                    got.append(next_number("CAS", SCOPE_A, 2026))
        except BaseException as exc:  # pragma: no cover (reported below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(got) == list(range(1, 101))
    assert ReferenceCounter.objects.get(prefix="CAS", scope=SCOPE_A, year=2026).last == 100
