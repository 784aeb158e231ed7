"""Finding the duplicates in a list of identities, in memory: the duplicate finder's engine.

Encodes every identity (worker processes), estimates the match model on the list itself as
``estimate_match_model`` does on the stored encodings (``u`` from random pairs, ``m`` by EM on
the candidate pairs, the shipped model as the starting point and prior) — so that the model
fits the list's own names and errors, with how common each name is in it — and returns every
pair in a band. Nothing is stored.
"""

import multiprocessing
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from schakel.intake.convergence import batch, training
from schakel.intake.convergence.encoding import Encoding, Identity, encode
from schakel.intake.convergence.frequencies import Frequencies
from schakel.intake.convergence.layout import Columns, from_bytes
from schakel.intake.convergence.model import MatchModel

# Below this many identities the list says too little to estimate a model of its own.
ESTIMATE_FROM = 2_000
# Pairs kept from the scan: up to this many bits below the starting model's lower band, so
# that a pair the estimated model puts in a band is not lost.
KEEP_MARGIN = 12.0
RANDOM_PAIRS = 2_000_000

Progress = Callable[[str, int, int], None]  # (stage, done now, total)


def _encode_chunk(identities: list[Identity]) -> list[Encoding]:
    return [encode(identity) for identity in identities]


def encode_many(
    identities: list[Identity], *, workers: int, progress: Progress | None = None
) -> list[Encoding]:
    size = 2_000
    parts = [identities[i : i + size] for i in range(0, len(identities), size)]
    found: list[Encoding] = []
    if workers > 1 and len(parts) > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for part in pool.imap(_encode_chunk, parts):
                found.extend(part)
                if progress is not None:
                    progress("encode", len(part), len(identities))
    else:
        for chunk in parts:
            found.extend(_encode_chunk(chunk))
            if progress is not None:
                progress("encode", len(chunk), len(identities))
    return found


@dataclass
class Result:
    scored: batch.Scored
    model: MatchModel
    estimated: bool
    timings: dict[str, float] = field(default_factory=dict)


def find(
    identities: list[Identity],
    *,
    start: MatchModel,
    estimate: bool = True,
    minimum: float | None = None,
    workers: int = 1,
    seed: int = 1,
    progress: Progress | None = None,
) -> Result:
    """Every pair of the identities (row numbers) at or above ``minimum`` (default: the lower
    band), under a model estimated on the identities themselves when there are enough."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    encodings = encode_many(identities, workers=workers, progress=progress)
    columns = Columns(from_bytes([e.features for e in encodings]))
    blocks = batch.Blocks.from_encodings(encodings)
    del encodings
    timings["encode"] = time.perf_counter() - started
    estimated = estimate and len(identities) >= ESTIMATE_FROM
    # Name frequencies are those of the list itself (a model's own are keyed to an instance).
    start = replace(
        start,
        frequencies=Frequencies.count(columns) if estimated else None,
        population=len(identities),
    )
    lowest = minimum if minimum is not None else start.possible
    started = time.perf_counter()
    found, stats = batch.scan(
        columns,
        blocks,
        table=start.pattern_weights(),
        keep_from=start.weight_for(lowest) - (KEEP_MARGIN if estimated else 0.0),
        workers=workers,
        progress=(lambda n: progress("compare", n, 0)) if progress is not None else None,
        frequencies_of=start,
    )
    timings["compare"] = time.perf_counter() - started
    model = start
    if estimated:
        started = time.perf_counter()
        u = training.random_level_frequencies(columns, RANDOM_PAIRS, seed)
        model = training.fit(
            blocked=found.counts,
            u=u,
            known=training.known_counts(columns),
            population=len(identities),
            start=start,
            label="estimated on the list",
        )
        model.frequencies = start.frequencies
        timings["estimate"] = time.perf_counter() - started
    bands = minimum if minimum is not None else model.possible
    scored = batch.score_scan(found, model, minimum=bands, stats=stats, columns=columns)
    return Result(scored=scored, model=model, estimated=estimated, timings=timings)
