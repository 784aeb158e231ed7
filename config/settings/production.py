"""Production: every secret from the environment; refuses to start without them."""

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_https_origin, env_int, env_list, env_rate, env_str

from .base import *  # noqa: F403
from .keys import keys_from_environment, parsed

DEBUG = False
_keys = keys_from_environment()
SECRET_KEY = _keys["SECRET_KEY"]
SCHAKEL_ENCRYPTION_KEYS, SCHAKEL_PSEUDONYM_KEY, SCHAKEL_LOG_PSEUDONYM_KEY = parsed(_keys)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [f"https://{h}" for h in ALLOWED_HOSTS])

DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL"), conn_max_age=60)}

# The API's rate limits (docs/api.md); the counts are in the shared database cache.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "token": env_rate("SCHAKEL_API_RATE_TOKEN", API_RATES["token"]),  # noqa: F405
        "user": env_rate("SCHAKEL_API_RATE_USER", API_RATES["user"]),  # noqa: F405
        "anon": env_rate("SCHAKEL_API_RATE_ANONYMOUS", API_RATES["anon"]),  # noqa: F405
    },
}

SECURE_SSL_REDIRECT = env_bool("SCHAKEL_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SCHAKEL_HSTS_SECONDS", 63072000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-schakel_session"
CSRF_COOKIE_NAME = "__Host-csrftoken"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "attachments": ATTACHMENTS_STORAGE,  # noqa: F405
}

# E-mail (notifications): the organisation's SMTP server. Links in e-mail start with
# SCHAKEL_BASE_URL, by default https:// and the first allowed host.
SCHAKEL_BASE_URL = env_https_origin("SCHAKEL_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("SCHAKEL_EMAIL_HOST", "localhost"),
            "port": env_int("SCHAKEL_EMAIL_PORT", 587, minimum=1),
            "username": env_str("SCHAKEL_EMAIL_USER", ""),
            "password": env_str("SCHAKEL_EMAIL_PASSWORD", ""),
            "use_tls": env_bool("SCHAKEL_EMAIL_STARTTLS", True),
            "use_ssl": env_bool("SCHAKEL_EMAIL_SSL", False),
            "timeout": env_int("SCHAKEL_EMAIL_TIMEOUT", 30, minimum=1),
        },
    }
}
if MAILERS["default"]["OPTIONS"]["use_tls"] and MAILERS["default"]["OPTIONS"]["use_ssl"]:
    raise ImproperlyConfigured(
        "Set SCHAKEL_EMAIL_STARTTLS or SCHAKEL_EMAIL_SSL, not both (SSL: set STARTTLS to false)."
    )
DEFAULT_FROM_EMAIL = env_str("SCHAKEL_EMAIL_FROM", f"Schakel <noreply@{ALLOWED_HOSTS[0]}>")

# Structured application logs for the operator's log collector: one JSON object per line with
# the trace id (schakel.core.logs); no person data, no query strings. `make run` keeps plain text.
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {"json": {"()": "schakel.core.logs.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
}
