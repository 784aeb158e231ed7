"""Cross-cutting request handling: W3C trace context and cache headers."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from schakel.core import context


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR is set by the WSGI server; behind the TLS proxy it is the proxy's
    # job to pass the client address (configured in deployment, not trusted from headers here).
    return str(request.META.get("REMOTE_ADDR", ""))


class TraceContextMiddleware:
    """Honour an incoming ``traceparent`` and return one for this request's span."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = context.parse_traceparent(request.headers.get("traceparent"))
        trace_id, parent = incoming if incoming else (context.new_trace_id(), "")
        ctx = context.RequestContext(
            trace_id=trace_id,
            span_id=context.new_span_id(),
            parent_span_id=parent,
            origin=client_address(request),
        )
        with context.activated(ctx):
            response = self.get_response(request)
            response["traceparent"] = context.current().traceparent()
        return response


class NoStoreMiddleware:
    """Pages may hold person data: never let browsers or proxies store them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/static/"):
            response.setdefault("Cache-Control", "no-store")
        return response


class LanguageMiddleware:
    """Dutch first: the interface is Dutch unless the user chose English with the switch.

    The browser's Accept-Language is honoured only by the API, whose clients are systems.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        else:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        return response
