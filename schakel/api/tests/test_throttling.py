"""Rate limits: per personal access token, per user, per address without credentials; the 429
problem with Retry-After; counts shared by processes through the database cache."""

import datetime as dt
import json
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client

from conftest import Personas
from schakel.api.problems import PROBLEM_CONTENT_TYPE
from schakel.api.throttling import AnonymousRateThrottle

ME = "/api/v1/me"
SCHEMA = "/api/v1/openapi.json"
WORKER = Path(__file__).with_name("throttle_worker.py")


@pytest.fixture(autouse=True)
def small_rates(settings: Any) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "3/minute", "user": "5/minute", "anon": "1/minute"},
    }


def bearer(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def assert_throttled(response: Any) -> int:
    assert response.status_code == 429
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    body = response.json()
    assert body["type"] == "urn:schakel:problem:throttled"
    assert body["title"] == "Te veel verzoeken"
    assert body["status"] == 429
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    assert body["detail"] == f"Te veel verzoeken. Probeer het over {seconds} seconden opnieuw."
    return seconds


def test_a_token_is_limited_and_told_when_to_come_back(
    personas: Personas, token_for: Callable[..., str]
) -> None:
    client = bearer(token_for(personas.lead_a))
    assert [client.get(ME).status_code for _ in range(3)] == [200, 200, 200]

    seconds = assert_throttled(client.get(ME))

    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(seconds=seconds)):
        assert client.get(ME).status_code == 200


def test_another_token_and_another_user_keep_their_own_count(
    personas: Personas, token_for: Callable[..., str]
) -> None:
    first = bearer(token_for(personas.lead_a))
    for _ in range(3):
        first.get(ME)
    assert_throttled(first.get(ME))  # counted for the user too: 4 of 5

    assert bearer(token_for(personas.lead_a, name="Tweede koppeling")).get(ME).status_code == 200
    assert bearer(token_for(personas.lead_b)).get(ME).status_code == 200


def test_a_user_is_limited_over_all_their_tokens_and_their_session(
    personas: Personas, token_for: Callable[..., str], signed_in: Callable[..., Client]
) -> None:
    tokens = [bearer(token_for(personas.lead_a, name=f"Koppeling {i}")) for i in range(3)]
    session = signed_in(personas.lead_a)
    statuses = [c.get(ME).status_code for c in (*tokens[:2], *tokens[:2], session)]
    assert statuses == [200] * 5

    assert_throttled(tokens[2].get(ME))  # its first request, but the user's sixth
    assert_throttled(session.get(ME))
    assert bearer(token_for(personas.lead_b)).get(ME).status_code == 200


def test_the_429_follows_the_request_language(
    personas: Personas, token_for: Callable[..., str]
) -> None:
    client = bearer(token_for(personas.lead_a))
    for _ in range(3):
        client.get(ME)

    body = client.get(ME, headers={"Accept-Language": "en"}).json()

    assert body["title"] == "Te veel verzoeken"
    assert body["title_en"] == "Too many requests"
    assert body["detail"].startswith("Too many requests. Try again in ")


def test_without_credentials_the_schema_is_limited_per_address(db: None) -> None:
    """The OpenAPI document is the public API endpoint (the docs page is a plain Django view)."""
    client = Client(REMOTE_ADDR="192.0.2.7")
    assert client.get(SCHEMA).status_code == 200

    assert_throttled(client.get(SCHEMA))
    # X-Forwarded-For from the client is not believed (the proxy sets REMOTE_ADDR).
    spoofed = Client(REMOTE_ADDR="192.0.2.7", headers={"X-Forwarded-For": "198.51.100.1"})
    assert spoofed.get(SCHEMA).status_code == 429
    assert Client(REMOTE_ADDR="192.0.2.8").get(SCHEMA).status_code == 200


def test_the_address_is_not_kept_in_the_cache(db: None) -> None:
    Client(REMOTE_ADDR="192.0.2.7").get(SCHEMA)

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM schakel_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert len(keys) == 1
    assert keys[0].startswith(":1:throttle_anon_")
    assert "192.0.2.7" not in keys[0]
    assert AnonymousRateThrottle.scope == "anon"


def test_without_credentials_a_protected_endpoint_is_401_not_429(db: None) -> None:
    client = Client()
    assert {client.get(ME).status_code for _ in range(4)} == {401}


def test_no_rate_switches_a_limit_off(
    personas: Personas, token_for: Callable[..., str], settings: Any
) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": None, "user": None, "anon": None},
    }
    client = bearer(token_for(personas.lead_a))

    assert {client.get(ME).status_code for _ in range(6)} == {200}
    assert cache.get(f"throttle_user_{personas.lead_a.pk}") is None


# Two OS processes, one database cache: what one counts, the other sees.


def _run(job: dict[str, Any]) -> list[dict[str, Any]]:
    done = subprocess.run(  # noqa: S603 (our own script, arguments from this test)
        [sys.executable, str(WORKER), json.dumps(job)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: list[dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_counts_are_shared_between_processes(db: None, tmp_path: Path) -> None:
    settings_dict = connection.settings_dict
    database = {k: settings_dict[k] for k in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST")}
    database["PORT"] = settings_dict["PORT"]
    fresh = connection.vendor == "sqlite"  # in memory: share a file, made by the migration
    if fresh:
        database["NAME"] = str(tmp_path / "shared.sqlite3")
    token, user, other_token, other_user = (str(uuid.uuid4()) for _ in range(4))
    try:
        first = _run({"database": database, "migrate": fresh, "requests": [[token, user]] * 3})
        assert [r["status"] for r in first] == [200, 200, 200]

        second = _run(
            {"database": database, "requests": [[token, user], [other_token, other_user]]}
        )
        assert second[0]["status"] == 429
        assert 1 <= int(second[0]["retry_after"]) <= 60
        assert second[1]["status"] == 200

        # The same in a per-process cache would not have been noticed: the test can fail.
        alone = _run({"database": database, "locmem": True, "requests": [[token, user]]})
        assert alone[0]["status"] == 200
    finally:
        _run(
            {"database": database, "requests": [], "forget": [token, user, other_token, other_user]}
        )


def test_production_reads_the_rates_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from config.env import env_rate

    assert env_rate("SCHAKEL_API_RATE_TOKEN", "600/minute") == "600/minute"
    monkeypatch.setenv("SCHAKEL_API_RATE_TOKEN", " 120/hour ")
    assert env_rate("SCHAKEL_API_RATE_TOKEN", "600/minute") == "120/hour"
    for wrong in ("600", "0/minute", "-1/minute", "ten/minute", "600/min", "600/fortnight"):
        monkeypatch.setenv("SCHAKEL_API_RATE_TOKEN", wrong)
        with pytest.raises(ImproperlyConfigured, match="SCHAKEL_API_RATE_TOKEN"):
            env_rate("SCHAKEL_API_RATE_TOKEN", "600/minute")
