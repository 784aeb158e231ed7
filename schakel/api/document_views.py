"""The OpenAPI document at the API's root, for anyone (NLGov API Design Rules /core/doc-openapi):
``/api/v1/openapi.json`` and ``/api/v1/openapi.yaml``, without signing in, readable from a
browser on another origin (CORS for GET). The document describes the API, never data."""

from typing import Any

from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularJSONAPIView,
    SpectacularYAMLAPIView,
)
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response


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


class OpenApiJsonView(PublicDocumentView):
    renderer_classes = SpectacularJSONAPIView.renderer_classes


class OpenApiYamlView(PublicDocumentView):
    renderer_classes = SpectacularYAMLAPIView.renderer_classes
