#!/usr/bin/env python3
"""Benchmark of the processing log: writing through ``log_processing`` and verifying the chain.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python benchmarks/processing_log.py                 # SQLite, 1,000,000 records
    .venv/bin/python benchmarks/processing_log.py --records 100000
    DATABASE_URL=postgres://user:pw@127.0.0.1:5432/postgres \
        .venv/bin/python benchmarks/processing_log.py
    .venv/bin/python benchmarks/processing_log.py --postgres-url postgres://... --skip-sqlite

Each database gets its own throw-away database: a temporary SQLite file, and on the given
PostgreSQL server (loopback or socket only) a new database ``schakel_bench_<random>`` that is
dropped afterwards. Nothing else is touched. Each database runs in a child process with a time
limit (``--timeout``), so the benchmark always stops.

Figures:
- bulk write: records/s through the service, ``--per-transaction`` single-subject calls per
  transaction (how a batch job writes);
- per request: a small change committed in its own transaction, with and without its log record
  (alternating, ``--single-calls`` times each): the difference is what logging adds to a
  request; also the ``log_processing`` call on its own and the whole transaction;
- verification: records/s of ``verify_processing_log`` over the whole log (worker processes
  included), and the same with one process.
Targets (issue #2): verification >= 500,000 records/s; logging adds <= 2 ms to a request.
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from schakel.cases.activities import CaseActivity

ROOT = Path(__file__).resolve().parent.parent
VERIFY_TARGET = 500_000  # records/s
REQUEST_TARGET_MS = 2.0
LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}


# --- parent: one child process per database -------------------------------------------------


def main() -> int:
    args = parse_args()
    postgres_url = args.postgres_url or os.environ.get("DATABASE_URL", "")
    if postgres_url and not postgres_url.startswith(("postgres://", "postgresql://")):
        postgres_url = ""  # e.g. DATABASE_URL=sqlite:///... from the environment
    results: list[dict[str, Any]] = []
    ok = True
    if not args.skip_sqlite:
        folder = Path(tempfile.mkdtemp(prefix="schakel-bench-"))
        try:
            results.append(run_child(args, f"sqlite:///{folder / 'bench.sqlite3'}"))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if postgres_url:
        with throwaway_postgres_database(postgres_url) as url:
            results.append(run_child(args, url))
    elif args.skip_sqlite:
        print("Nothing to do: --skip-sqlite without --postgres-url or DATABASE_URL.")
        return 2
    print()
    print(machine_line())
    print(calibration_line())
    for result in results:
        ok &= report(result)
    return 0 if ok or not args.strict else 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--per-transaction", type=int, default=1_000)
    parser.add_argument("--single-calls", type=int, default=2_000)
    parser.add_argument("--postgres-url", default="")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--timeout", type=int, default=3_600, help="seconds per database")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.records < 1 or args.per_transaction < 1 or args.single_calls < 1:
        parser.error("--records, --per-transaction and --single-calls must be positive")
    return args


def run_child(args: argparse.Namespace, database_url: str) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        database_url,
        "--records",
        str(args.records),
        "--per-transaction",
        str(args.per_transaction),
        "--single-calls",
        str(args.single_calls),
    ]
    env = {**os.environ, "DATABASE_URL": database_url}
    try:
        done = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
            command, env=env, stdout=subprocess.PIPE, text=True, timeout=args.timeout, check=True
        )
    except subprocess.TimeoutExpired:
        return {"database": redact(database_url), "error": f"stopped after {args.timeout} s"}
    except subprocess.CalledProcessError as failed:
        return {"database": redact(database_url), "error": f"exit status {failed.returncode}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


class throwaway_postgres_database:  # noqa: N801 (used as a context manager)
    """CREATE DATABASE schakel_bench_<random> on the given local server; DROP it afterwards."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host not in LOCAL_HOSTS and not host.startswith("/"):
            raise SystemExit(f"Refusing a non-local PostgreSQL server: {parts.hostname}")
        self.admin_url = url
        self.name = f"schakel_bench_{secrets.token_hex(4)}"
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(statement.encode())

    def __enter__(self) -> str:
        self._admin(f'CREATE DATABASE "{self.name}"')
        return self.url

    def __exit__(self, *exc: object) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)


def machine_line() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        ram_gib = int(info.readline().split()[1]) / 1024 / 1024
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"Machine: {os.cpu_count()} CPUs, {cpu}, {ram_gib:.0f} GiB RAM; "
        f"load average {load}; {time.strftime('%Y-%m-%d %H:%M %Z')}"
    )


def calibration_line() -> str:
    """A fixed single-core workload, so figures taken at different times can be compared.

    Shared virtual machines run at different speeds from one hour to the next.
    """
    import hashlib

    payload = b"x" * 450
    started = time.process_time()
    total = 0
    for number in range(2_000_000):
        total += number
    loop_s = time.process_time() - started
    started = time.process_time()
    for _ in range(500_000):
        hashlib.sha256(payload).hexdigest()
    hash_s = time.process_time() - started
    return (
        f"Calibration (1 core): 2M-step Python loop {loop_s:.3f} s; "
        f"500k SHA-256 of 450 bytes {hash_s:.3f} s"
    )


def report(result: dict[str, Any]) -> bool:
    print(f"\n== {result['database']}")
    if "error" in result:
        print(f"   ERROR: {result['error']}")
        return False
    verify_ok = result["verified_per_s"] >= VERIFY_TARGET
    call_ok = result["added_ms"] <= REQUEST_TARGET_MS
    print(f"   records written        {result['records']:>12,}")
    print(f"   bulk write             {result['written_per_s']:>12,.0f} records/s")
    print(
        f"   logging adds           {result['added_ms']:>12.3f} ms per request "
        f"(change + commit with vs without its record)   target <= {REQUEST_TARGET_MS} ms: "
        f"{'PASS' if call_ok else 'FAIL'}"
    )
    print(f"   log_processing call    {result['call_ms']:>12.3f} ms (inside the transaction)")
    print(
        f"   change + log + commit  {result['request_ms']:>12.3f} ms mean, "
        f"{result['request_p95_ms']:.3f} ms p95"
    )
    print(
        f"   verification           {result['verified_per_s']:>12,.0f} records/s "
        f"({result['workers']} processes, {result['verify_s']:.2f} s)   "
        f"target >= {VERIFY_TARGET:,}: {'PASS' if verify_ok else 'FAIL'}"
    )
    print(f"   verification, 1 proc.  {result['verified_per_s_one']:>12,.0f} records/s")
    print(f"   chain intact           {'yes' if result['intact'] else 'NO'}")
    return verify_ok and call_ok and bool(result["intact"])


# --- child: one database ----------------------------------------------------------------------


def child(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = args.child
    if args.child.startswith("sqlite"):
        # As in dev and demo: write-ahead log (a property of the file, kept by every connection).
        import sqlite3

        sqlite3.connect(args.child.removeprefix("sqlite:///")).execute("PRAGMA journal_mode=WAL")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from schakel.accounts.models import User
    from schakel.audit.choices import SubjectType
    from schakel.audit.models import LogRecord
    from schakel.audit.services import Subject, log_processing
    from schakel.audit.verification import PARALLEL_FROM, verify_processing_log
    from schakel.core import context

    call_command("migrate", verbosity=0)
    user = User.objects.create_user(
        email="bench@voorbeeld.invalid", password=None, full_name="Bench", function_title="Test"
    )
    request = context.RequestContext(
        trace_id=context.new_trace_id(),
        span_id=context.new_span_id(),
        origin="127.0.0.1",
        membership_id="00000000-0000-4000-8000-000000000001",
        organisation_id="00000000-0000-4000-8000-000000000002",
        role="municipal_lead",
    )
    names = ["signal.read", "case.update", "account.sign_in", "plan.update"]

    def one_call(number: int) -> None:
        log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name=names[number % len(names)],
            by=user,
            subjects=[Subject(SubjectType.PERSON, f"person-{number % 50_000}")],
            attributes={"field": "status", "step": number % 7},
        )

    single_calls = min(args.single_calls, args.records)
    bulk_records = args.records - single_calls
    log = sys.stderr
    with context.activated(request):
        started = time.perf_counter()
        written = 0
        next_report = 0.0
        while written < bulk_records:
            with transaction.atomic():
                for _ in range(min(args.per_transaction, bulk_records - written)):
                    one_call(written)
                    written += 1
            if time.perf_counter() >= next_report:
                print(f"  {connection.vendor}: {written:,} records written", file=log)
                next_report = time.perf_counter() + 30
        bulk_s = time.perf_counter() - started

        # What a request pays: the same small change committed with and without its log
        # record, alternated so that both see the same conditions; and the call on its own.
        with_log, without_log, call_only = [], [], []
        for number in range(single_calls):
            started = time.perf_counter()
            with transaction.atomic():
                User.objects.filter(pk=user.pk).update(function_title=f"Test {number}")
            without_log.append(time.perf_counter() - started)
            started = time.perf_counter()
            with transaction.atomic():
                User.objects.filter(pk=user.pk).update(function_title=f"Test {number}")
                call_started = time.perf_counter()
                one_call(number)
                call_only.append(time.perf_counter() - call_started)
            with_log.append(time.perf_counter() - started)

    print(f"  {connection.vendor}: verifying {LogRecord.objects.count():,} records", file=log)
    started = time.perf_counter()
    report, run = verify_processing_log(started_by_id="benchmark")
    verify_s = time.perf_counter() - started
    started = time.perf_counter()
    report_one, _run = verify_processing_log(started_by_id="benchmark", workers=1)
    verify_one_s = time.perf_counter() - started
    workers = (os.cpu_count() or 1) if report.records_checked >= PARALLEL_FROM else 1
    print(
        json.dumps(
            {
                "database": database_label(connection),
                "records": report.records_checked,
                "written_per_s": bulk_records / bulk_s if bulk_records else 0.0,
                "added_ms": 1000 * (statistics.mean(with_log) - statistics.mean(without_log)),
                "call_ms": 1000 * statistics.mean(call_only),
                "request_ms": 1000 * statistics.mean(with_log),
                "request_p95_ms": 1000 * statistics.quantiles(with_log, n=20)[-1],
                "verified_per_s": report.records_checked / verify_s,
                "verify_s": verify_s,
                "verified_per_s_one": report_one.records_checked / verify_one_s,
                "workers": workers,
                "intact": report.intact and report_one.intact and run.intact,
            }
        )
    )


def database_label(connection: Any) -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    major, minor = divmod(connection.pg_version, 10_000)
    return f"PostgreSQL {major}.{minor}"


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.child:
        child(arguments)
    else:
        sys.exit(main())
