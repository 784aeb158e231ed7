"""Tests: SQLite by default, PostgreSQL when DATABASE_URL is set (CI runs both)."""

import os
import tempfile
from pathlib import Path

import dj_database_url

from config.env import env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed, tests only

# Fixed, public test keys: tests only, never used for real data.
SCHAKEL_ENCRYPTION_KEYS = {"test1": b"test-encryption-key-number-one!!"}
SCHAKEL_PSEUDONYM_KEY = b"test-pseudonym-key-000000000000!"
SCHAKEL_LOG_PSEUDONYM_KEY = b"test-log-pseudonym-key-00000000!"

DATABASES = {
    "default": dj_database_url.parse(env_str("DATABASE_URL", "sqlite:///:memory:"), conn_max_age=0)
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

# A test app stands in for a new app: one line here and one URL include (its root_urls), the
# rest in its own files (tests/test_extension_points.py).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405
ROOT_URLCONF = "tests.testapp.root_urls"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Attachments go to a folder of this test process, so tests can see what is left on disk.
    "attachments": {
        **ATTACHMENTS_STORAGE,  # noqa: F405
        "OPTIONS": {
            **ATTACHMENTS_STORAGE["OPTIONS"],  # noqa: F405
            "location": str(Path(tempfile.gettempdir()) / f"schakel-attachments-{os.getpid()}"),
        },
    },
}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True
# E-mail goes to django.core.mail.outbox: the test environment replaces MAILERS by locmem.
SCHAKEL_BASE_URL = "https://schakel.test"
# The house-style tests fetch a tokens file from a local http server (schakel/theming/tests).
SCHAKEL_THEME_LOOPBACK_HTTP = True

# No rate limits unless a test sets them (schakel/api/tests/test_throttling.py): the other tests
# make many requests with one token, and with a rate of None a throttle does not touch the
# cache, so query-count guards count only the endpoint's own queries. The cache itself is the
# shared database cache of base.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": dict.fromkeys(API_RATES),  # noqa: F405
}
