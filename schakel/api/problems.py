"""Problem details (RFC 9457) for every API error.

Every error answers ``application/problem+json`` with ``type`` (a ``urn:schakel:problem:…``
URN), ``title`` (Dutch), ``title_en`` (English), ``status``, ``detail`` (in the request's
language), ``instance`` (the request path, which holds only ids) and, for validation errors,
``errors`` (field and message). Not allowed looks the same as not found: 404.
"""

import logging
import math
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.common import no_append_slash
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.views import set_rollback

from schakel.api.exceptions import BEARER_CHALLENGE, CsrfFailed, InvalidMembership
from schakel.core import context

logger = logging.getLogger("schakel.api")

PROBLEM_CONTENT_TYPE = "application/problem+json"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: str
    title_en: str

    @property
    def uri(self) -> str:
        return f"urn:schakel:problem:{self.slug}"


# The titles are fixed per language on purpose: `title` is always Dutch, `title_en` always
# English, so clients can show either without content negotiation (see docs/api.md).
VALIDATION = ProblemType("validation", 400, "De invoer is ongeldig", "Invalid input")
MALFORMED = ProblemType("malformed-request", 400, "Het verzoek is onleesbaar", "Malformed request")
INVALID_MEMBERSHIP = ProblemType(
    "invalid-membership",
    400,
    "Deze rol kunt u niet gebruiken",
    "This membership cannot be used",
)
NOT_AUTHENTICATED = ProblemType(
    "not-authenticated", 401, "Niet aangemeld", "Authentication required"
)
CSRF_FAILED = ProblemType("csrf-failed", 403, "CSRF-controle mislukt", "CSRF check failed")
NOT_FOUND = ProblemType("not-found", 404, "Niet gevonden", "Not found")
# Exports of person data or of the processing log need a session whose step-up is fresh.
STEP_UP_REQUIRED = ProblemType(
    "step-up-required", 403, "Herbevestiging nodig", "Step-up authentication required"
)
METHOD_NOT_ALLOWED = ProblemType(
    "method-not-allowed", 405, "Methode niet toegestaan", "Method not allowed"
)
NOT_ACCEPTABLE = ProblemType(
    "not-acceptable", 406, "Gevraagd formaat niet beschikbaar", "Not acceptable"
)
UNSUPPORTED_MEDIA_TYPE = ProblemType(
    "unsupported-media-type",
    415,
    "Formaat van de invoer niet ondersteund",
    "Unsupported media type",
)
THROTTLED = ProblemType("throttled", 429, "Te veel verzoeken", "Too many requests")
SERVER_ERROR = ProblemType("server-error", 500, "Interne fout", "Internal server error")

_BY_EXCEPTION: tuple[tuple[type[exceptions.APIException], ProblemType], ...] = (
    (exceptions.ValidationError, VALIDATION),
    (exceptions.ParseError, MALFORMED),
    (exceptions.NotAuthenticated, NOT_AUTHENTICATED),
    (exceptions.AuthenticationFailed, NOT_AUTHENTICATED),
    (exceptions.NotFound, NOT_FOUND),
    (exceptions.PermissionDenied, NOT_FOUND),  # not allowed looks like not found
    (exceptions.MethodNotAllowed, METHOD_NOT_ALLOWED),
    (exceptions.NotAcceptable, NOT_ACCEPTABLE),
    (exceptions.UnsupportedMediaType, UNSUPPORTED_MEDIA_TYPE),
    (exceptions.Throttled, THROTTLED),
)


def problem_body(
    problem: ProblemType,
    *,
    path: str,
    detail: str,
    errors: list[dict[str, str | None]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": problem.uri,
        "title": problem.title,
        "title_en": problem.title_en,
        "status": problem.status,
        "detail": detail,
        "instance": path,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def problem_json_response(
    request: HttpRequest,
    problem: ProblemType,
    detail: str,
    *,
    errors: list[dict[str, str | None]] | None = None,
) -> HttpResponse:
    """A problem response outside DRF views (unknown API paths, server errors)."""
    body = problem_body(problem, path=request.path, detail=detail, errors=errors)
    return _response(body, problem.status)


@csrf_exempt
@no_append_slash
def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Any path under the API that matches no endpoint. A path with a trailing slash is a 404
    too, never a redirect (NLGov API Design Rules, /core/no-trailing-slash); it names the
    path without the slash when that is an endpoint."""
    detail = not_found_detail()
    without_slash = request.path.rstrip("/")
    if request.path.endswith("/") and _is_endpoint(without_slash):
        detail = _("Paden eindigen niet op een schuine streep: %(path)s") % {"path": without_slash}
    return problem_json_response(request, NOT_FOUND, detail)


def _is_endpoint(path: str) -> bool:
    try:
        return resolve(path).func is not api_not_found
    except Resolver404:
        return False


def not_found_detail() -> str:
    return _("Dit bestaat niet, of u heeft er geen toegang toe.")


def throttled_detail(seconds: int | None) -> str:
    if seconds is None:
        return _("Te veel verzoeken. Wacht even en probeer het dan opnieuw.")
    return _("Te veel verzoeken. Probeer het over %(seconds)s seconden opnieuw.") % {
        "seconds": seconds
    }


def _retry_after(exc: exceptions.APIException) -> int | None:
    """Whole seconds, rounded up (a client that waits exactly this long is let through)."""
    wait = getattr(exc, "wait", None) if isinstance(exc, exceptions.Throttled) else None
    return None if wait is None else max(1, math.ceil(wait))


def server_error_detail() -> str:
    return _("Er ging iets mis aan onze kant. Vermeld het traceparent bij een melding.")


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str | None]]:
    """DRF's nested error structure as a flat list of (field, message, code)."""
    if isinstance(detail, Mapping):
        flat: list[dict[str, str | None]] = []
        for key, value in detail.items():
            name = "" if key in ("non_field_errors", "__all__") else str(key)
            flat.extend(_flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name))
        return flat
    if isinstance(detail, Sequence) and not isinstance(detail, str):
        flat = []
        for index, item in enumerate(detail):
            nested = isinstance(item, Mapping | list)
            flat.extend(_flatten(item, f"{prefix}.{index}" if nested and prefix else prefix))
        return flat
    code = getattr(detail, "code", None)
    return [{"field": prefix or None, "message": str(detail), "code": str(code or "invalid")}]


def _problem_for(exc: exceptions.APIException) -> ProblemType:
    if isinstance(exc, CsrfFailed):
        return CSRF_FAILED
    if isinstance(exc, InvalidMembership):
        return INVALID_MEMBERSHIP
    for exception_class, problem in _BY_EXCEPTION:
        if isinstance(exc, exception_class):
            return problem
    status = HTTPStatus(exc.status_code)
    if status >= 500:
        return SERVER_ERROR
    slug = status.phrase.lower().replace(" ", "-")
    return ProblemType(slug, status, status.phrase, status.phrase)


def _detail_for(problem: ProblemType, exc: exceptions.APIException) -> str:
    if problem is NOT_FOUND:
        return not_found_detail()
    if problem is VALIDATION:
        return _("Controleer de invoer: zie errors.")
    if problem is SERVER_ERROR:
        return server_error_detail()
    if problem is THROTTLED:
        return throttled_detail(_retry_after(exc))
    detail = exc.detail
    return str(detail) if isinstance(detail, str) else str(problem.title)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> HttpResponse:
    """DRF's EXCEPTION_HANDLER: every exception of an API view becomes problem+json.

    It answers a plain JSON response rather than a DRF ``Response``, so a problem is JSON even
    from views whose renderers are YAML or CSV (DRF accepts any HttpResponse here).
    """
    request = context.get("request")
    path = str(getattr(request, "path", ""))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    set_rollback()
    if not isinstance(exc, exceptions.APIException):
        _log_unhandled(exc)
        return _response(problem_body(SERVER_ERROR, path=path, detail=server_error_detail()), 500)

    problem = _problem_for(exc)
    errors = _flatten(exc.detail) if problem is VALIDATION else None
    body = problem_body(problem, path=path, detail=_detail_for(problem, exc), errors=errors)
    headers: dict[str, str] = {}
    if problem is NOT_AUTHENTICATED:
        headers["WWW-Authenticate"] = getattr(exc, "auth_header", None) or BEARER_CHALLENGE
    retry_after = _retry_after(exc) if problem is THROTTLED else None
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return _response(body, problem.status, headers)


def _log_unhandled(exc: Exception) -> None:
    """Where it failed, for operators, with the trace id the caller got in ``traceparent``.

    Only the exception type and the stack: messages (of database errors, say) can hold values
    of personal data, which stay out of logs.
    """
    stack = "".join(traceback.TracebackException.from_exception(exc).stack.format())
    trace_id = context.current().trace_id
    logger.error("Unhandled API exception %s (trace %s)\n%s", type(exc).__name__, trace_id, stack)


def _response(
    body: dict[str, Any], status: int, headers: dict[str, str] | None = None
) -> HttpResponse:
    return JsonResponse(
        body,
        status=status,
        headers=headers,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
