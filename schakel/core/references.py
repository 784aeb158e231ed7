"""Readable references: ``CAS-2026-0042``, a prefix for the kind, the year, a number.

Each object that people mention in a call, a meeting or a mail carries a stored reference. A
reference holds no person data. ``ReferenceCounter`` keeps the last number handed out per
prefix, scope and year; ``next_reference`` hands out the next one atomically, inside the
caller's transaction, so that a rolled-back creation also gives its number back.

Models carry the field through ``Referenced``: the reference is set when the object is first
saved, unique in the installation (the models count in the installation's sequence, scope
``INSTALLATION``: docs/search.md says why). Migrations number existing rows with ``backfill``,
in creation order; ``assign`` numbers a batch for ``bulk_create``.
"""

import re
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The scope of the installation-wide sequences that every model with a reference counts in.
INSTALLATION = uuid.UUID(int=0)
REFERENCE_LENGTH = 20
_DIGITS = 4
_SHAPE = re.compile(r"^([A-Za-z]{3})-?(\d{4})-?(\d{1,9})$")


class ReferenceCounter(models.Model):
    """The last number handed out in one sequence (kind prefix, scope, year)."""

    prefix = models.CharField(max_length=8)
    scope = models.UUIDField()
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "scope", "year"], name="reference_sequence")
        ]
        verbose_name = _("referentieteller")
        verbose_name_plural = _("referentietellers")

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:0{_DIGITS}d}"


def normalise(text: str) -> str | None:
    """A typed reference in its stored form (``cas20260042``, ``CAS-2026-42`` → ``CAS-2026-0042``),
    or None when the text is no reference."""
    found = _SHAPE.match(text.strip().replace(" ", ""))
    if found is None:
        return None
    prefix, year, number = found.groups()
    return format_reference(prefix.upper(), int(year), int(number))


def take_numbers(
    prefix: str, scope: uuid.UUID, year: int, count: int = 1, using: str = "default"
) -> int:
    """Reserve ``count`` consecutive numbers of a sequence; returns the last one (the first is
    ``last - count + 1``). The counter row stays locked until the caller commits.

    An UPDATE ... SET last = last + count takes the row lock first (PostgreSQL) or the database's
    write lock (SQLite), so concurrent callers get consecutive numbers. A sequence's first number
    inserts the row; a concurrent first insert loses on the unique constraint and retries as an
    update."""
    key = {"prefix": prefix, "scope": scope, "year": year}
    counters = ReferenceCounter.objects.using(using)
    with transaction.atomic(using=using):
        for _attempt in range(3):
            if counters.filter(**key).update(last=F("last") + count):
                return counters.filter(**key).values_list("last", flat=True).get()
            try:
                with transaction.atomic(using=using):
                    counters.create(**key, last=count)
                return count
            except IntegrityError:
                continue
    raise RuntimeError("Geen referentienummer te krijgen.")  # pragma: no cover


def next_number(prefix: str, scope: uuid.UUID, year: int, using: str = "default") -> int:
    """The next number of a sequence (``take_numbers`` of one)."""
    return take_numbers(prefix, scope, year, 1, using)


def next_reference(prefix: str, scope: uuid.UUID | None, on: date | None = None) -> str:
    year = (on or timezone.localdate()).year
    return format_reference(prefix, year, next_number(prefix, scope or INSTALLATION, year))


def reference_is_set(name: str) -> models.CheckConstraint:
    """The database refuses a row without a reference (``bulk_create`` skips ``save``: give
    such objects theirs with ``assign``). For each ``Referenced`` model's constraints."""
    return models.CheckConstraint(condition=~models.Q(reference=""), name=name)


class Referenced(models.Model):
    """A model with a readable reference, unique in the installation. Subclasses name their
    ``REFERENCE_PREFIX``."""

    REFERENCE_PREFIX = ""

    reference = models.CharField(
        _("referentie"), max_length=REFERENCE_LENGTH, unique=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.reference:
            super().save(*args, **kwargs)
            return
        using = kwargs.get("using") or "default"
        with transaction.atomic(using=using):
            self.reference = next_reference(self.REFERENCE_PREFIX, INSTALLATION)
            super().save(*args, **kwargs)


def assign(objects: Sequence["Referenced"], on: date | None = None, using: str = "default") -> None:
    """Give objects without a reference theirs before a ``bulk_create`` (which skips ``save``):
    one counter update per kind for the whole batch, in the caller's transaction, numbered in
    the year of ``on`` (today, as ``save`` does)."""
    year = (on or timezone.localdate()).year
    waiting: dict[str, list[Referenced]] = {}
    for obj in objects:
        if not obj.reference:
            waiting.setdefault(obj.REFERENCE_PREFIX, []).append(obj)
    with transaction.atomic(using=using):
        for prefix, batch in waiting.items():
            last = take_numbers(prefix, INSTALLATION, year, len(batch), using)
            for number, obj in enumerate(batch, start=last - len(batch) + 1):
                obj.reference = format_reference(prefix, year, number)


BACKFILL_BATCH = 1_000


def backfill(model: Any, prefix: str, counters: Any) -> None:
    """Number every row of a (historical) model, in creation order per year, and leave the
    counters at the last number handed out. For the data migrations that add the field.

    Reads only ``pk`` and ``created_at`` (no encrypted column is decrypted, a row under a retired
    key does no harm) in keyset batches, and writes with one UPDATE per batch. The migrations
    call this live function: keep its signature and its numbering."""
    last: dict[int, int] = {}
    rows = model.objects.order_by("created_at", "pk").values_list("pk", "created_at")
    after: tuple[Any, Any] | None = None
    while True:
        page = rows
        if after is not None:
            created, pk = after
            page = rows.filter(
                models.Q(created_at__gt=created) | models.Q(created_at=created, pk__gt=pk)
            )
        batch = list(page[:BACKFILL_BATCH])
        if not batch:
            break
        numbered: dict[Any, str] = {}
        for pk, created in batch:
            year = timezone.localtime(created).year
            number = last.get(year, 0) + 1
            last[year] = number
            numbered[pk] = format_reference(prefix, year, number)
        model.objects.filter(pk__in=numbered).update(
            reference=models.Case(
                *(models.When(pk=pk, then=models.Value(ref)) for pk, ref in numbered.items()),
                output_field=models.CharField(),
            )
        )
        after = batch[-1][1], batch[-1][0]
    for year, number in last.items():
        counters.objects.update_or_create(
            prefix=prefix, scope=INSTALLATION, year=year, defaults={"last": number}
        )
