"""Production's mail settings: links start with an https origin (by default the first allowed
host), and a mail server is reached by STARTTLS or SSL, not both."""

import pytest

from schakel.core.tests.test_settings import COMPLETE_ENV, load_production_settings


def test_links_default_to_the_first_allowed_host() -> None:
    env = {**COMPLETE_ENV, "ALLOWED_HOSTS": "schakel.gemeente.example,intern.example"}
    result = load_production_settings(env, setting="SCHAKEL_BASE_URL")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://schakel.gemeente.example"


@pytest.mark.parametrize(
    "value",
    [
        "http://schakel.example",
        "schakel.example",
        "https://",
        "https://a.example/pad",
        "https://*",
        "https://.gemeente.example",
        "https://*.gemeente.example",
        "https://a..example",
    ],
)
def test_a_base_url_that_is_no_https_origin_is_refused(value: str) -> None:
    result = load_production_settings({**COMPLETE_ENV, "SCHAKEL_BASE_URL": value})
    assert result.returncode != 0
    assert "SCHAKEL_BASE_URL must be an https address without a path" in result.stderr


def test_starttls_and_ssl_together_are_refused() -> None:
    result = load_production_settings({**COMPLETE_ENV, "SCHAKEL_EMAIL_SSL": "true"})
    assert result.returncode != 0
    assert "not both" in result.stderr
    fine = {**COMPLETE_ENV, "SCHAKEL_EMAIL_SSL": "true", "SCHAKEL_EMAIL_STARTTLS": "false"}
    assert load_production_settings(fine).returncode == 0
