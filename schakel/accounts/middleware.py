"""Session timeouts, mandatory MFA before anything that shows data, and the acting membership."""

from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts import acting
from schakel.accounts.mfa import has_confirmed_device, is_verified
from schakel.accounts.models import User
from schakel.core.extensions import PUBLIC_PATHS, contributions

AUTH_STARTED = "auth_started_at"
LAST_SEEN = "last_seen_at"

# Paths reachable without a completed MFA sign-in. Everything else requires it (fail closed).
PUBLIC_PREFIXES = ("/static/", "/health/", "/i18n/", "/inloggen/", "/favicon.ico")
HALF_SIGNED_IN_PREFIXES = ("/mfa/", "/uitloggen/")
# The API authenticates per request (tokens, or a session that passed MFA) and answers 401.
API_PREFIX = "/api/"


def _parse(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def start_session_clock(request: HttpRequest) -> None:
    now = timezone.now().isoformat()
    request.session[AUTH_STARTED] = now
    request.session[LAST_SEEN] = now


class SessionTimeoutMiddleware:
    """End a session after the idle timeout or the absolute timeout, on the server."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = timezone.now()
            started = _parse(request.session.get(AUTH_STARTED))
            last_seen = _parse(request.session.get(LAST_SEEN))
            expired = (
                started is None
                or last_seen is None
                or now - last_seen > settings.SCHAKEL_SESSION_IDLE_TIMEOUT
                or now - started > settings.SCHAKEL_SESSION_ABSOLUTE_TIMEOUT
            )
            if expired:
                logout(request)
                if request.path.startswith(API_PREFIX):
                    return self.get_response(request)
                messages.info(request, _("Uw sessie is verlopen. Log opnieuw in."))
                return HttpResponseRedirect(reverse("accounts:login"))
            request.session[LAST_SEEN] = now.isoformat()
        return self.get_response(request)


def checked_public_paths(prefixes: list[object]) -> tuple[str, ...]:
    """The contributed public prefixes, refused at start-up unless each is a path of at least
    one segment that starts and ends with ``/`` (fail closed: ``"/"`` or ``""`` would open every
    page, ``"/a"`` also ``/admin``)."""
    for prefix in prefixes:
        if (
            not isinstance(prefix, str)
            or len(prefix) < 3
            or not prefix.startswith("/")
            or not prefix.endswith("/")
            or "//" in prefix
            or prefix.startswith(API_PREFIX)
        ):
            raise ImproperlyConfigured(
                f"PUBLIC_PATHS: {prefix!r} is geen pad van de vorm '/naam/' (buiten /api/)."
            )
    return tuple(str(prefix) for prefix in prefixes)


class MfaRequiredMiddleware:
    """Every page needs a signed-in user who passed the second factor, unless listed public."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # Apps may add public prefixes (``PUBLIC_PATHS``): the house style's stylesheet, which
        # the sign-in page loads too.
        self.public = PUBLIC_PREFIXES + checked_public_paths(contributions(PUBLIC_PATHS))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        if path.startswith((*self.public, API_PREFIX)):
            return self.get_response(request)
        user = request.user
        if not user.is_authenticated:
            query = urlencode({"next": request.get_full_path()}) if path != "/" else ""
            return HttpResponseRedirect(reverse("accounts:login") + (f"?{query}" if query else ""))
        if path.startswith(HALF_SIGNED_IN_PREFIXES):
            return self.get_response(request)
        if not is_verified(user):
            assert isinstance(user, User)
            name = "accounts:mfa_verify" if has_confirmed_device(user) else "accounts:mfa_setup"
            return HttpResponseRedirect(reverse(name))
        return self.get_response(request)


class ActingMembershipMiddleware:
    """Resolve the membership the user acts in (their choice, else the first active one)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if is_verified(user):
            assert isinstance(user, User)
            memberships = acting.active_memberships(user)
            request.active_memberships = memberships  # type: ignore[attr-defined]
            chosen = acting.choose(memberships, request.session.get(acting.SESSION_KEY))
            acting.activate(request, chosen)
        else:
            request.active_memberships = []  # type: ignore[attr-defined]
            request.acting_membership = None  # type: ignore[attr-defined]
        return self.get_response(request)
