"""Storing encodings, finding and scoring candidates, creating match suggestions (database).

Candidates come from every municipality in the instance: a blocking key shared with the new
signal is enough to be compared (for a broad key, one of the two must seek with it). Only
encodings are read; person data stays encrypted. Scoring uses the same level code as the
duplicate finder (``levels``) and the model in use (``active_model``).
"""

import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q

from schakel.intake.choices import MatchBand
from schakel.intake.convergence import layout, levels
from schakel.intake.convergence.encoding import Encoding
from schakel.intake.convergence.layout import Columns
from schakel.intake.convergence.model import MatchModel, default_model
from schakel.intake.models import (
    BlockingKey,
    IdentityEncoding,
    MatchModelVersion,
    MatchSuggestion,
    Signal,
)

# A new signal is compared with at most this many earlier ones (the most recent first); far
# above what a real identity shares, it bounds the work of a pathological input.
MAX_CANDIDATES = 5000
# At most this many suggestions per new signal, the most probable first.
MAX_SUGGESTIONS = 5


# --- the model -------------------------------------------------------------------------------

_model_cache: dict[str, Any] = {}
# How often a process counts the stored encodings again (the prior follows the instance's size).
POPULATION_REFRESH_SECONDS = 600


def active_model() -> MatchModel:
    """The latest estimated model, or the shipped default, with the number of stored signals as
    its population; band thresholds from settings win."""
    pk = MatchModelVersion.objects.order_by("-created_at").values_list("pk", flat=True).first()
    if pk is None:
        model = default_model()
    else:
        cached = _model_cache.get("row")
        if cached is None or cached[0] != pk:
            parameters = MatchModelVersion.objects.values_list("parameters", flat=True).get(pk=pk)
            cached = (pk, MatchModel.from_dict(parameters))
            _model_cache["row"] = cached
        model = cached[1]
    changes: dict[str, Any] = {"population": stored_population()}
    likely = getattr(settings, "SCHAKEL_MATCH_LIKELY", None)
    possible = getattr(settings, "SCHAKEL_MATCH_POSSIBLE", None)
    if likely is not None:
        changes["likely"] = likely
    if possible is not None:
        changes["possible"] = possible
    return replace(model, **changes)


def stored_population() -> int:
    """How many current encodings are stored (counted at most every few minutes)."""
    now = time.monotonic()
    cached = _model_cache.get("population")
    if cached is None or now - cached[0] > POPULATION_REFRESH_SECONDS:
        cached = (now, IdentityEncoding.objects.filter(version=layout.VERSION).count())
        _model_cache["population"] = cached
    return int(cached[1])


# --- storing ---------------------------------------------------------------------------------


def store_encoding(signal: Signal, encoding: Encoding) -> IdentityEncoding:
    row = IdentityEncoding.objects.create(
        signal=signal, features=encoding.features, version=layout.VERSION
    )
    rows = [BlockingKey(key=key, encoding=row, seeks=True) for key in sorted(encoding.keys)]
    rows += [
        BlockingKey(key=key, encoding=row, seeks=seeks)
        for key, seeks in sorted(encoding.broad_keys.items())
    ]
    BlockingKey.objects.bulk_create(rows)
    return row


# --- finding and scoring -------------------------------------------------------------------


@contextmanager
def _serial() -> Iterator[None]:
    """On PostgreSQL, no parallel workers for the statements inside (``SET LOCAL``, so within a
    transaction): starting them costs more than a read of a few hundred rows by index, and the
    planner, misjudging how many rows share a key, starts them."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


@dataclass(frozen=True)
class Candidates:
    signal_ids: list[uuid.UUID]
    columns: Columns


def candidates(encoding: Encoding, *, exclude_signal_id: uuid.UUID | None = None) -> Candidates:
    """Stored encodings sharing a key with this one (broad keys: when either side seeks); at
    most ``MAX_CANDIDATES``, the most recent first."""
    seeking = sorted(encoding.keys | {k for k, seeks in encoding.broad_keys.items() if seeks})
    others = sorted(k for k, seeks in encoding.broad_keys.items() if not seeks)
    condition = Q(key__in=seeking)
    if others:
        condition |= Q(key__in=others, seeks=True)
    sharing = BlockingKey.objects.filter(condition).values("encoding_id")
    if connection.vendor == "postgresql":
        # The newest ids first (DISTINCT, ORDER BY, LIMIT in the subquery): with a plain
        # subquery PostgreSQL walked all encodings backwards for the newest ones.
        sharing = sharing.distinct().order_by("-encoding_id")[: MAX_CANDIDATES + 1]
    rows = IdentityEncoding.objects.filter(id__in=sharing, version=layout.VERSION)
    if exclude_signal_id is not None:
        rows = rows.exclude(signal_id=exclude_signal_id)
    with _serial():
        found = list(rows.order_by("-id").values_list("signal_id", "features")[:MAX_CANDIDATES])
    return Candidates(
        signal_ids=[signal_id for signal_id, _features in found],
        columns=Columns(layout.from_bytes([bytes(features or b"") for _id, features in found])),
    )


@dataclass(frozen=True)
class Scored:
    signal_id: uuid.UUID
    probability: float
    levels: levels.Levels
    extra: npt.NDArray[np.float64]  # bits per comparison for how common the names are


def score(
    encoding: Encoding, found: Candidates, *, model: MatchModel | None = None
) -> list[Scored]:
    """Candidates in a band ("possible" or better), the most probable first."""
    if not found.signal_ids:
        return []
    model = model or active_model()
    new = Columns(layout.from_bytes([encoding.features]))
    count = len(found.signal_ids)
    rows = np.zeros(count, dtype=np.int64)
    pair_levels = levels.compare(new, rows, found.columns, np.arange(count, dtype=np.int64))
    extra = model.frequency_bits(model.surprise(new), rows, pair_levels)
    probability = model.probability(model.weights(pair_levels) + extra.sum(axis=1))
    kept = np.flatnonzero(probability >= model.possible)
    kept = kept[np.argsort(-probability[kept], kind="stable")]
    return [
        Scored(found.signal_ids[i], float(probability[i]), pair_levels[i], extra[i])
        for i in kept.tolist()
    ]


def suggestion_for(signal: Signal, item: Scored, model: MatchModel) -> MatchSuggestion:
    band = MatchBand.LIKELY if item.probability >= model.likely else MatchBand.POSSIBLE
    return MatchSuggestion(
        signal=signal,
        earlier_signal_id=item.signal_id,
        probability=item.probability,
        score=round(100 * item.probability),
        band=band,
        explanation=model.explanation(item.levels, item.probability, item.extra),
    )


def suggest_for(signal: Signal, encoding: Encoding) -> list[MatchSuggestion]:
    """Create suggestions for a newly registered signal: one per earlier person, best first.

    Earlier signals already confirmed as one subject get one suggestion (the most probable
    signal of that subject: every registered variant of a person is compared). A pair decided
    before is never suggested again.
    """
    model = active_model()
    scored = score(encoding, candidates(encoding, exclude_signal_id=signal.pk), model=model)
    if not scored:
        return []
    ids = [s.signal_id for s in scored]
    # Locked, so that a candidate cannot expire between this check and the commit.
    subject_of = dict(
        Signal.objects.select_for_update()
        .filter(pk__in=ids, person_data_deleted_at=None)
        .order_by("pk")
        .values_list("pk", "subject_id")
    )
    decided = set(
        MatchSuggestion.objects.filter(
            Q(signal=signal, earlier_signal__in=ids) | Q(earlier_signal=signal, signal__in=ids)
        ).values_list("signal_id", "earlier_signal_id")
    )
    seen_subjects: set[uuid.UUID] = set()
    suggestions: list[MatchSuggestion] = []
    for item in scored:
        if item.signal_id not in subject_of:
            continue
        if (signal.pk, item.signal_id) in decided or (item.signal_id, signal.pk) in decided:
            continue
        subject_id = subject_of[item.signal_id]
        if subject_id is not None:
            if subject_id == signal.subject_id or subject_id in seen_subjects:
                continue
            seen_subjects.add(subject_id)
        suggestions.append(suggestion_for(signal, item, model))
        if len(suggestions) == MAX_SUGGESTIONS:
            break
    return MatchSuggestion.objects.bulk_create(suggestions)


def signal_ids_of(scored: Iterable[Scored]) -> list[uuid.UUID]:
    return [item.signal_id for item in scored]
