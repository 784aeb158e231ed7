"""How an API caller proves who they are: a personal access token, or a session that passed MFA.

After authentication the acting membership (organisation and role) is resolved the same way the
UI does, so services and the processing log see it: the ``X-Schakel-Membership`` header chooses
one of the caller's active memberships, otherwise the first one (a session keeps its own choice).
"""

import uuid

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    get_authorization_header,
)
from rest_framework.request import Request

from schakel.accounts import acting
from schakel.accounts.mfa import is_verified
from schakel.accounts.models import PersonalAccessToken, User
from schakel.accounts.services import access_token_find, access_token_record_use
from schakel.api.exceptions import BEARER_CHALLENGE, CsrfFailed, InvalidMembership

MEMBERSHIP_HEADER = "X-Schakel-Membership"


def _requested_membership_id(request: Request) -> uuid.UUID | None:
    raw = request._request.headers.get(MEMBERSHIP_HEADER)
    if raw is None:
        return None
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        raise InvalidMembership() from None


def resolve_acting_membership(request: Request, user: User, *, keep_current: bool) -> None:
    """Set the active memberships and the acting one on the request and in the log context."""
    wanted = _requested_membership_id(request)
    django_request = request._request
    if wanted is None and keep_current:
        return  # the session middleware already chose (the user's switch in the UI)
    memberships = acting.active_memberships(user)
    if wanted is None:
        chosen = memberships[0] if memberships else None
    else:
        chosen = next((m for m in memberships if m.pk == wanted), None)
        if chosen is None:
            raise InvalidMembership()
    django_request.active_memberships = memberships  # type: ignore[attr-defined]
    acting.activate(django_request, chosen)


class PersonalAccessTokenAuthentication(BaseAuthentication):
    """``Authorization: Bearer schakel_pat_…``; unknown, revoked and expired tokens get 401."""

    keyword = b"bearer"

    def authenticate(self, request: Request) -> tuple[User, PersonalAccessToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Geef precies één token mee: Authorization: Bearer <token>.")
            )
        try:
            raw = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Het token is ongeldig.")) from None
        token = access_token_find(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("Het token is onbekend, verlopen of ingetrokken.")
            )
        resolve_acting_membership(request, token.user, keep_current=False)
        access_token_record_use(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return BEARER_CHALLENGE


class VerifiedSessionAuthentication(SessionAuthentication):
    """The UI session, only when its user passed the second factor; CSRF enforced on changes."""

    def authenticate(self, request: Request) -> tuple[User, None] | None:
        user = getattr(request._request, "user", None)
        if not isinstance(user, User) or not user.is_active:
            return None
        if not is_verified(user):
            return None
        self.enforce_csrf(request)
        resolve_acting_membership(request, user, keep_current=True)
        return user, None

    def enforce_csrf(self, request: Request) -> None:
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise CsrfFailed() from None
