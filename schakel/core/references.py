"""Readable references: ``CAS-2026-0042``, a prefix for the kind, the year, a number.

Each object that people mention in a call, a meeting or a mail carries a stored reference. A
reference holds no person data. ``ReferenceCounter`` keeps the last number handed out per
prefix, scope and year; ``next_reference`` hands out the next one atomically, inside the
caller's transaction, so that a rolled-back creation also gives its number back.

Models carry the field through ``Referenced``: the reference is set when the object is first
saved, unique in the installation (the models count in the installation's sequence, scope
``INSTALLATION``: docs/search.md says why). Migrations number existing rows with ``backfill``,
in creation order.
"""

import re
import uuid
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


def next_number(prefix: str, scope: uuid.UUID, year: int, using: str = "default") -> int:
    """The next number of a sequence; the counter row stays locked until the caller commits.

    An UPDATE ... SET last = last + 1 takes the row lock first (PostgreSQL) or the database's
    write lock (SQLite), so concurrent callers get consecutive numbers. A sequence's first number
    inserts the row; a concurrent first insert loses on the unique constraint and retries as an
    update."""
    key = {"prefix": prefix, "scope": scope, "year": year}
    counters = ReferenceCounter.objects.using(using)
    with transaction.atomic(using=using):
        for _attempt in range(3):
            if counters.filter(**key).update(last=F("last") + 1):
                return counters.filter(**key).values_list("last", flat=True).get()
            try:
                with transaction.atomic(using=using):
                    counters.create(**key, last=1)
                return 1
            except IntegrityError:
                continue
    raise RuntimeError("Geen referentienummer te krijgen.")  # pragma: no cover


def next_reference(prefix: str, scope: uuid.UUID | None, on: date | None = None) -> str:
    year = (on or timezone.localdate()).year
    return format_reference(prefix, year, next_number(prefix, scope or INSTALLATION, year))


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


def backfill(model: Any, prefix: str, counters: Any) -> None:
    """Number every row of a (historical) model, in creation order per year, and leave the
    counters at the last number handed out. For the data migration that adds the field."""
    last: dict[int, int] = {}
    rows = model.objects.order_by("created_at", "pk")
    for row in rows.iterator():
        year = timezone.localtime(row.created_at).year
        number = last.get(year, 0) + 1
        last[year] = number
        row.reference = format_reference(prefix, year, number)
        row.save(update_fields=["reference"])
    for year, number in last.items():
        counters.objects.update_or_create(
            prefix=prefix, scope=INSTALLATION, year=year, defaults={"last": number}
        )
