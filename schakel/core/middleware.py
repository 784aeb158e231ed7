"""Cross-cutting request handling: W3C trace context and cache headers."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
