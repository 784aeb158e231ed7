"""Rate limits of the API: per personal access token, per user, and per client address for
requests without credentials (the public schema and docs).

- **per token**: every request made with one personal access token counts against that token;
  a user's other tokens have their own count.
- **per user**: every request of one user counts against the user, whatever token or web session
  it came with, so a user with several tokens cannot multiply the limit.
- **anonymous**: requests without credentials count against the client address, which is kept
  only as a keyed hash (a client address is personal data).

The counts live in the default cache, which is shared by every worker (a database cache, see
docs/operations.md). The rates are read from ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` on each
request (DRF reads them once at import), so a changed setting takes effect and tests can set
small ones. A rate of ``None`` switches that limit off.
"""

from typing import TYPE_CHECKING, Any

from django.utils.crypto import salted_hmac
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from schakel.accounts.models import PersonalAccessToken, User

if TYPE_CHECKING:  # DRF loads these classes while rest_framework.views is still being imported
    from rest_framework.request import Request
    from rest_framework.views import APIView


class _RateFromSettings(SimpleRateThrottle):
    def get_rate(self) -> str | None:
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(str(self.scope))
        return None if rate is None else str(rate)

    def _key(self, ident: str) -> str:
        return self.cache_format % {"scope": self.scope, "ident": ident}


class TokenRateThrottle(_RateFromSettings):
    """Requests with one personal access token (``request.auth``)."""

    scope = "token"

    def get_cache_key(self, request: "Request", view: "APIView") -> str | None:
        token: Any = request.auth
        if not isinstance(token, PersonalAccessToken):
            return None
        return self._key(str(token.pk))


class UserRateThrottle(_RateFromSettings):
    """Requests of one user, with any of their tokens or their web session."""

    scope = "user"

    def get_cache_key(self, request: "Request", view: "APIView") -> str | None:
        user: Any = request.user
        if not isinstance(user, User) or not user.is_authenticated:
            return None
        return self._key(str(user.pk))


class AnonymousRateThrottle(_RateFromSettings):
    """Requests without credentials, per client address (``REMOTE_ADDR``, see NUM_PROXIES)."""

    scope = "anon"

    def get_cache_key(self, request: "Request", view: "APIView") -> str | None:
        user: Any = request.user
        if user is not None and user.is_authenticated:
            return None
        address = self.get_ident(request) or ""
        return self._key(
            salted_hmac("schakel.api.throttling", address, algorithm="sha256").hexdigest()
        )
