"""Settings shared by every environment. Environment-specific modules import * from here."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import env_int, env_match_bands, env_str
from schakel.api.version import API_VERSION

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = False

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "schakel.core",
    "schakel.audit",
    "schakel.network",
    "schakel.accounts",
    "schakel.theming",
    "schakel.api",
    "schakel.legal",
    "schakel.intake",
    "schakel.weighing",
    "schakel.cases",
    "schakel.privacy",
    "schakel.work",
    "schakel.notifications",
    "schakel.search",
    "schakel.collaboration",
    "schakel.regional_meetings",
    "schakel.knowledge",
    "schakel.training",
    "schakel.network_events",
    "schakel.staff_safety",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "schakel.core.middleware.TraceContextMiddleware",
    "schakel.api.middleware.ApiVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "schakel.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "schakel.accounts.middleware.SessionTimeoutMiddleware",
    "schakel.accounts.middleware.MfaRequiredMiddleware",
    "schakel.accounts.middleware.ActingMembershipMiddleware",
    "schakel.core.once.SubmitOnceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "schakel.core.middleware.NoStoreMiddleware",
    "schakel.api.middleware.QueryKeyCaseMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "schakel.accounts.context_processors.navigation",
                "schakel.core.theme.page_theme",
                "schakel.search.context_processors.search_box",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name", "function_title")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"

# Sessions: server-side, idle and absolute timeouts enforced by SessionTimeoutMiddleware.
SCHAKEL_SESSION_IDLE_TIMEOUT = timedelta(
    minutes=env_int("SCHAKEL_SESSION_IDLE_MINUTES", 15, minimum=1)
)
SCHAKEL_SESSION_ABSOLUTE_TIMEOUT = timedelta(
    hours=env_int("SCHAKEL_SESSION_ABSOLUTE_HOURS", 10, minimum=1)
)
SCHAKEL_STEP_UP_MAX_AGE = timedelta(minutes=5)
# The house style may be fetched from an https address only; plain http to the loopback
# interface is for the tests' local server (config/settings/test.py), never in production.
SCHAKEL_THEME_LOOPBACK_HTTP = False
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = int(SCHAKEL_SESSION_ABSOLUTE_TIMEOUT.total_seconds())
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "schakel_session"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "config.error_views.csrf_failure"

# Lockout (django-axes): per account, five failures of password or second factor.
AXES_FAILURE_LIMIT = env_int("SCHAKEL_LOCKOUT_FAILURES", 5, minimum=3)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SCHAKEL_LOCKOUT_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username"]
# A correct password alone must not reset second-factor failures; a full sign-in does.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "schakel.accounts.views.lockout_response"
AXES_USERNAME_CALLABLE = "schakel.accounts.lockout.username_from_request"
# Failed attempts per day feed the privacy officer's spike check; the retention sweep deletes
# them after their term (privacy.RetentionKind.SIGN_IN_FAILURES, default 3 months).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token", "token"]

OTP_TOTP_ISSUER = "Schakel"

# Security headers. HSTS and secure cookies are switched on in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# One cache for every worker: the API's rate limits count here, so a per-process cache
# (LocMem, Django's default) would multiply every limit by the number of processes. The table is
# created by the migration api 0001 (idempotent; `manage.py createcachetable` does the same).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "schakel_cache",
        # Culling drops a third of the entries (rate-limit counts too) once this is reached.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

# Defaults for partner systems: a token may make 10 requests a second on average, a user (all
# their tokens and their session) 20; without credentials 1 a second per address.
API_RATES = {"token": "600/minute", "user": "1200/minute", "anon": "60/minute"}

REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "DEFAULT_VERSION": "v1",
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "schakel.api.authentication.PersonalAccessTokenAuthentication",
        "schakel.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "schakel.api.pagination.StandardPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "schakel.api.filters.StrictOrderingFilter",
    ],
    "ORDERING_PARAM": "ordering",
    "EXCEPTION_HANDLER": "schakel.api.problems.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "schakel.api.schema.SchakelAutoSchema",
    "UNAUTHENTICATED_USER": None,
    # Rate limits (schakel/api/throttling.py, docs/api.md): per personal access token, per user
    # (all their tokens and their session together) and per client address without
    # credentials. Production reads them from SCHAKEL_API_RATE_* (docs/operations.md).
    "DEFAULT_THROTTLE_CLASSES": [
        "schakel.api.throttling.TokenRateThrottle",
        "schakel.api.throttling.UserRateThrottle",
        "schakel.api.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": API_RATES,
    # The proxy passes the client address as REMOTE_ADDR (docs/operations.md): never trust a
    # client's own X-Forwarded-For.
    "NUM_PROXIES": 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Schakel API",
    "DESCRIPTION": "API van Schakel voor partnersystemen. Fouten volgen RFC 9457 (problem+json).",
    "VERSION": API_VERSION,
    "OAS_VERSION": "3.1.0",
    "CONTACT": {
        "name": env_str("SCHAKEL_API_CONTACT_NAME", "Beheer van Schakel"),
        "email": env_str("SCHAKEL_API_CONTACT_EMAIL", "beheer@schakel.example"),
        "url": env_str("SCHAKEL_API_CONTACT_URL", "https://schakel.example/api/v1/docs"),
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "schakel.api.schema.full_version",
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Paths in the document are relative to the one server, /api/v1 (ADR /core/uri-version).
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "Deze installatie van Schakel, versie 1"}],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SignalStatusEnum": "schakel.intake.choices.SignalStatus",
        "SuggestionStatusEnum": "schakel.intake.choices.SuggestionStatus",
        "DataCategoryEnum": "schakel.intake.choices.DataCategory",
        "CasePhaseEnum": "schakel.cases.choices.CasePhase",
        "MeetingStatusEnum": "schakel.cases.choices.MeetingStatus",
        "NetworkEventKindEnum": "schakel.network_events.choices.EventKind",
        "CollaborationKindEnum": "schakel.network.choices.CollaborationKind",
        "ProgressStatusEnum": "schakel.collaboration.choices.ProgressStatus",
        "KnowledgeKindEnum": "schakel.knowledge.choices.KnowledgeKind",
        "NetworkMeetingStatusEnum": "schakel.regional_meetings.choices.MeetingStatus",
        "ActionPointStatusEnum": "schakel.regional_meetings.choices.ActionStatus",
        "IncidentKindEnum": "schakel.staff_safety.choices.IncidentKind",
        "IncidentStatusEnum": "schakel.staff_safety.choices.IncidentStatus",
        "InterventionStatusEnum": "schakel.cases.choices.InterventionStatus",
        "InterventionKindEnum": "schakel.cases.choices.InterventionKind",
        "PlanVersionStatusEnum": "schakel.cases.choices.PlanVersionStatus",
        "ParticipationKindEnum": "schakel.cases.choices.ParticipationKind",
        "InformingStatusEnum": "schakel.cases.choices.InformingStatus",
        "ClosureReasonEnum": "schakel.cases.choices.ClosureReason",
        "DeescalationDestinationEnum": "schakel.cases.choices.DeescalationDestination",
        "LifeDomainEnum": "schakel.cases.choices.LifeDomain",
        "WeighingSessionStatusEnum": "schakel.weighing.choices.SessionStatus",
        "WeighingOutcomeEnum": "schakel.weighing.choices.WeighingOutcome",
        "KindEnum": "schakel.network.choices.OrganisationKind",
        "OutcomeEnum": "schakel.intake.choices.ResearchOutcome",
        "RequestKindEnum": "schakel.privacy.choices.RequestKind",
        "RequestStatusEnum": "schakel.privacy.choices.RequestStatus",
        "RequestDecisionEnum": "schakel.privacy.choices.RequestDecision",
        "RequestRestrictionEnum": "schakel.privacy.choices.RequestRestriction",
        "ContributionStatusEnum": "schakel.privacy.choices.ContributionStatus",
        "RetentionKindEnum": "schakel.legal.choices.RetentionKind",
        "RetentionRunStatusEnum": "schakel.privacy.choices.RetentionRunStatus",
        "LegalHoldScopeEnum": ["person", "kind"],
        "SexEnum": "schakel.intake.choices.Sex",
        "IdentitySideEnum": "schakel.intake.api.suggestion_serializers.SIDE_CHOICES",
        "LegalHoldStatusEnum": "schakel.privacy.retention.api.serializers.HOLD_STATUSES",
    },
}

SCHAKEL_PAT_DEFAULT_DAYS = 90
SCHAKEL_PAT_MAX_DAYS = 365
# Meldpunt: the match probabilities from which two signals are "waarschijnlijk" (likely) and
# "mogelijk" (possible) the same person come with the match model (docs/convergence.md says
# how they were chosen); these override them when set. Retention terms (e.g. when a
# never-weighed signal expires) are set in the application (legal.RetentionPolicy).
SCHAKEL_MATCH_LIKELY, SCHAKEL_MATCH_POSSIBLE = env_match_bands()
SCHAKEL_EXPIRY_WARNING_DAYS = 30
# The privacy officer sees what the retention sweep will delete within this many days.
SCHAKEL_RETENTION_OUTLOOK_DAYS = 90

# E-mail (notifications, docs/notifications.md): SMTP; production reads the server from
# SCHAKEL_EMAIL_* (docs/operations.md), the demo writes files into var/mail/. Links in e-mail
# start with SCHAKEL_BASE_URL (scheme and host, no trailing slash).
MAILERS: dict[str, Any] = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "localhost", "port": 25, "timeout": 30},
    }
}
DEFAULT_FROM_EMAIL = "Schakel <noreply@schakel.example>"
SCHAKEL_BASE_URL = "http://127.0.0.1:8000"

# Attachments of the network's workspace (schakel/core/uploads.py): PDF, ODT and DOCX, checked by
# their content, at most this size, stored in the "attachments" storage outside the web root.
SCHAKEL_ATTACHMENT_MAX_BYTES = env_int("SCHAKEL_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024, minimum=1)
ATTACHMENTS_STORAGE: dict[str, Any] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": env_str("SCHAKEL_ATTACHMENTS_DIR", str(VAR_DIR / "attachments")),
        "base_url": None,
        "directory_permissions_mode": 0o700,
        "file_permissions_mode": 0o600,
    },
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "attachments": ATTACHMENTS_STORAGE,
}

# Demo mode allows `manage.py demo_totp`; it is never on outside dev settings.
SCHAKEL_DEMO_MODE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Axes logs e-mail addresses of failed logins; keep it quiet (no personal data in logs).
    "loggers": {"axes": {"handlers": [], "level": "CRITICAL", "propagate": False}},
}

# Lockout is per account on purpose: municipal offices share one public address, so locking by
# address would lock out a whole office after one colleague's typos (see docs/security.md).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
