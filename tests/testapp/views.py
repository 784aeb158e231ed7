"""The test app's one page (for its menu entry)."""

from django.http import HttpRequest, HttpResponse


def notes(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Proefnotities")
