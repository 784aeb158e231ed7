"""Every answer under /api/ says which version of the API gave it (``API-Version``), errors,
redirects and answers to unknown paths too. A query key in snake_case is refused, not ignored:
the API's query keys are camelCase (NLGov API Design Rules, /core/query-keys-camel-case), and a
client still sending an old name such as ``page_size`` learns the new one instead of silently
getting unfiltered or default results."""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from schakel.api.problems import VALIDATION, problem_json_response
from schakel.api.version import API_PREFIX, API_VERSION, API_VERSION_HEADER


class ApiVersionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        refused = _snake_case_keys(request)
        response = _refuse(request, refused) if refused else self.get_response(request)
        response[API_VERSION_HEADER] = API_VERSION
        return response


def _snake_case_keys(request: HttpRequest) -> list[str]:
    return sorted(key for key in request.GET if "_" in key)


def camel_case(key: str) -> str:
    """``page_size`` → ``pageSize``."""
    return re.sub(r"_+([a-z0-9])", lambda match: match.group(1).upper(), key.strip("_"))


def _refuse(request: HttpRequest, keys: list[str]) -> HttpResponse:
    errors: list[dict[str, str | None]] = [
        {
            "field": key,
            "message": _("Query-parameters zijn in camelCase: %(name)s.")
            % {"name": camel_case(key)},
            "code": "snake_case_query_key",
        }
        for key in keys
    ]
    return problem_json_response(
        request, VALIDATION, _("Controleer de invoer: zie errors."), errors=errors
    )
