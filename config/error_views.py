"""Site-wide error pages. Error pages say nothing about what was asked for; under ``/api/``
they answer problem+json. They stand here, in the composition root, because they choose between
the pages of every app and the API plumbing."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from schakel.api import problems


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
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
        return problems.problem_json_response(
            request, problems.SERVER_ERROR, problems.server_error_detail()
        )
    return render(request, "errors/500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403_csrf.html", status=403)
