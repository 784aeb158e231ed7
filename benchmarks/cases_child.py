"""The child process of ``cases.py`` (``--child URL``): one database, filled and measured.

Prints its result as one line of JSON for the parent to report.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from cases_latency import available_measures, measure_latency, query_counts
from cases_locust import run_locust
from cases_personas import make_personas, visible_ids

ROOT = Path(__file__).resolve().parent.parent


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
    import cases_data
    from django.core.management import call_command
    from django.db import connection

    log = sys.stderr
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    world = cases_data.make_world(seed=args.seed, organisations=args.organisations, log=log)
    totals = cases_data.Totals()
    small = cases_data.SMALL_CASES
    sizes = {"cases": args.cases, "signals": args.signals, "interventions": args.interventions}
    cases_data.load_cases(world, start=0, stop=small, totals=totals, log=log, **sizes)
    cases_data.analyse()
    personas = make_personas(world)
    available, missing = available_measures()
    small_ids = {p.key: world.small_case_ids[0] for p in personas}
    counts_small = {
        p.key: query_counts(p, available, small_ids[p.key], world.small_case_ids) for p in personas
    }
    print(f"  {connection.vendor}: query counts with {small} cases done", file=log)

    cases_data.load_cases(world, start=small, stop=args.cases, totals=totals, log=log, **sizes)
    cases_data.analyse()
    load_s = time.perf_counter() - started
    for persona in personas:
        persona.visible_ids = visible_ids(persona)
    counts_full = {
        p.key: query_counts(p, available, small_ids[p.key], world.small_case_ids) for p in personas
    }
    rng = random.Random(f"schakel-cases-requests:{args.seed}")
    latency: dict[str, dict[str, Any]] = {}
    for persona in personas:
        latency[persona.key] = {}
        for measure in available:
            latency[persona.key][measure] = measure_latency(persona, measure, args.requests, rng)
            figure = latency[persona.key][measure]
            print(
                f"  {connection.vendor}: {persona.key}, {measure}: "
                + (
                    figure["error"]
                    if "error" in figure
                    else f"median {figure['median_ms']:.1f} ms, p95 {figure['p95_ms']:.1f} ms"
                ),
                file=log,
            )
    locust: dict[str, Any] | None = None
    if connection.vendor == "postgresql":
        if args.skip_locust:
            locust = {"skipped": "--skip-locust"}
        elif not {"API list", "API detail"} <= set(available):
            locust = {"skipped": "the API endpoints v1:case-list / v1:case-detail do not exist"}
        else:
            locust = run_locust(args, personas, log)
    print(
        json.dumps(
            {
                "database": database_label(connection),
                "organisations": args.organisations,
                "meetings": sum(len(ids) for ids in world.meeting_ids),
                "rows": totals.rows,
                "load_s": load_s,
                "small_cases": small,
                "visible": {p.key: len(p.visible_ids) for p in personas},
                "query_counts": {"small": counts_small, "full": counts_full},
                "latency": latency,
                "missing": missing,
                "locust": locust,
            }
        )
    )


def database_label(connection: Any) -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    major, minor = divmod(connection.pg_version, 10_000)
    return f"PostgreSQL {major}.{minor}"
