"""Forms that are handled once: a one-time token per rendered form.

``{% form_token %}`` (in ``core/partials/form_actions.html`` and ``form_submit.html``, so every
form with those buttons has one) renders a hidden field with a fresh random token. The
``SubmitOnceMiddleware`` claims the token of a POST atomically (an ``add`` in the shared database
cache, a unique key): the first submit runs; a second one with the same token (a double click, a
replayed request) does not. When the first ended in a redirect, the second is sent to the same
page with a message; while the first still runs, the second waits briefly for its result. A
submit that did not end in a redirect (the form was refused) gives the token back, so the same
form can be sent again after a correction.

A view marked ``@token_required`` (its page always renders a token) does not take a signed-in
user's form POST without one (a page from before the token, a hand-made request): the posted
data gets the ``MISSING`` marker, on which every ``StyledFormMixin`` form is refused with
"Dit formulier is verlopen" and shown again with what was typed; nothing is written. Other
views, the API (``Idempotency-Key``) and Django's test client (which, as for CSRF, is exempt
unless it enforces CSRF checks) post without one as before. The token is a guard against
accidents, not an access control.

Keys are scoped to the signed-in user and hold only the token and a path in this application:
no person data.
"""

import secrets
import time
from collections.abc import Callable

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

FIELD = "_formulier"
MISSING = "_formulier_ontbreekt"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
KEEP_SECONDS = 24 * 60 * 60
# A claim whose request never finished (a worker killed mid-request) frees itself after this,
# so a form that was never handled can be sent again.
PENDING_SECONDS = 120
PENDING = "~"
# How long a duplicate waits for the first submit's result before it says "still busy".
WAIT_SECONDS = 8.0
WAIT_STEP = 0.1
# A claim can fail without anyone holding it: the database cache answers "not added" when its
# write meets a lock (SQLite while another request writes). Such a claim is tried again.
CLAIM_TRIES = 20


def token_required[V: Callable[..., HttpResponse]](view: V) -> V:
    """Mark a view whose form always carries a token (outermost decorator)."""
    view.requires_form_token = True  # type: ignore[attr-defined]
    return view


def token_missing(data: object) -> bool:
    """Whether a form's posted data lacks the token its view requires (see the module)."""
    return bool(getattr(data, "get", lambda _key: None)(MISSING))


def _mark_missing(request: HttpRequest, view: Callable[..., HttpResponse]) -> None:
    if (
        getattr(view, "requires_form_token", False)
        and request.content_type in FORM_CONTENT_TYPES
        and not getattr(request, "_dont_enforce_csrf_checks", False)
    ):
        posted = request.POST.copy()
        posted[MISSING] = "1"
        request.POST = posted  # type: ignore[assignment]  # a copy with the marker added


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _key(request: HttpRequest, token: str) -> str:
    user = getattr(request, "user", None)
    owner = user.pk if user is not None and user.is_authenticated else "anoniem"
    return f"formulier:{owner}:{token}"


def _valid(token: str) -> bool:
    return 16 <= len(token) <= 64 and all(c.isalnum() or c in "-_" for c in token)


def _result_of(key: str) -> str | None:
    """The first submit's redirect target; waits a little while it is still being handled."""
    waited = 0.0
    while True:
        value = cache.get(key)
        if value is None:
            return None
        if value != PENDING:
            return str(value)
        if waited >= WAIT_SECONDS:
            return PENDING
        time.sleep(WAIT_STEP)
        waited += WAIT_STEP


def _duplicate(request: HttpRequest, key: str) -> HttpResponse:
    target = _result_of(key)
    if target and target != PENDING:
        messages.info(
            request,
            _(
                "Dit formulier was al verstuurd en is één keer verwerkt. Hieronder ziet u het "
                "resultaat."
            ),
        )
        return redirect(target)
    return render(request, "core/submitted_once.html", status=409)


class SubmitOnceMiddleware:
    """Claims a POST's form token before the view runs (after the CSRF check) and records where
    the view sent the user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_schakel_once_key", None)
        if key is None:
            return response
        location = response.get("Location", "") if 300 <= response.status_code < 400 else ""
        if location and url_has_allowed_host_and_scheme(location, allowed_hosts=None):
            cache.set(key, location, KEEP_SECONDS)
        else:
            cache.delete(key)
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], args: object, kwargs: object
    ) -> HttpResponse | None:
        if request.method != "POST":
            return None
        token = request.POST.get(FIELD, "")
        user = getattr(request, "user", None)
        # Only signed-in users' forms create records; anyone else could fill the shared cache.
        if user is None or not user.is_authenticated:
            return None
        if not token or not _valid(token):
            _mark_missing(request, view)
            return None
        key = _key(request, token)
        if _claim(key):
            request._schakel_once_key = key  # type: ignore[attr-defined]
            return None
        return _duplicate(request, key)


def _claim(key: str) -> bool:
    """Whether this request now holds the token; False when another request holds it (or the
    cache kept refusing, in which case the duplicate page asks to try again: fail closed)."""
    for _attempt in range(CLAIM_TRIES):
        if cache.add(key, PENDING, PENDING_SECONDS):
            return True
        if cache.get(key) is not None:
            return False
        time.sleep(WAIT_STEP)
    return False
