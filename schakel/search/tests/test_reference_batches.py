"""Readable references outside ``save``: a batch numbered for ``bulk_create``, the database
refusing a row without one, and the migrations' backfill reading no encrypted column."""

from datetime import date, datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from schakel.core import references
from schakel.core.references import INSTALLATION, ReferenceCounter
from schakel.intake.models import Signal, Subject
from schakel.intake.tests.factories import register

pytestmark = pytest.mark.django_db


def test_a_batch_gets_consecutive_numbers_in_one_counter_update() -> None:
    year = timezone.localdate().year
    Subject.objects.create()  # the year's first number, through save
    batch = [Subject() for _ in range(3)]
    with CaptureQueriesContext(connection) as queries:
        references.assign(batch)
    writes = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith(("UPDATE", "INSERT"))
    ]
    assert len(writes) == 1
    Subject.objects.bulk_create(batch)
    assert [s.reference for s in batch] == [f"PER-{year}-000{n}" for n in (2, 3, 4)]
    # The sequence goes on after the batch; objects that have a reference keep theirs.
    extra = Subject()
    references.assign([*batch, extra])
    assert extra.reference == f"PER-{year}-0005"
    assert batch[0].reference == f"PER-{year}-0002"
    assert ReferenceCounter.objects.get(prefix="PER", scope=INSTALLATION, year=year).last == 5
    # Another year's batch starts that year's sequence.
    later = [Subject(), Subject()]
    references.assign(later, on=date(year + 1, 1, 1))
    assert [s.reference for s in later] == [f"PER-{year + 1}-0001", f"PER-{year + 1}-0002"]


def test_the_database_refuses_a_row_without_a_reference() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Subject.objects.bulk_create([Subject()])
    subject = Subject.objects.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Subject.objects.filter(pk=subject.pk).update(reference="")


def _signals(personas: object, count: int) -> list[Signal]:
    lead = personas.lead_a  # type: ignore[attr-defined]
    residence = lead.memberships.get().organisation
    return [register(lead, residence=residence).signal for _ in range(count)]


def test_the_backfill_numbers_in_creation_order_per_year_in_batches(personas, monkeypatch) -> None:
    signals = _signals(personas, 5)
    moments = [
        datetime(2025, 12, 31, 12, tzinfo=timezone.get_current_timezone()),
        datetime(2026, 1, 2, 9, tzinfo=timezone.get_current_timezone()),
    ]
    # Two in 2025 (the later one created first), three in 2026 at the same moment (by pk then).
    created = [moments[0], moments[0].replace(hour=8), moments[1], moments[1], moments[1]]
    for number, (signal, at) in enumerate(zip(signals, created, strict=True)):
        Signal.objects.filter(pk=signal.pk).update(created_at=at, reference=f"OLD-{number}")
    monkeypatch.setattr(references, "BACKFILL_BATCH", 2)
    with CaptureQueriesContext(connection) as queries:
        references.backfill(Signal, "SIG", ReferenceCounter)
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert not any("surname" in sql or "given_names" in sql for sql in selects)
    got = dict(Signal.objects.values_list("pk", "reference"))
    later_2026 = sorted(s.pk for s in signals[2:])
    assert got[signals[1].pk] == "SIG-2025-0001"
    assert got[signals[0].pk] == "SIG-2025-0002"
    assert [got[pk] for pk in later_2026] == ["SIG-2026-0001", "SIG-2026-0002", "SIG-2026-0003"]
    assert ReferenceCounter.objects.get(prefix="SIG", year=2026).last == 3


def test_the_backfill_passes_a_row_it_could_not_decrypt(personas) -> None:
    [signal] = _signals(personas, 1)
    with connection.cursor() as cursor:
        cursor.execute(
            'UPDATE "intake_signal" SET surname = %s', ["not-a-ciphertext-under-any-key"]
        )
    references.backfill(Signal, "SIG", ReferenceCounter)
    year = timezone.localtime(signal.created_at).year
    assert Signal.objects.values_list("reference", flat=True).get() == f"SIG-{year}-0001"
