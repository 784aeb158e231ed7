"""The start page (Mijn werk) and the health check, each assembled from what the apps
contribute (``WORK_ITEMS``, ``DASHBOARD_PANELS`` and ``HEALTH_CHECKS`` in their
``contributions.py``)."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from schakel.core.extensions import DASHBOARD_PANELS, HEALTH_CHECKS, contributions
from schakel.core.work import work_for_request


def dashboard(request: HttpRequest) -> HttpResponse:
    """The start page: Mijn werk (what waits, most urgent first), then each app's panel for the
    user's acting role (or none)."""
    panels = [panel for make in contributions(DASHBOARD_PANELS) if (panel := make(request))]
    context = {"work": work_for_request(request), "today": timezone.localdate(), "panels": panels}
    return render(request, "core/dashboard.html", context)


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    checks = {"database": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        checks["database"] = "unavailable"
    for name, check in contributions(HEALTH_CHECKS):
        try:
            checks[name] = check()
        except Exception:
            checks[name] = "unavailable"
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )
