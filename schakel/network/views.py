"""Partner directory and administration screens (stub)."""

from django.http import Http404, HttpRequest, HttpResponse


def directory(request: HttpRequest) -> HttpResponse:
    raise Http404


def admin_organisations(request: HttpRequest) -> HttpResponse:
    raise Http404
