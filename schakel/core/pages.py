"""Page helpers shared by every app's views: paging, the methods a form page accepts and the
steps of a form page (bind what was posted, let the service save it, say so and redirect)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from schakel.core.forms import add_service_errors

PAGE_SIZE = 50
form_methods = require_http_methods(["GET", "POST"])


def page_of(request: HttpRequest, items: Any, *, size: int = PAGE_SIZE) -> Page[Any]:
    """The page the request asks for (``?pagina=``); out of range gives the last page."""
    return Paginator(items, size).get_page(request.GET.get("pagina"))


def query_without_page(request: HttpRequest) -> str:
    """The request's query string without ``pagina``, for links to other pages of a list."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


def posted(request: HttpRequest) -> QueryDict | None:
    """What a POST submitted; None on GET, so the form is shown unbound (without errors)."""
    return request.POST if request.method == "POST" else None


@dataclass(frozen=True)
class Saved[T]:
    """What the service returned for a form it accepted."""

    value: T


def save_valid[T](
    form: BaseForm,
    save: Callable[[], T],
    *,
    fields: Mapping[str, str] | None = None,
    forbidden_is_404: bool = False,
) -> Saved[T] | None:
    """Call ``save`` when the form is bound and valid; None when the form or the service
    refused (the service's ``ValidationError`` is then on the form, see ``add_service_errors``).
    With ``forbidden_is_404`` the service's ``PermissionDenied`` answers 404, as for something
    that does not exist."""
    if not form.is_bound or not form.is_valid():
        return None
    try:
        return Saved(save())
    except PermissionDenied:
        if forbidden_is_404:
            raise Http404 from None
        raise
    except ValidationError as error:
        add_service_errors(form, error, fields)
        return None


def success_redirect(request: HttpRequest, message: str, to: str) -> HttpResponse:
    """Say what was done and go to the page that shows it."""
    messages.success(request, message)
    return redirect(to)


def done_on_post(
    request: HttpRequest, do: Callable[[], object], done: str, to: str
) -> HttpResponse | None:
    """A confirmation page's POST: ``do`` it, say ``done`` and go to ``to``; None on GET (the
    page asks first)."""
    if request.method != "POST":
        return None
    do()
    return success_redirect(request, done, to)
