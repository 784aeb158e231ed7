"""Page-number pagination for every list endpoint: ``page`` and ``pageSize`` (at most 200)."""

from typing import Any, cast

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import APIView


class StandardPagination(PageNumberPagination):
    """Answers ``count``, ``next``, ``previous`` and ``results``; a page past the end is a 404.

    A ``pageSize`` above the maximum is capped; an unusable one falls back to the default.
    """

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 200
    page_query_description = cast(str, _("Paginanummer, vanaf 1."))
    page_size_query_description = cast(
        str, _("Aantal resultaten per pagina (standaard 50, hoogstens 200).")
    )

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        limits = {
            self.page_query_param: {"type": "integer", "minimum": 1},
            self.page_size_query_param: {
                "type": "integer",
                "minimum": 1,
                "maximum": self.max_page_size,
                "default": self.page_size,
            },
        }
        for parameter in parameters:
            parameter["schema"] = limits.get(parameter["name"], parameter["schema"])
        return parameters

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "minimum": 0, "example": 123},
                "next": {**link, "description": str(_("Volgende pagina; null op de laatste."))},
                "previous": {**link, "description": str(_("Vorige pagina; null op de eerste."))},
                "results": schema,
            },
        }
