"""The cases benchmark's data: a fictional network with cases, signals and action plans.

Runs inside Django (``config.settings.test`` with ``DATABASE_URL`` set to the throw-away
database). Every row goes through ``bulk_create`` of its model, in batches, so encrypted fields
are encrypted by the model fields themselves, as a registration would store them. All people
are fictional: random combinations of the name lists of ``convergence_people``, dates of birth
1950–2010, BSNs from 9999xxxxx (the test range; none passes the eleven test).

The shape (defaults in brackets; every count scales with the sizes given):

- organisations [200]: one region per 20, each with a ZVH; a quarter are municipalities, each
  served by its region's ZVH; the rest are partners (police, OM, care, …) of one region.
- cases [100,000]: a municipality chosen at random (so one directs ~1/50 and a ZVH runs ~1/10),
  phase consultation 30 %, monitoring 30 %, aftercare 15 %, closed 25 %; four structural
  participations of partners of the region (ended at closure, 10 % ended earlier) and for 30 %
  an incidental one with an invitation; 1–3 agenda items in the ZVH's weekly meetings; an action
  plan whose version 1 is adopted in the first meeting and, for 40 %, a draft version 2.
- interventions [300,000]: spread at random over the cases, owned by a participant or the
  municipality, 10 % of those in a draft removed in it.
- signals [1,000,000]: 1–6 about each case's subject (the identity a case shows), 15 % with a
  related person; the rest about persons without a case (half linked to a subject) or expired.

The first ``SMALL_CASES`` cases are made so that each persona sees some of them, so the query
counts can be measured on a database with only those cases and again with all of them.

This module loads the cases chunk by chunk; the rows are made in ``cases_world`` (organisations,
users, meetings), ``cases_case`` (a case with its participations, agenda items and plan
versions), ``cases_interventions`` and ``cases_signals`` (signals and the fictional people).
"""

import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO, cast

from cases_case import Rows, _case
from cases_interventions import _interventions
from cases_signals import _signals
from cases_world import BATCH, World
from cases_world import SMALL_CASES as SMALL_CASES
from cases_world import make_world as make_world
from django.db import connection, models, transaction

from schakel.cases.models import (
    ActionPlan,
    ActionPlanVersion,
    AgendaItem,
    Case,
    Intervention,
    Invitation,
    Participation,
)
from schakel.core import references
from schakel.intake.models import RelatedPerson, Signal, Subject

CHUNK = 2_000  # cases per transaction


def share(total: int, start: int, stop: int, whole: int) -> int:
    """The part of ``total`` that belongs to items ``start``..``stop`` of ``whole``."""
    return total * stop // whole - total * start // whole


def _insert(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    if objects and issubclass(model, references.Referenced):
        references.assign(cast(Sequence[references.Referenced], objects))
    if objects:
        model._default_manager.bulk_create(objects, batch_size=BATCH)


@dataclass
class Totals:
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, counts: dict[str, int], seconds: float) -> None:
        for name, count in counts.items():
            self.rows[name] = self.rows.get(name, 0) + count
        self.seconds += seconds


def load_cases(
    world: World,
    *,
    start: int,
    stop: int,
    cases: int,
    signals: int,
    interventions: int,
    totals: Totals,
    log: TextIO,
) -> None:
    """Cases ``start``..``stop`` of ``cases``, with their share of signals and interventions."""
    next_report = time.perf_counter() + 30
    for chunk_start in range(start, stop, CHUNK):
        chunk_stop = min(stop, chunk_start + CHUNK)
        started = time.perf_counter()
        rng = random.Random(f"schakel-cases:{world.seed}:{chunk_start}")
        rows = Rows()
        shapes = [_case(world, rng, index, rows) for index in range(chunk_start, chunk_stop)]
        _interventions(
            world, rng, shapes, share(interventions, chunk_start, chunk_stop, cases), rows
        )
        _signals(world, rng, shapes, share(signals, chunk_start, chunk_stop, cases), rows)
        with transaction.atomic():
            for model, objects in _in_order(rows):
                _insert(model, objects)
        totals.add(rows.counts(), time.perf_counter() - started)
        if time.perf_counter() >= next_report or chunk_stop == stop:
            print(
                f"  {connection.vendor}: {chunk_stop:,} of {cases:,} cases loaded "
                f"({totals.seconds:.0f} s)",
                file=log,
            )
            next_report = time.perf_counter() + 30


def _in_order(rows: Rows) -> Iterable[tuple[type[models.Model], Sequence[models.Model]]]:
    yield Subject, rows.subjects
    yield Case, rows.cases
    yield ActionPlan, rows.plans
    yield Participation, rows.participations
    yield AgendaItem, rows.items
    yield Invitation, rows.invitations
    yield ActionPlanVersion, rows.versions
    yield Intervention, rows.interventions
    yield Signal, rows.signals
    yield RelatedPerson, rows.related


def analyse() -> None:
    """Planner statistics, as autovacuum (PostgreSQL) or ``PRAGMA optimize`` would keep them."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
