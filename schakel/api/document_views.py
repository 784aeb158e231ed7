"""The OpenAPI document at the API's root, for anyone (NLGov API Design Rules /core/doc-openapi):
``/api/v1/openapi.json`` and ``/api/v1/openapi.yaml``, without signing in, readable from a
browser on another origin (CORS for GET). The document describes the API, never data."""

from collections.abc import Callable
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularJSONAPIView,
    SpectacularYAMLAPIView,
)
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

Handler = Callable[..., Response]


class PublicDocumentView(SpectacularAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        return response


def documented(operation_id: str, media_type: str) -> Callable[[Handler], Handler]:
    """The document describes its own resources (ADR /core/publish-openapi), CORS header and
    all; drf-spectacular leaves its views out of the document by default."""
    decorator: Callable[[Handler], Handler] = extend_schema(
        operation_id=operation_id,
        summary="Dit OpenAPI-document",
        description="Openbaar, zonder aanmelden; CORS voor GET vanaf elke herkomst.",
        tags=["api"],
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.OBJECT, "Het OpenAPI-document.")
        },
        parameters=[
            OpenApiParameter(
                "Access-Control-Allow-Origin",
                str,
                OpenApiParameter.HEADER,
                response=[200],
                description="Altijd *: elke herkomst mag het document lezen.",
            )
        ],
    )
    return decorator


class OpenApiJsonView(PublicDocumentView):
    renderer_classes = SpectacularJSONAPIView.renderer_classes

    @documented("openapi_json", "application/vnd.oai.openapi+json")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response: Response = super().get(request, *args, **kwargs)  # type: ignore[no-untyped-call]
        return response


class OpenApiYamlView(PublicDocumentView):
    renderer_classes = SpectacularYAMLAPIView.renderer_classes

    @documented("openapi_yaml", "application/vnd.oai.openapi")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response: Response = super().get(request, *args, **kwargs)  # type: ignore[no-untyped-call]
        return response
