#!/usr/bin/env python3
"""Benchmark of the convergence engine: speed, recall and precision on synthetic identities.

Usage (from the repository root, with the project's virtualenv and the ``bench`` group):

    .venv/bin/python benchmarks/convergence.py                      # SQLite, 1,000,000 signals
    .venv/bin/python benchmarks/convergence.py --records 20000      # a quick look
    scripts/with-postgres .venv/bin/python benchmarks/convergence.py --database postgresql
    .venv/bin/python benchmarks/convergence.py --database both --postgres-url postgres://...

It generates fictional identities with planted duplicates (``convergence_people``), stores the
signals, their encodings and blocking keys in a throw-away database (a temporary SQLite file;
on PostgreSQL a new database ``schakel_bench_<random>`` on a local server, dropped afterwards),
and prints:

- one new signal: the time to encode it, find its candidates (``engine.candidates``) and score
  them (``engine.score``), median and 95th percentile over ``--queries`` new signals, each a new
  registration of a stored person; target p95 <= 50 ms;
- recall and precision of those queries on the planted duplicates; target >= 0.95 both;
- a batch pass deduplicating every stored signal (``convergence_batch``); target <= 120 s, with
  its recall and precision;
- the same job on the first ``--splink-records`` signals (default 100,000) by our batch pass and
  by splink with DuckDB: recall, precision and time of both.

Each database and the splink job run in a child process with a time limit (``--timeout``), so
the benchmark always stops. Definitions of the figures: docs/benchmarks.md.
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
    VARIATION_BITS,
    Population,
    Record,
    chunks,
    make_population,
    make_record,
    planted_pairs,
    quality,
    records_for,
)
from processing_log import (  # noqa: E402
    calibration_line,
    machine_line,
    redact,
    throwaway_postgres_database,
)

QUERY_P95_TARGET_MS = 50.0
QUALITY_TARGET = 0.95
BATCH_TARGET_S = 120.0
# Signal ids are made from the record number, so a candidate's record is known without a lookup.
UUID_BASE = uuid.UUID("5c4a0000-0000-4000-8000-000000000000").int
UUID_INDEX_MASK = (1 << 48) - 1


# --- parent: one child process per database, one for splink ---------------------------------


def main() -> int:
    args = parse_args()
    postgres_url = args.postgres_url or os.environ.get("DATABASE_URL", "")
    if not postgres_url.startswith(("postgres://", "postgresql://")):
        postgres_url = ""
    results: list[dict[str, Any]] = []
    if args.database in {"sqlite", "both"}:
        folder = Path(tempfile.mkdtemp(prefix="schakel-bench-convergence-"))
        try:
            results.append(run_child(args, ["--child", f"sqlite:///{folder / 'bench.sqlite3'}"]))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.database in {"postgresql", "both"}:
        if not postgres_url:
            print("PostgreSQL asked for, but no --postgres-url or DATABASE_URL=postgres://…")
            return 2
        with throwaway_postgres_database(postgres_url) as url:
            results.append(run_child(args, ["--child", url]))
    splink: dict[str, Any] | None = None
    if not args.skip_splink:
        splink = run_child(args, ["--child-splink"])
    print()
    print(machine_line())
    print(calibration_line())
    print(settings_line(args, results))
    ok = True
    for result in results:
        ok &= report(result)
    report_side_by_side(results, splink)
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps({"databases": results, "splink": splink}, indent=2), encoding="utf-8"
        )
    return 0 if ok or not args.strict else 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="signals stored")
    parser.add_argument("--queries", type=int, default=1_000, help="new signals timed")
    parser.add_argument("--warm-up", type=int, default=50, help="queries run before timing")
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgresql", "both", "none"),
        default="sqlite",
        help="none: only the splink job",
    )
    parser.add_argument("--postgres-url", default="", help="default: DATABASE_URL")
    parser.add_argument("--splink-records", type=int, default=100_000)
    parser.add_argument("--skip-splink", action="store_true")
    parser.add_argument("--max-block", type=int, default=1_000, help="batch: larger blocks skipped")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=int, default=3_600, help="seconds per child process")
    parser.add_argument("--json-out", default="", help="also write the results to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    parser.add_argument("--child-splink", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if min(args.records, args.queries, args.splink_records, args.max_block, args.workers) < 1:
        parser.error("counts must be positive")
    return args


def run_child(args: argparse.Namespace, extra: list[str]) -> dict[str, Any]:
    command = [sys.executable, __file__, *sys.argv[1:], *extra]
    env = {**os.environ}
    if extra[0] == "--child":
        env["DATABASE_URL"] = extra[1]
    label = redact(extra[1]) if extra[0] == "--child" else "splink"
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


def settings_line(args: argparse.Namespace, results: list[dict[str, Any]]) -> str:
    engine = next((r["engine"] for r in results if "engine" in r), None)
    if engine is None:
        return f"Seed {args.seed}"
    return (
        f"Engine: threshold {engine['threshold']}; weights given names "
        f"{engine['weights'][0]} / surname {engine['weights'][1]} / date of birth "
        f"{engine['weights'][2]}; MAX_CANDIDATES {engine['max_candidates']}; "
        f"batch blocks over {args.max_block} skipped; seed {args.seed}"
    )


def _rate(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.4f}"


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def report(result: dict[str, Any]) -> bool:
    print(f"\n== {result['database']}")
    if "error" in result:
        print(f"   ERROR: {result['error']}")
        return False
    q, b = result["queries"], result["batch"]
    query_ok = q["p95_ms"] <= QUERY_P95_TARGET_MS
    quality_ok = min(q["recall"], q["precision"]) >= QUALITY_TARGET
    batch_ok = b["seconds"] <= BATCH_TARGET_S
    batch_quality_ok = min(b["recall"], b["precision"]) >= QUALITY_TARGET
    print(
        f"   stored                 {result['records']:,} signals of {result['persons']:,} "
        f"persons; {result['blocking_keys']:,} blocking keys; loaded in {result['load_s']:.0f} s"
    )
    print(
        f"   one new signal         median {q['median_ms']:.1f} ms, p95 {q['p95_ms']:.1f} ms, "
        f"max {q['max_ms']:.1f} ms over {q['count']:,} (target p95 <= {QUERY_P95_TARGET_MS:.0f}"
        f" ms: {_verdict(query_ok)})"
    )
    print(
        f"     of which             encode {q['encode_median_ms']:.2f} ms, candidates "
        f"{q['candidates_median_ms']:.1f} ms, score {q['score_median_ms']:.1f} ms (medians); "
        f"candidates per signal median {q['candidates_median']:.0f}, p95 "
        f"{q['candidates_p95']:.0f}, max {q['candidates_max']:,}"
    )
    print(
        f"   queries: recall        {_rate(q['recall'])}   precision {_rate(q['precision'])}   "
        f"(target >= {QUALITY_TARGET}: {_verdict(quality_ok)}); {q['true_pairs']:,} planted "
        f"pairs, {q['found_pairs']:,} found, {q['false_positives']:,} false"
    )
    print(
        f"   batch, all signals     {b['seconds']:.1f} s (read {b['read_s']:.1f} s) "
        f"(target <= {BATCH_TARGET_S:.0f} s: {_verdict(batch_ok)}); "
        f"{b['pairs_compared']:,} pairs compared in {b['blocks_compared']:,} blocks; "
        f"{b['blocks_skipped']} blocks over {b['max_block']} skipped"
    )
    print(
        f"   batch: recall          {_rate(b['recall'])}   precision {_rate(b['precision'])}   "
        f"(target >= {QUALITY_TARGET}: {_verdict(batch_quality_ok)}); {b['true_pairs']:,} "
        f"planted pairs, {b['found_pairs']:,} found, {b['false_positives']:,} false"
    )
    print(
        f"   namesakes              {result['namesake_pairs']:,} pairs of different persons "
        "with the same folded names and date of birth (no method can tell these apart)"
    )
    print(
        f"   vectorised self-check  {b['agreement_close']:,} of {b['agreement_pairs']:,} "
        f"sampled pairs within 1 point of compare(); largest difference {b['agreement_worst']}"
    )
    recall_by = ", ".join(f"{k} {v:.3f}" for k, v in sorted(b["recall_by_variation"].items()))
    print(f"   batch recall by variation in the pair: {recall_by}")
    return bool(query_ok and quality_ok and batch_ok and batch_quality_ok)


def report_side_by_side(results: list[dict[str, Any]], splink: dict[str, Any] | None) -> None:
    ours = [r for r in results if "side_by_side" in r]
    if not ours and splink is None:
        return
    size = ours[0]["side_by_side"]["records"] if ours else (splink or {}).get("records", 0)
    print(f"\n== The same {size:,}-record deduplication, side by side")
    for result in ours:
        s = result["side_by_side"]
        print(
            f"   Schakel batch ({result['database'].split(' ')[0]:<10}) recall {_rate(s['recall'])}"
            f"   precision {_rate(s['precision'])}   {s['seconds']:7.1f} s  (encodings only; "
            f"encoding the records took {s['encode_s']:.1f} s of CPU)"
        )
    if splink is None:
        print("   splink: skipped (--skip-splink)")
    elif "error" in splink:
        print(f"   splink: could not run: {splink['error']}")
    else:
        for row in splink["thresholds"]:
            print(
                f"   splink {splink['version']} + DuckDB {splink['duckdb']}, match probability "
                f">= {row['threshold']}: recall {_rate(row['recall'])}   precision "
                f"{_rate(row['precision'])}   {splink['seconds']:7.1f} s  (plain names; "
                f"training {splink['training_s']:.1f} s, prediction {splink['predict_s']:.1f} s)"
            )


# --- both children: the data -------------------------------------------------------------------


def signal_uuid(index: int) -> uuid.UUID:
    return uuid.UUID(int=UUID_BASE | index)


def index_of(signal_id: uuid.UUID) -> int:
    return signal_id.int & UUID_INDEX_MASK


# --- database child ------------------------------------------------------------------------------


def child(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = args.child
    if args.child.startswith("sqlite"):
        import sqlite3

        sqlite3.connect(args.child.removeprefix("sqlite:///")).execute("PRAGMA journal_mode=WAL")
    import django

    django.setup()
    import multiprocessing

    # Workers fork before any database connection exists; they only encode and encrypt.
    pool = multiprocessing.get_context("fork").Pool(args.workers)

    import convergence_store as store
    from django.core.management import call_command
    from django.db import connection

    log = sys.stderr
    call_command("migrate", verbosity=0)
    split = min(args.splink_records, args.records)
    population = make_population(args.seed, args.records, split)
    print(f"  {connection.vendor}: {len(population.persons):,} persons", file=log)

    started = time.perf_counter()
    loaded = store.load(pool, population, args.seed, args.records, log)
    pool.close()
    load_s = time.perf_counter() - started

    queries = run_queries(args, population, log)
    planted_all = planted_pairs(population.record_person, args.records)
    batch = store.batch(
        args.records, args.max_block, planted_all, loaded.variation_masks, VARIATION_BITS, log
    )
    side_batch = batch
    if split < args.records:
        planted_split = planted_pairs(population.record_person, split)
        side_batch = store.batch(split, args.max_block, planted_split, None, {}, log)
    side = {
        "records": split,
        "recall": side_batch["recall"],
        "precision": side_batch["precision"],
        "seconds": side_batch["seconds"],
        "encode_s": loaded.encode_cpu_s * split / args.records,
    }
    print(
        json.dumps(
            {
                "database": store.database_label(),
                "engine": engine_settings(),
                "records": args.records,
                "persons": len(population.persons),
                "blocking_keys": loaded.blocking_keys,
                "load_s": load_s,
                "namesake_pairs": loaded.namesake_pairs,
                "queries": queries,
                "batch": batch,
                "side_by_side": side,
            }
        )
    )


def engine_settings() -> dict[str, Any]:
    from schakel.intake.convergence import comparison, engine

    return {
        "threshold": engine.threshold(),
        "weights": [
            comparison.WEIGHT_GIVEN_NAMES,
            comparison.WEIGHT_SURNAME,
            comparison.WEIGHT_DATE_OF_BIRTH,
        ],
        "max_candidates": engine.MAX_CANDIDATES,
    }


def run_queries(args: argparse.Namespace, population: Population, log: Any) -> dict[str, Any]:
    """Time encode + candidates + score for new registrations of stored persons."""
    import random

    from schakel.intake.convergence import engine
    from schakel.intake.convergence.encoding import Identity, encode

    rng = random.Random(f"schakel-convergence-queries:{args.seed}")
    stored = population.records_per_person()
    persons = rng.sample(sorted(stored), args.queries + args.warm_up)
    threshold = engine.threshold()

    def identity(record: Record) -> Identity:
        return Identity(
            record.given_names,
            record.surname_prefix,
            record.surname,
            record.date_of_birth,
            record.sex,
            record.bsn,
        )

    totals: list[float] = []
    encode_s: list[float] = []
    candidates_s: list[float] = []
    score_s: list[float] = []
    candidate_counts: list[int] = []
    found: set[tuple[int, int]] = set()
    planted: set[tuple[int, int]] = set()
    for number, person in enumerate(persons):
        record = make_record(rng, person, population.persons[person])
        started = time.perf_counter()
        encoding = encode(identity(record))
        encoded = time.perf_counter()
        candidates = engine.candidates(encoding)
        fetched = time.perf_counter()
        scored = engine.score(encoding, candidates)
        done = time.perf_counter()
        if number < args.warm_up:
            continue
        totals.append(done - started)
        encode_s.append(encoded - started)
        candidates_s.append(fetched - encoded)
        score_s.append(done - fetched)
        candidate_counts.append(len(candidates))
        assert all(s.comparison.score >= threshold for s in scored)
        found |= {(number, index_of(s.signal_id)) for s in scored}
        planted |= {(number, stored_record) for stored_record in stored[person]}
    print(f"  queries done: {len(totals):,}", file=log)

    def ms(values: list[float], quantile: int | None = None) -> float:
        if quantile is None:
            return 1000 * statistics.median(values)
        return 1000 * statistics.quantiles(values, n=100, method="inclusive")[quantile - 1]

    counts = sorted(candidate_counts)
    return {
        "count": len(totals),
        "median_ms": ms(totals),
        "p95_ms": ms(totals, 95),
        "max_ms": 1000 * max(totals),
        "encode_median_ms": ms(encode_s),
        "candidates_median_ms": ms(candidates_s),
        "score_median_ms": ms(score_s),
        "candidates_median": statistics.median(counts),
        "candidates_p95": counts[int(0.95 * (len(counts) - 1))],
        "candidates_max": counts[-1],
        "threshold": threshold,
        **quality(found, planted),
    }


# --- splink child ---------------------------------------------------------------------------


def child_splink(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    split = min(args.splink_records, args.records)
    population = make_population(args.seed, split, split)
    records: list[Record] = []
    for start, people in chunks(population, split):
        records.extend(records_for(args.seed, start, people))
    planted = planted_pairs(population.record_person, split)
    try:
        import convergence_splink
    except ImportError as missing:
        print(json.dumps({"records": split, "error": f"splink is not installed ({missing})"}))
        return
    print(json.dumps(convergence_splink.run(records, planted, args.seed)))


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.child:
        child(arguments)
    elif arguments.child_splink:
        child_splink(arguments)
    else:
        sys.exit(main())
