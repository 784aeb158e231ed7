#!/usr/bin/env python3
"""Benchmark of the convergence engine: speed, memory, recall and precision, and splink.

Usage (from the repository root, with the project's virtualenv and the ``bench`` group):

    .venv/bin/python benchmarks/convergence.py                      # SQLite, 1,000,000 signals
    .venv/bin/python benchmarks/convergence.py --records 20000      # a quick look
    scripts/with-postgres .venv/bin/python benchmarks/convergence.py --database postgresql
    .venv/bin/python benchmarks/convergence.py --database none      # only the splink job

On the held-out seed of the error model (``convergence_people``; the engine was tuned on
another seed) it stores the signals, their encodings and blocking keys in a throw-away database
(a temporary SQLite file; on PostgreSQL a new database ``schakel_bench_<random>`` on a local
server, dropped afterwards) and prints:

- one new signal: encode + ``engine.candidates`` + ``engine.score`` against all stored ones,
  median and 95th percentile over ``--queries`` new registrations of stored persons;
  target p95 <= 10 ms; with recall over both bands and precision of the upper band;
- a batch pass deduplicating every stored signal (``convergence.batch``, in a process of its
  own so that its peak memory is its own); targets <= 60 s and <= 2 GiB; with its quality:
  recall >= 0.98 over both bands, precision >= 0.97 in the upper band;
- on the first ``--splink-records`` registrations, the duplicate finder's engine (estimating
  its model on the data) and splink in the best configuration built for it, side by side.

Each child runs with a time limit (``--timeout``), so the benchmark always stops.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from convergence_people import (  # noqa: E402 (the folder of this script, added above)
    HELD_OUT_SEED,
    Population,
    all_records,
    linkable,
    make_population,
    make_record,
    planted_pairs,
    quality,
)
from processing_log import (  # noqa: E402
    calibration_line,
    machine_line,
    redact,
    throwaway_postgres_database,
)

QUERY_P95_TARGET_MS = 10.0
RECALL_TARGET = 0.98
PRECISION_TARGET = 0.97
BATCH_TARGET_S = 60.0
MEMORY_TARGET_MIB = 2048.0
UUID_BASE = uuid.UUID("5c4a0000-0000-4000-8000-000000000000").int
UUID_INDEX_MASK = (1 << 48) - 1


def main() -> int:
    args = parse_args()
    postgres_url = args.postgres_url or os.environ.get("DATABASE_URL", "")
    if not postgres_url.startswith(("postgres://", "postgresql://")):
        postgres_url = ""
    results: list[dict[str, Any]] = []
    if args.database in {"sqlite", "both"}:
        folder = Path(tempfile.mkdtemp(prefix="schakel-bench-convergence-"))
        try:
            url = f"sqlite:///{folder / 'bench.sqlite3'}"
            results.append(database_run(args, url))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.database in {"postgresql", "both"}:
        if not postgres_url:
            print("PostgreSQL asked for, but no --postgres-url or DATABASE_URL=postgres://…")
            return 2
        with throwaway_postgres_database(postgres_url) as url:
            results.append(database_run(args, url))
    side: dict[str, Any] | None = None
    if not args.skip_splink:
        side = run_child(args, ["--child-splink"], "splink")
    print()
    print(machine_line())
    print(calibration_line())
    print(f"Seed {args.seed} (held out: the engine was tuned on another seed)")
    verdicts = [report(result) for result in results]  # every database reported
    ok = all(verdicts)
    report_side_by_side(side)
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps({"databases": results, "side_by_side": side}, indent=2), encoding="utf-8"
        )
    return 0 if ok or not args.strict else 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="signals stored")
    parser.add_argument("--queries", type=int, default=1_000, help="new signals timed")
    parser.add_argument("--warm-up", type=int, default=50, help="queries run before timing")
    parser.add_argument(
        "--database", choices=("sqlite", "postgresql", "both", "none"), default="sqlite"
    )
    parser.add_argument("--postgres-url", default="", help="default: DATABASE_URL")
    parser.add_argument("--splink-records", type=int, default=100_000)
    parser.add_argument("--skip-splink", action="store_true")
    parser.add_argument("--seed", type=int, default=HELD_OUT_SEED)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=int, default=5_400, help="seconds per child process")
    parser.add_argument("--json-out", default="", help="also write the results to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    parser.add_argument("--child-batch", default="", help=argparse.SUPPRESS)
    parser.add_argument("--child-splink", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if min(args.records, args.queries, args.splink_records, args.workers) < 1:
        parser.error("counts must be positive")
    return args


def database_run(args: argparse.Namespace, url: str) -> dict[str, Any]:
    result = run_child(args, ["--child", url], redact(url))
    if "error" not in result:
        result["batch"] = run_child(args, ["--child-batch", url], redact(url))
    return result


def run_child(args: argparse.Namespace, extra: list[str], label: str) -> dict[str, Any]:
    command = [sys.executable, __file__, *sys.argv[1:], *extra]
    env = {**os.environ}
    if len(extra) > 1:
        env["DATABASE_URL"] = extra[1]
    try:
        done = subprocess.run(  # noqa: S603 (our own script, our own arguments)
            command, env=env, stdout=subprocess.PIPE, text=True, timeout=args.timeout, check=True
        )
    except subprocess.TimeoutExpired:
        return {"database": label, "error": f"stopped after {args.timeout} s"}
    except subprocess.CalledProcessError as failed:
        return {"database": label, "error": f"exit status {failed.returncode}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- reporting ---------------------------------------------------------------------------------


def _rate(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.4f}"


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def report(result: dict[str, Any]) -> bool:
    print(f"\n== {result['database']}")
    if "error" in result:
        print(f"   ERROR: {result['error']}")
        return False
    q, b = result["queries"], result.get("batch", {})
    query_ok = q["p95_ms"] <= QUERY_P95_TARGET_MS
    print(
        f"   stored                 {result['records']:,} signals of {result['persons']:,} "
        f"persons; {result['blocking_keys']:,} blocking keys; loaded in {result['load_s']:.0f} s"
    )
    print(
        f"   one new signal         median {q['median_ms']:.1f} ms, p95 {q['p95_ms']:.1f} ms, "
        f"max {q['max_ms']:.1f} ms over {q['count']:,} (target p95 <= "
        f"{QUERY_P95_TARGET_MS:.0f} ms: {_verdict(query_ok)})"
    )
    print(
        f"     of which (medians)   encode {q['encode_median_ms']:.2f} ms, candidates "
        f"{q['candidates_median_ms']:.1f} ms, score {q['score_median_ms']:.1f} ms; candidates "
        f"per signal median {q['candidates_median']:.0f}, p95 {q['candidates_p95']:.0f}, "
        f"max {q['candidates_max']:,}"
    )
    print(
        f"   queries                recall (both bands) {_rate(q['both']['recall'])}, "
        f"precision (upper band) {_rate(q['likely']['precision'])}"
    )
    if "error" in b or not b:
        print(f"   batch: ERROR {b.get('error', 'not run')}")
        return False
    batch_ok = b["seconds"] <= BATCH_TARGET_S and b["peak_rss_mib"] <= MEMORY_TARGET_MIB
    recall_ok = (b["both"]["recall"] or 0) >= RECALL_TARGET
    precision_ok = (b["likely"]["precision"] or 0) >= PRECISION_TARGET
    print(
        f"   batch, all signals     {b['seconds']:.1f} s (reading {b['read_s']:.1f} s), peak "
        f"{b['peak_rss_mib']:,.0f} MiB (targets <= {BATCH_TARGET_S:.0f} s, <= "
        f"{MEMORY_TARGET_MIB:,.0f} MiB: {_verdict(batch_ok)}); {b['stats']['pairs_compared']:,}"
        f" pairs compared; largest block {b['stats']['largest_block']}, "
        f"{b['stats']['blocks_skipped']} skipped"
    )
    print(
        f"   batch: both bands      recall {_rate(b['both']['recall'])} (target >= "
        f"{RECALL_TARGET}: {_verdict(recall_ok)}), precision {_rate(b['both']['precision'])}; "
        f"on linkable pairs recall {_rate(b['both_linkable']['recall'])}"
    )
    print(
        f"   batch: upper band      precision {_rate(b['likely']['precision'])} (target >= "
        f"{PRECISION_TARGET}: {_verdict(precision_ok)}), recall {_rate(b['likely']['recall'])}"
    )
    return bool(query_ok and batch_ok and recall_ok and precision_ok)


def report_side_by_side(side: dict[str, Any] | None) -> None:
    if side is None:
        print("\n   splink: skipped (--skip-splink)")
        return
    print(f"\n== The same {side.get('records', 0):,}-record deduplication, side by side")
    if "error" in side:
        print(f"   could not run: {side['error']}")
        return
    for row in side["schakel"]:
        print(
            f"   Schakel ({row['what']:<34}) recall {_rate(row['recall'])}  precision "
            f"{_rate(row['precision'])}  F1 {_rate(row['f1'])}  {side['schakel_s']:6.1f} s"
        )
    splink = side["splink"]
    if "error" in splink:
        print(f"   splink: could not run: {splink['error']}")
        return
    for row in splink["thresholds"]:
        print(
            f"   splink {splink['version']} p >= {row['threshold']:<23} recall "
            f"{_rate(row['recall'])}  precision {_rate(row['precision'])}  F1 "
            f"{_rate(row['f1'])}  {splink['seconds']:6.1f} s"
        )


# --- database children -------------------------------------------------------------------


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


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.child:
        child(arguments)
    elif arguments.child_batch:
        child_batch(arguments)
    elif arguments.child_splink:
        child_splink(arguments)
    else:
        sys.exit(main())
