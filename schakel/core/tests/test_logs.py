"""Production's application logs: one JSON object per line, with the trace id, without query
strings (schakel.core.logs)."""

import base64
import json
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from schakel.core.context import RequestContext, activated
from schakel.core.logs import JSONFormatter, without_query_strings


def record(message: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.getLogger("schakel.test").makeRecord(
        "schakel.test",
        logging.WARNING,
        __file__,
        1,
        message,
        args,
        exc_info,  # type: ignore[arg-type]
    )


def test_a_line_is_one_json_object_with_the_trace_of_its_request() -> None:
    trace = RequestContext(trace_id="a" * 32, span_id="b" * 16)
    with activated(trace):
        line = JSONFormatter().format(record("Signaal %s\nverwerkt", "S-1"))

    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "WARNING"
    assert data["logger"] == "schakel.test"
    assert data["message"] == "Signaal S-1\nverwerkt"
    assert (data["trace_id"], data["span_id"]) == ("a" * 32, "b" * 16)
    assert data["time"].endswith("+00:00")


def test_outside_a_request_there_is_no_made_up_trace() -> None:
    assert "trace_id" not in json.loads(JSONFormatter().format(record("Taak klaar")))


def test_query_strings_are_cut_from_messages_and_stacks() -> None:
    assert without_query_strings("Not Found: /signalen/zoek/?naam=Jansen&bsn=1") == (
        "Not Found: /signalen/zoek/"
    )
    assert without_query_strings("Klaar? Ja.") == "Klaar? Ja."
    try:
        raise ValueError("GET /api/v1/cases?q=Wendelmoed failed")
    except ValueError:
        line = JSONFormatter().format(record("Fout", exc_info=sys.exc_info()))
    data = json.loads(line)
    assert data["exception"]["type"] == "ValueError"
    assert "Wendelmoed" not in line
    assert "/api/v1/cases" in data["exception"]["stack"]


def _key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def test_the_production_settings_log_json_lines(tmp_path: Path) -> None:
    """The production configuration itself, in a process of its own (as scripts/check-deploy
    sets it up): a warning in a request's context comes out as one JSON line on stderr."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "ALLOWED_HOSTS": "schakel.example",
        "SCHAKEL_ENCRYPTION_KEYS": f"k1:{_key()}",
        "SCHAKEL_PSEUDONYM_KEY": _key(),
        "SCHAKEL_LOG_PSEUDONYM_KEY": _key(),
    }
    script = (
        "import django, logging; django.setup()\n"
        "from schakel.core.context import RequestContext, activated\n"
        "with activated(RequestContext(trace_id='c' * 32, span_id='d' * 16)):\n"
        "    logging.getLogger('schakel.api').warning('Niet gevonden: /api/v1/cases?q=x')\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    [line] = done.stderr.strip().splitlines()
    data = json.loads(line)
    assert data["trace_id"] == "c" * 32
    assert data["message"] == "Niet gevonden: /api/v1/cases"
