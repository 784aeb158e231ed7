"""The child processes of ``convergence.py``, each started with a time limit.

``--child URL``: store the signals in one database, estimate the model and time new signals
(``child``); ``--child-batch URL``: the batch pass over every stored signal, in a process of its
own for its peak memory (``child_batch``); ``--child-splink``: the duplicate finder's engine and
splink side by side (``child_splink``). Each prints its result as one line of JSON.
"""

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from convergence_people import (
    Population,
    all_records,
    linkable,
    make_population,
    make_record,
    planted_pairs,
    quality,
)

ROOT = Path(__file__).resolve().parent.parent
UUID_BASE = uuid.UUID("5c4a0000-0000-4000-8000-000000000000").int
UUID_INDEX_MASK = (1 << 48) - 1


def signal_uuid(index: int) -> uuid.UUID:
    return uuid.UUID(int=UUID_BASE | index)


def index_of(signal_id: uuid.UUID) -> int:
    return signal_id.int & UUID_INDEX_MASK


def setup_django(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = url
    if url.startswith("sqlite"):
        import sqlite3

        sqlite3.connect(url.removeprefix("sqlite:///")).execute("PRAGMA journal_mode=WAL")
    import django

    django.setup()


def child(args: argparse.Namespace) -> None:
    setup_django(args.child)
    import multiprocessing

    # Workers fork before any database connection exists; they only encode and encrypt.
    pool = multiprocessing.get_context("fork").Pool(args.workers)

    import convergence_store as store
    from django.core.management import call_command

    log = sys.stderr
    call_command("migrate", verbosity=0)
    population = make_population(args.seed, args.records, args.records)
    started = time.perf_counter()
    loaded = store.load(pool, population, args.seed, args.records, log)
    pool.close()
    load_s = time.perf_counter() - started
    # As an operator does after a large import: the model estimated on the stored encodings.
    started = time.perf_counter()
    call_command("estimate_match_model", "--no-progress", "--workers", str(args.workers))
    estimate_s = time.perf_counter() - started
    print(f"  {store.database_label()}: model estimated in {estimate_s:.0f} s", file=log)
    queries = run_queries(args, population, log)
    print(
        json.dumps(
            {
                "database": store.database_label(),
                "records": args.records,
                "persons": len(population.persons),
                "blocking_keys": loaded.blocking_keys,
                "load_s": load_s,
                "encode_cpu_s": loaded.encode_cpu_s,
                "estimate_s": estimate_s,
                "queries": queries,
            }
        )
    )


def run_queries(args: argparse.Namespace, population: Population, log: Any) -> dict[str, Any]:
    """Time encode + candidates + score for new registrations of stored persons."""
    import random

    from convergence_identities import identity

    from schakel.intake.convergence import engine
    from schakel.intake.convergence.encoding import encode

    model = engine.active_model()
    rng = random.Random(f"schakel-convergence-queries:{args.seed}")
    stored = population.records_per_person()
    persons = rng.sample(sorted(stored), args.queries + args.warm_up)
    totals: list[float] = []
    parts: dict[str, list[float]] = {"encode": [], "candidates": [], "score": []}
    counts: list[int] = []
    found_both: set[tuple[int, int]] = set()
    found_likely: set[tuple[int, int]] = set()
    planted: set[tuple[int, int]] = set()
    for number, person in enumerate(persons):
        record = make_record(rng, person, population.persons[person])
        started = time.perf_counter()
        encoding = encode(identity(record))
        encoded = time.perf_counter()
        candidates = engine.candidates(encoding)
        fetched = time.perf_counter()
        scored = engine.score(encoding, candidates, model=model)
        done = time.perf_counter()
        if number < args.warm_up:
            continue
        totals.append(done - started)
        parts["encode"].append(encoded - started)
        parts["candidates"].append(fetched - encoded)
        parts["score"].append(done - fetched)
        counts.append(len(candidates.signal_ids))
        found_both |= {(number, index_of(s.signal_id)) for s in scored}
        found_likely |= {
            (number, index_of(s.signal_id)) for s in scored if s.probability >= model.likely
        }
        planted |= {(number, stored_record) for stored_record in stored[person]}
    print(f"  queries done: {len(totals):,}", file=log)

    def ms(values: list[float], quantile: int | None = None) -> float:
        if quantile is None:
            return 1000 * statistics.median(values)
        return 1000 * statistics.quantiles(values, n=100, method="inclusive")[quantile - 1]

    ordered = sorted(counts)
    return {
        "count": len(totals),
        "median_ms": ms(totals),
        "p95_ms": ms(totals, 95),
        "max_ms": 1000 * max(totals),
        "encode_median_ms": ms(parts["encode"]),
        "candidates_median_ms": ms(parts["candidates"]),
        "score_median_ms": ms(parts["score"]),
        "candidates_median": statistics.median(ordered),
        "candidates_p95": ordered[int(0.95 * (len(ordered) - 1))],
        "candidates_max": ordered[-1],
        "both": quality(found_both, planted),
        "likely": quality(found_likely, planted),
    }


def child_batch(args: argparse.Namespace) -> None:
    setup_django(args.child_batch)
    import convergence_store as store

    from schakel.intake.convergence import engine

    model = engine.active_model()
    done = store.run_batch(args.records, model, args.workers, sys.stderr)
    population = make_population(args.seed, args.records, args.records)
    records = all_records(args.seed, population, args.records)
    planted = planted_pairs(population.record_person, args.records)
    linkable_pairs = {p for p in planted if linkable(records[p[0]], records[p[1]])}
    pairs = done.pop("pairs")
    both = {(a, b) for a, b, _p in pairs}
    likely = {(a, b) for a, b, p in pairs if p >= model.likely}
    result = {
        **done,
        "both": quality(both, planted),
        "both_linkable": quality(both & linkable_pairs, linkable_pairs),
        "likely": quality(likely, planted),
    }
    print(json.dumps(result))


# --- side by side with splink ---------------------------------------------------------------


def child_splink(args: argparse.Namespace) -> None:
    setup_django("sqlite:///:memory:")
    from convergence_identities import identity

    from schakel.intake.convergence import duplicates
    from schakel.intake.convergence.model import default_model

    size = min(args.splink_records, args.records)
    population = make_population(args.seed, size, size)
    records = all_records(args.seed, population, size)
    planted = planted_pairs(population.record_person, size)
    started = time.perf_counter()
    found = duplicates.find(
        [identity(r) for r in records], start=default_model(), workers=args.workers
    )
    schakel_s = time.perf_counter() - started
    model = found.model
    pairs = list(zip(found.scored.a.tolist(), found.scored.b.tolist(), strict=True))
    probability = found.scored.probability.tolist()
    both = set(pairs)
    likely = {p for p, q in zip(pairs, probability, strict=True) if q >= model.likely}
    rows = [
        {"what": "both bands (what find_duplicates lists)", **quality(both, planted)},
        {"what": "upper band only", **quality(likely, planted)},
    ]
    try:
        import convergence_splink

        splink = convergence_splink.run(records, planted, args.seed)
    except ImportError as missing:
        splink = {"error": f"splink is not installed ({missing})"}
    print(json.dumps({"records": size, "schakel": rows, "schakel_s": schakel_s, "splink": splink}))
