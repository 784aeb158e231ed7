"""Page helpers shared by every app's views: paging and the methods a form page accepts."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.views.decorators.http import require_http_methods

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
