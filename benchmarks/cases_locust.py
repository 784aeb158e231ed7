"""Locust against gunicorn on 127.0.0.1 (PostgreSQL): API users opening the case list and a case.

Both run with limits of their own; the server is started in its own process group and stopped
afterwards.
"""

import argparse
import csv
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, TextIO

from cases_personas import Persona

ROOT = Path(__file__).resolve().parent.parent

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
