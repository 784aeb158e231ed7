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
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from convergence_children import child, child_batch, child_splink
from convergence_people import HELD_OUT_SEED
from convergence_report import report, report_side_by_side
from processing_log import (
    calibration_line,
    machine_line,
    redact,
    throwaway_postgres_database,
)


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
