#!/usr/bin/env python3
"""Benchmark of the case list and the case detail: latency, query counts and throughput.

Usage (from the repository root, with the project's virtualenv and the ``bench`` group):

    scripts/with-postgres .venv/bin/python benchmarks/cases.py             # the issue's sizes
    scripts/with-postgres .venv/bin/python benchmarks/cases.py --cases 2000 --signals 20000 \\
        --interventions 6000 --requests 50                                  # a quick look
    .venv/bin/python benchmarks/cases.py --database sqlite --skip-locust   # SQLite only

It fills a throw-away database (a temporary SQLite file; on PostgreSQL a new database
``schakel_bench_<random>`` on a local server, dropped afterwards) with a fictional network
(``cases_data``): by default 100,000 cases, 1,000,000 signals, 300,000 interventions and 200
organisations. For three personas with realistic access — a municipal lead whose municipality
directs ~1/50 of the cases, a process director whose ZVH runs ~1/10, a partner member whose
organisation takes part structurally in ~2,000 — it prints:

- median and 95th percentile latency of the case list (first page) and a case detail, through
  the selectors and through the UI and the API with Django's test client in this process
  (UI: a signed-in session with the second factor done; API: a personal access token), over
  ``--requests`` requests each; target p95 <= 50 ms;
- the number of queries of each of those with only ``cases_data.SMALL_CASES`` cases in the
  database and with all of them; target: equal;
- on PostgreSQL, requests per second of 16 concurrent API users (locust, headless, no think
  time, ``--locust-seconds``) against gunicorn started on 127.0.0.1 by this script.

Each database runs in a child process with a time limit (``--timeout``); locust and gunicorn
run under it with limits of their own, and the server is stopped afterwards. Definitions and
results: docs/benchmarks.md.
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

from cases_child import child
from cases_latency import WARM_UP
from cases_report import report
from processing_log import (
    calibration_line,
    machine_line,
    redact,
    throwaway_postgres_database,
)

ROOT = Path(__file__).resolve().parent.parent


# --- parent: one child process per database ---------------------------------------------------


def main() -> int:
    args = parse_args()
    postgres_url = args.postgres_url or os.environ.get("DATABASE_URL", "")
    if not postgres_url.startswith(("postgres://", "postgresql://")):
        postgres_url = ""
    if args.database in {"postgresql", "both"} and not postgres_url:
        print(
            "PostgreSQL asked for, but no --postgres-url or DATABASE_URL=postgres://… — run under "
            "scripts/with-postgres, or use --database sqlite."
        )
        return 2
    results: list[dict[str, Any]] = []
    if args.database in {"sqlite", "both"}:
        folder = Path(tempfile.mkdtemp(prefix="schakel-bench-cases-"))
        try:
            results.append(run_child(args, f"sqlite:///{folder / 'bench.sqlite3'}"))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.database in {"postgresql", "both"}:
        with throwaway_postgres_database(postgres_url) as url:
            results.append(run_child(args, url))
    print()
    print(machine_line())
    print(calibration_line())
    print(code_line())
    print(
        f"Sizes asked: {args.cases:,} cases, {args.signals:,} signals, "
        f"{args.interventions:,} interventions, {args.organisations} organisations; "
        f"{args.requests} timed requests per figure (after {WARM_UP} untimed); seed {args.seed}"
    )
    ok = True
    for result in results:
        ok &= report(result)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if ok or not args.strict else 1


def code_line() -> str:
    """Which code was measured: the commit, and whether the working tree had changes."""
    git = shutil.which("git")
    if git is None:
        return "Code: git not found"

    def run_git(*arguments: str) -> str:
        done = subprocess.run(  # noqa: S603 (git with fixed arguments)
            [git, *arguments], cwd=ROOT, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    try:
        commit = run_git("rev-parse", "--short", "HEAD")
        dirty = run_git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "Code: not a git checkout"
    return f"Code: commit {commit}" + (" with uncommitted changes" if dirty else "")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--signals", type=int, default=1_000_000)
    parser.add_argument("--interventions", type=int, default=300_000)
    parser.add_argument("--organisations", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per figure")
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--postgres-url", default="", help="default: DATABASE_URL")
    parser.add_argument("--skip-locust", action="store_true")
    parser.add_argument("--locust-users", type=int, default=16)
    parser.add_argument("--locust-seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="seconds gunicorn keeps a database connection (production: 60)",
    )
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--timeout", type=int, default=4 * 3_600, help="seconds per database")
    parser.add_argument("--json-out", default="", help="also write the results to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if min(args.cases, args.requests, args.locust_users, args.locust_seconds, args.workers) < 1:
        parser.error("counts must be positive")
    if args.cases < 10 * 10:
        parser.error("--cases must be at least 100")
    if args.signals < args.cases:
        parser.error("--signals must be at least --cases (every case's subject has a signal)")
    if args.interventions < 0 or args.organisations < 20:
        parser.error("--interventions must be >= 0 and --organisations >= 20")
    return args


def run_child(args: argparse.Namespace, database_url: str) -> dict[str, Any]:
    command = [sys.executable, __file__, *sys.argv[1:], "--child", database_url]
    env = {**os.environ, "DATABASE_URL": database_url}
    try:
        done = subprocess.run(  # noqa: S603 (our own script, our own arguments)
            command, env=env, stdout=subprocess.PIPE, text=True, timeout=args.timeout, check=True
        )
    except subprocess.TimeoutExpired:
        return {"database": redact(database_url), "error": f"stopped after {args.timeout} s"}
    except subprocess.CalledProcessError as failed:
        return {"database": redact(database_url), "error": f"exit status {failed.returncode}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.child:
        child(arguments)
    else:
        sys.exit(main())
