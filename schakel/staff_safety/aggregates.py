"""Counts of incidents per kind and quarter of one organisation, for management, with small
counts suppressed.

- A cell of 1 to 4 incidents is shown as "< 5" (primary suppression); 0 is shown as 0.
- A total (of a quarter, of a kind, and the grand total) is shown only when none of the cells it
  adds up is suppressed; otherwise it is "niet getoond" (complementary suppression). Every
  equation a reader could form — a row or column adding up to its total — then holds at least
  one other unknown besides a suppressed cell, so no suppressed cell can be worked out from what
  is shown: it stays anywhere between 1 and 4.
- No drill-down: the table holds counts only.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.db.models.functions import ExtractMonth

from schakel.staff_safety.choices import IncidentKind
from schakel.staff_safety.models import Incident

THRESHOLD = 5
SUPPRESSED = "< 5"
# A total not shown because it adds up a suppressed cell (translated where shown).
HIDDEN = "hidden"
QUARTERS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Row:
    quarter: int
    cells: list[str]  # per kind, in the order of ``IncidentKind``
    total: str


@dataclass(frozen=True)
class Table:
    year: int
    kinds: list[str]  # labels
    kind_values: list[str]
    rows: list[Row]
    kind_totals: list[str]
    grand_total: str
    suppressed_any: bool


def _shown(count: int) -> str:
    return SUPPRESSED if 0 < count < THRESHOLD else str(count)


def _is_suppressed(count: int) -> bool:
    return 0 < count < THRESHOLD


def suppress(
    counts: dict[tuple[int, str], int], kinds: list[str]
) -> tuple[list[Row], list[str], str]:
    """The shown table of ``counts`` per (quarter, kind), suppressed as the module says."""
    rows = []
    for quarter in QUARTERS:
        line = [counts.get((quarter, kind), 0) for kind in kinds]
        hidden = any(_is_suppressed(n) for n in line)
        rows.append(Row(quarter, [_shown(n) for n in line], HIDDEN if hidden else str(sum(line))))
    kind_totals = []
    for kind in kinds:
        column = [counts.get((quarter, kind), 0) for quarter in QUARTERS]
        hidden = any(_is_suppressed(n) for n in column)
        kind_totals.append(HIDDEN if hidden else str(sum(column)))
    every = [counts.get((q, k), 0) for q in QUARTERS for k in kinds]
    grand = HIDDEN if any(_is_suppressed(n) for n in every) else str(sum(every))
    return rows, kind_totals, grand


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def table_for(*, organisation_id: uuid.UUID, year: int) -> Table:
    """The suppressed counts of one organisation's incidents in ``year`` (by date of incident)."""
    rows_found = (
        Incident.objects.filter(
            organisation_id=organisation_id,
            occurred_on__gte=date(year, 1, 1),
            occurred_on__lte=date(year, 12, 31),
        )
        .annotate(month=ExtractMonth("occurred_on"))
        .values("month", "kind")
        .annotate(n=Count("id"))
    )
    counts: dict[tuple[int, str], int] = {}
    for found in rows_found:
        key = (quarter_of(int(found["month"])), str(found["kind"]))
        counts[key] = counts.get(key, 0) + int(found["n"])
    kinds = list(IncidentKind.values)
    rows, kind_totals, grand = suppress(counts, kinds)
    return Table(
        year=year,
        kinds=[str(label) for label in IncidentKind.labels],
        kind_values=kinds,
        rows=rows,
        kind_totals=kind_totals,
        grand_total=grand,
        suppressed_any=any(_is_suppressed(n) for n in counts.values()),
    )
