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
import csv
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from processing_log import (  # noqa: E402 (the folder of this script, added above)
    calibration_line,
    machine_line,
    redact,
    throwaway_postgres_database,
)

P95_TARGET_MS = 50.0
PAGE_SIZE = 50  # the selector-level list reads one page of this size and the count
WARM_UP = 10
PERSONAS = ("lead", "director", "partner")
PERSONA_LABELS = {
    "lead": "municipal lead",
    "director": "process director",
    "partner": "partner member",
}
MEASURES = (
    "selector list",
    "selector detail",
    "UI list",
    "UI detail",
    "API list",
    "API detail",
)
URL_NAMES = {
    "UI list": ("cases:case_list", None),
    "UI detail": ("cases:case_detail", "pk"),
    "API list": ("v1:case-list", None),
    "API detail": ("v1:case-detail", "id"),
}


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


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(result: dict[str, Any]) -> bool:
    print(f"\n== {result['database']}")
    if "error" in result:
        print(f"   ERROR: {result['error']}")
        return False
    rows = result["rows"]
    print(
        f"   loaded                 {rows['cases']:,} cases, {rows['signals']:,} signals, "
        f"{rows['interventions']:,} interventions, {result['organisations']} organisations; "
        f"{rows['participations']:,} participations, {rows['items']:,} agenda items, "
        f"{rows['versions']:,} plan versions, {rows['subjects']:,} subjects, "
        f"{rows['related']:,} related persons, {result['meetings']:,} meetings "
        f"(in {result['load_s']:.0f} s)"
    )
    visible = ", ".join(f"{PERSONA_LABELS[p]} {result['visible'][p]:,}" for p in PERSONAS)
    print(f"   cases visible          {visible}")
    ok = True
    print(f"   latency (ms)           median     p95     max   target p95 <= {P95_TARGET_MS:.0f}")
    for persona in PERSONAS:
        for measure in MEASURES:
            figure = result["latency"][persona].get(measure)
            label = f"{PERSONA_LABELS[persona]}, {measure}"
            if figure is None:
                continue
            if "error" in figure:
                print(f"     {label:<38} ERROR: {figure['error']}")
                ok = False
                continue
            met = figure["p95_ms"] <= P95_TARGET_MS and figure["failures"] == 0
            ok &= met
            failures = f"  {figure['failures']} not 200" if figure["failures"] else ""
            print(
                f"     {label:<38} {figure['median_ms']:6.1f} {figure['p95_ms']:7.1f} "
                f"{figure['max_ms']:7.1f}   {_verdict(met)}{failures}"
            )
    counts = result["query_counts"]
    print(f"   queries per request    {result['small_cases']} cases / all cases   target: equal")
    for persona in PERSONAS:
        for measure in MEASURES:
            small = counts["small"][persona].get(measure)
            full = counts["full"][persona].get(measure)
            if small is None or full is None:
                continue
            label = f"{PERSONA_LABELS[persona]}, {measure}"
            if isinstance(small, str) or isinstance(full, str):
                ok = False
                print(f"     {label:<38} ERROR: {small if isinstance(small, str) else full}")
                continue
            met = small == full
            ok &= met
            print(f"     {label:<38} {small:6} / {full:<6}   {_verdict(met)}")
    for note in result["missing"]:
        print(f"   not measured           {note}")
    locust = result.get("locust")
    if locust is not None:
        print(report_locust(locust))
    return ok


def report_locust(locust: dict[str, Any]) -> str:
    if "skipped" in locust:
        return f"   locust                 skipped: {locust['skipped']}"
    if "error" in locust:
        return f"   locust                 ERROR: {locust['error']}"
    lines = [
        f"   locust                 {locust['users']} API users, no think time, "
        f"{locust['seconds']} s, gunicorn {locust['workers']} workers (CONN_MAX_AGE "
        f"{locust['conn_max_age']}): {locust['rps']:.1f} requests/s in all, "
        f"{locust['failures']} failures"
    ]
    for name, row in locust["endpoints"].items():
        lines.append(
            f"     {name:<38} {row['requests']:>7,} requests  {row['rps']:6.1f}/s  median "
            f"{row['median_ms']:.0f} ms  p95 {row['p95_ms']:.0f} ms  failures {row['failures']}"
        )
    return "\n".join(lines)


# --- child: one database ----------------------------------------------------------------------


@dataclass
class Persona:
    key: str
    membership: Any  # accounts.Membership
    token: str
    visible_ids: list[uuid.UUID]


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


def make_personas(world: Any) -> list[Persona]:
    """The three personas' memberships (organisation loaded) and an API token each."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from schakel.accounts.models import Membership
    from schakel.accounts.services import access_token_create

    personas = []
    for key, user in (
        ("lead", world.lead),
        ("director", world.director),
        ("partner", world.partner),
    ):
        TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
        membership = Membership.objects.select_related("organisation", "user").get(user=user)
        token = access_token_create(user=user, name="Benchmark", days=7)[1]
        personas.append(Persona(key=key, membership=membership, token=token, visible_ids=[]))
    return personas


def visible_ids(persona: Persona) -> list[uuid.UUID]:
    from schakel.cases.selectors import case_list_for

    return list(case_list_for(membership=persona.membership).values_list("id", flat=True))


def available_measures() -> tuple[list[str], list[str]]:
    """The measures whose URLs exist (the views are built alongside this benchmark)."""
    from django.urls import NoReverseMatch, reverse

    available, missing = ["selector list", "selector detail"], []
    for measure, (name, kwarg) in URL_NAMES.items():
        try:
            reverse(name, kwargs={kwarg: uuid.uuid4()} if kwarg else None)
        except NoReverseMatch:
            missing.append(f"{measure}: URL name {name} does not exist")
        else:
            available.append(measure)
    return available, missing


# --- one request of each kind -------------------------------------------------------------------


def ui_client(persona: Persona) -> Any:
    """A test client signed in as ``conftest.sign_in`` does it: second factor done."""
    from django.test import Client
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = persona.membership.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    assert device is not None
    client = Client()
    client.force_login(user)
    session = client.session
    now = timezone.now().isoformat()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session["auth_started_at"] = now
    session["last_seen_at"] = now
    session.save()
    return client


def api_client(persona: Persona) -> Any:
    from django.test import Client

    return Client(headers={"Authorization": f"Bearer {persona.token}"})


def request_for(persona: Persona, measure: str) -> Callable[[uuid.UUID], int]:
    """A function doing one request (or selector call) of this kind; returns the status."""
    from django.db import transaction
    from django.urls import reverse

    from schakel.cases.selectors import case_get_for, case_list_for
    from schakel.core import context

    membership = persona.membership
    if measure == "selector list":

        def selector_list(_pk: uuid.UUID) -> int:
            cases = case_list_for(membership=membership)
            cases.count()
            for case in cases[:PAGE_SIZE]:
                _ = (case.reference, case.directing_municipality.name, case.zvh.name)
            return 200

        return selector_list
    if measure == "selector detail":
        request_context = context.RequestContext(
            trace_id=context.new_trace_id(),
            span_id=context.new_span_id(),
            origin="127.0.0.1",
            membership_id=str(membership.pk),
            organisation_id=str(membership.organisation_id),
            role=membership.role,
        )

        def selector_detail(pk: uuid.UUID) -> int:
            with context.activated(request_context), transaction.atomic():
                case_get_for(membership=membership, pk=pk)
            return 200

        return selector_detail
    name, kwarg = URL_NAMES[measure]
    client = ui_client(persona) if measure.startswith("UI") else api_client(persona)

    def http(pk: uuid.UUID) -> int:
        url = reverse(name, kwargs={kwarg: pk}) if kwarg else reverse(name)
        status: int = client.get(url).status_code
        return status

    return http


def query_counts(
    persona: Persona, measures: list[str], detail_id: uuid.UUID, warm_ids: list[uuid.UUID]
) -> dict[str, int | str]:
    """Queries of one request of each kind, after one untimed request of that kind."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts: dict[str, int | str] = {}
    for measure in measures:
        call = request_for(persona, measure)
        try:
            call(detail_id)
            with CaptureQueriesContext(connection) as captured:
                call(detail_id)
        except Exception as failed:  # a view still being built must not stop the benchmark
            counts[measure] = f"{type(failed).__name__}: {failed}"[:200]
            continue
        counts[measure] = len(captured.captured_queries)
    return counts


def measure_latency(
    persona: Persona, measure: str, requests: int, rng: random.Random
) -> dict[str, Any]:
    if not persona.visible_ids:
        return {"error": "the persona sees no case"}
    call = request_for(persona, measure)
    ids = [rng.choice(persona.visible_ids) for _ in range(requests + WARM_UP)]
    times: list[float] = []
    failures = 0
    try:
        for number, pk in enumerate(ids):
            started = time.perf_counter()
            status = call(pk)
            elapsed = time.perf_counter() - started
            if number >= WARM_UP:
                times.append(elapsed)
                failures += status != 200
    except Exception as failed:  # a view still being built must not stop the benchmark
        return {"error": f"{type(failed).__name__}: {failed}"[:200]}
    return {
        "count": len(times),
        "median_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * statistics.quantiles(times, n=100, method="inclusive")[94],
        "max_ms": 1000 * max(times),
        "failures": failures,
    }


# --- locust against gunicorn (PostgreSQL) --------------------------------------------------------

GUNICORN_CONFIG = """\
# Written by benchmarks/cases.py: keep database connections as production does.
CONN_MAX_AGE = {conn_max_age}


def post_worker_init(worker):
    from django.db import connections

    connections.settings["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE
"""

LOCUSTFILE = '''\
"""Written by benchmarks/cases.py: API users that open the case list and then one case."""
import itertools
import json
import os
import random

from locust import FastHttpUser, constant, task

with open(os.environ["SCHAKEL_BENCH_LOCUST"], encoding="utf-8") as config_file:
    CONFIG = json.load(config_file)
NEXT = itertools.count()


class CaseUser(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        persona = CONFIG["personas"][next(NEXT) % len(CONFIG["personas"])]
        self.headers = {"Authorization": "Bearer " + persona["token"]}
        self.details = persona["details"]
        self.rng = random.Random()

    @task
    def list_and_detail(self):
        self.client.get(CONFIG["list_url"], headers=self.headers, name="case list (API)")
        self.client.get(
            self.rng.choice(self.details), headers=self.headers, name="case detail (API)"
        )
'''


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_up(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (our loopback URL)
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    return False


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's own process group (started by us), SIGKILL if it lingers."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def run_locust(args: argparse.Namespace, personas: list[Persona], log: TextIO) -> dict[str, Any]:
    from django.db import connections
    from django.urls import reverse

    connections.close_all()
    folder = Path(tempfile.mkdtemp(prefix="schakel-bench-locust-"))
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    rng = random.Random(f"schakel-cases-locust:{args.seed}")
    config = {
        "list_url": reverse("v1:case-list"),
        "personas": [
            {
                "token": p.token,
                "details": [
                    reverse("v1:case-detail", kwargs={"id": rng.choice(p.visible_ids)})
                    for _ in range(1_000)
                ],
            }
            for p in personas
        ],
    }
    (folder / "locust.json").write_text(json.dumps(config), encoding="utf-8")
    (folder / "locustfile.py").write_text(LOCUSTFILE, encoding="utf-8")
    (folder / "gunicorn.conf.py").write_text(
        GUNICORN_CONFIG.format(conn_max_age=args.conn_max_age), encoding="utf-8"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": args.child,
        "SCHAKEL_BENCH_LOCUST": str(folder / "locust.json"),
    }
    server_log = (folder / "gunicorn.log").open("wb")
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--config",
            str(folder / "gunicorn.conf.py"),
        ],
        cwd=ROOT,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        if not wait_until_up(f"{host}/health/", 60):
            return {"error": "gunicorn did not answer /health/ within 60 s"}
        print(
            f"  postgresql: locust, {args.locust_users} users for {args.locust_seconds} s", file=log
        )
        prefix = folder / "locust"
        try:
            subprocess.run(  # noqa: S603 (our own interpreter and arguments)
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(folder / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(args.locust_users),
                    "--spawn-rate",
                    str(args.locust_users),
                    "--run-time",
                    f"{args.locust_seconds}s",
                    "--stop-timeout",
                    "10",
                    "--host",
                    host,
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=folder,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
                timeout=args.locust_seconds + 120,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return {"error": f"locust did not stop within {args.locust_seconds + 120} s"}
        return read_locust_stats(args, Path(f"{prefix}_stats.csv"))
    finally:
        stop_server(server)
        server_log.close()
        shutil.rmtree(folder, ignore_errors=True)


def read_locust_stats(args: argparse.Namespace, path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"error": "locust wrote no statistics"}
    endpoints: dict[str, dict[str, float]] = {}
    total: dict[str, str] = {}
    with path.open(encoding="utf-8") as stats:
        for row in csv.DictReader(stats):
            if row["Name"] == "Aggregated":
                total = row
                continue
            endpoints[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "median_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
            }
    if not total:
        return {"error": "locust's statistics have no total"}
    return {
        "users": args.locust_users,
        "seconds": args.locust_seconds,
        "workers": args.workers,
        "conn_max_age": args.conn_max_age,
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "median_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "endpoints": endpoints,
    }


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.child:
        child(arguments)
    else:
        sys.exit(main())
