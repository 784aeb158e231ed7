"""Every answer under /api/ says which version of the API gave it (``API-Version``), errors,
redirects and answers to unknown paths too."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from schakel.api.version import API_PREFIX, API_VERSION, API_VERSION_HEADER


class ApiVersionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX):
            response[API_VERSION_HEADER] = API_VERSION
        return response
