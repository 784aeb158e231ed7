"""Local development and the demo (`make run`): SQLite, DEBUG, generated keys."""

from config.env import env_str

from .base import *  # noqa: F403
from .base import VAR_DIR
from .keys import load_or_create_dev_keys, parsed

DEBUG = True
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

WHITENOISE_AUTOREFRESH = True
