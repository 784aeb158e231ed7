"""Dashboard, health and error pages. Error pages say nothing about what was asked for."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.audit.models import ChainHead
from schakel.cases.views import role_dashboard


def dashboard(request: HttpRequest) -> HttpResponse:
    """The start page; for the table roles with their cases, interventions and meetings."""
    board = role_dashboard(acting_membership(request))
    return render(request, "core/dashboard.html", {"cases_dashboard": board})


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    checks = {"database": "ok", "processing_log": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        checks["database"] = "unavailable"
    try:
        if not ChainHead.objects.filter(pk=1).exists():
            checks["processing_log"] = "missing"
    except Exception:
        checks["processing_log"] = "unavailable"
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        from schakel.api import problems

        return problems.problem_json_response(
            request, problems.NOT_FOUND, problems.not_found_detail()
        )
    return render(request, "errors/404.html", status=404)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Not allowed looks the same as not found.
    return page_not_found(request, exception)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/400.html", status=400)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        from schakel.api import problems

        return problems.problem_json_response(
            request, problems.SERVER_ERROR, problems.server_error_detail()
        )
    return render(request, "errors/500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403_csrf.html", status=403)
