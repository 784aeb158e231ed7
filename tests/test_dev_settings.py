"""The demo (`make run`, config.settings.dev) serves Schakel's own error pages, not Django's
technical pages: DEBUG is off unless a developer sets SCHAKEL_DEBUG; static files are served from
the source folders either way."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

READ = (
    "from django.conf import settings; "
    "print(settings.DEBUG, settings.WHITENOISE_USE_FINDERS, settings.WHITENOISE_AUTOREFRESH)"
)


def dev_settings(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("SCHAKEL_DEBUG", "DATABASE_URL")}
    result = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", READ],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_demo_runs_without_debug_and_still_serves_static_files() -> None:
    assert dev_settings() == "False True True"


@pytest.mark.parametrize(("value", "debug"), [("1", "True"), ("0", "False")])
def test_a_developer_gets_the_debug_pages_back_with_schakel_debug(value: str, debug: str) -> None:
    assert dev_settings(SCHAKEL_DEBUG=value) == f"{debug} True True"
