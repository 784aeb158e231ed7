"""Privacy officer's views on the register and the integrity of the processing log (stub)."""

from django.http import Http404, HttpRequest, HttpResponse


def register(request: HttpRequest) -> HttpResponse:
    raise Http404


def integrity(request: HttpRequest) -> HttpResponse:
    raise Http404
