"""Production refuses to start without its secrets; every response carries the security headers."""

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]
KEY = base64.urlsafe_b64encode(b"k" * 32).decode()
COMPLETE_ENV = {
    "SECRET_KEY": "x" * 60,
    "DATABASE_URL": "sqlite:////tmp/schakel-settings-test.sqlite3",
    "ALLOWED_HOSTS": "schakel.example",
    "SCHAKEL_ENCRYPTION_KEYS": f"k1:{KEY}",
    "SCHAKEL_PSEUDONYM_KEY": KEY,
    "SCHAKEL_LOG_PSEUDONYM_KEY": KEY,
}


def load_production_settings(
    env: dict[str, str], setting: str = "DEBUG"
) -> subprocess.CompletedProcess[str]:
    """Start production's settings in a fresh interpreter; stdout is ``setting``'s value."""
    clean = {k: v for k, v in os.environ.items() if k not in COMPLETE_ENV}
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        f"print(settings.{setting})"
    )
    return subprocess.run(  # noqa: S603 (fixed interpreter and code)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_starts_with_all_settings_and_debug_off() -> None:
    result = load_production_settings(COMPLETE_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("missing", sorted(COMPLETE_ENV))
def test_production_refuses_to_start_without_each_required_setting(missing: str) -> None:
    env = {k: v for k, v in COMPLETE_ENV.items() if k != missing}
    result = load_production_settings(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_rejects_a_short_encryption_key() -> None:
    env = {**COMPLETE_ENV, "SCHAKEL_ENCRYPTION_KEYS": "k1:c2hvcnQ"}
    result = load_production_settings(env)
    assert result.returncode != 0
    assert "32 bytes" in result.stderr


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"SCHAKEL_MATCH_THRESHOLD": "77"}, "SCHAKEL_MATCH_THRESHOLD no longer exists"),
        ({"SCHAKEL_MATCH_LIKELY": "1.5"}, "between 0 and 1"),
        (
            {"SCHAKEL_MATCH_LIKELY": "0.5", "SCHAKEL_MATCH_POSSIBLE": "0.8"},
            "lower than SCHAKEL_MATCH_LIKELY",
        ),
    ],
)
def test_production_refuses_match_bands_that_cannot_be_right(extra, message) -> None:
    result = load_production_settings({**COMPLETE_ENV, **extra})
    assert result.returncode != 0
    assert message in result.stderr


def test_pages_carry_strict_security_headers(db: None) -> None:
    response = Client().get("/inloggen/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"


def test_the_nonce_in_the_page_matches_the_header_and_changes_per_response(db: None) -> None:
    first, second = Client().get("/inloggen/"), Client().get("/inloggen/")
    nonce = first["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in first.content.decode()
    assert nonce not in second["Content-Security-Policy"]


def test_session_cookie_is_http_only_and_same_site(personas) -> None:
    from schakel.accounts.tests.factories import TEST_PASSWORD

    client = Client()
    client.post("/inloggen/", {"email": personas.lead_a.email, "password": TEST_PASSWORD})
    cookie = client.cookies["schakel_session"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_unknown_page_reveals_nothing(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).get("/bestaat-niet/<script>")
    assert response.status_code == 404
    assert "<script>" not in response.content.decode()
    assert "Niet gevonden" in response.content.decode()
