"""Two middlewares for everything under /api/.

``ApiVersionMiddleware`` (early): every answer says which version of the API gave it
(``API-Version``), errors, redirects and answers to unknown paths too.

``QueryKeyCaseMiddleware`` (late, after the language and no-store middlewares, so its refusal
speaks the request's language and carries the usual headers): a query key in snake_case is
refused, not ignored. The API's query keys are camelCase (NLGov API Design Rules,
/core/query-keys-camel-case), and a client still sending an old name such as ``page_size``
learns the new one instead of silently getting unfiltered or default results. The refusal
depends only on the keys sent, never on data, so it comes before authentication. The HTML
documentation page is not an API resource and is left alone.
"""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from schakel.api.problems import VALIDATION, problem_json_response
from schakel.api.version import API_PREFIX, API_VERSION, API_VERSION_HEADER

Handler = Callable[[HttpRequest], HttpResponse]


class ApiVersionMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX):
            response[API_VERSION_HEADER] = API_VERSION
        return response


class QueryKeyCaseMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX) and request.path != reverse("v1:docs"):
            refused = sorted(key for key in request.GET if "_" in key)
            if refused:
                return _refuse(request, refused)
        return self.get_response(request)


def camel_case(key: str) -> str:
    """``page_size`` → ``pageSize``; ``Page_Size`` → ``pageSize``."""
    words = [word for word in re.split(r"_+", key) if word]
    if not words:
        return ""
    return words[0][:1].lower() + words[0][1:] + "".join(w[:1].upper() + w[1:] for w in words[1:])


def _message(key: str) -> str:
    name = camel_case(key)
    if not name:
        return _("Query-parameters zijn in camelCase, zonder _.")
    return _("Query-parameters zijn in camelCase: %(name)s.") % {"name": name}


def _refuse(request: HttpRequest, keys: list[str]) -> HttpResponse:
    errors: list[dict[str, str | None]] = [
        {"field": key, "message": _message(key), "code": "snake_case_query_key"} for key in keys
    ]
    return problem_json_response(
        request, VALIDATION, _("Controleer de invoer: zie errors."), errors=errors
    )
