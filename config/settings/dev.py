"""Local development and the demo (`make run`): SQLite, generated keys.

DEBUG is off, as in production: a "not found" or an error shows Schakel's own 403/404/500 pages
with the Content-Security-Policy, not Django's technical page (which lists every route).
`SCHAKEL_DEBUG=1 make run` gives a developer Django's debug pages back.
"""

from config.env import env_bool, env_str

from .base import *  # noqa: F403
from .base import VAR_DIR
from .keys import load_or_create_dev_keys, parsed

DEBUG = env_bool("SCHAKEL_DEBUG", False)
SCHAKEL_DEMO_MODE = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

_keys = load_or_create_dev_keys(VAR_DIR / "dev-keys.json")
SECRET_KEY = _keys["SECRET_KEY"]
SCHAKEL_ENCRYPTION_KEYS, SCHAKEL_PSEUDONYM_KEY, SCHAKEL_LOG_PSEUDONYM_KEY = parsed(_keys)

import dj_database_url  # noqa: E402

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'schakel.sqlite3'}"), conn_max_age=0
    )
}
DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )

# E-mail of the demo goes into files (one per message) in var/mail/; `make run` says where.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
    }
}
SCHAKEL_BASE_URL = env_str("SCHAKEL_BASE_URL", "http://127.0.0.1:8000")

# Static files come from the source folders (no collectstatic), also with DEBUG off: WhiteNoise
# finds them through the static-file finders and rereads them on every change.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
