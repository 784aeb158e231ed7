"""Routes under /api/v1/ (namespace ``v1``): the plumbing's own, then each app's endpoints."""

from django.urls import include, path, re_path

from schakel.api import document_views, views
from schakel.api.problems import api_not_found
from schakel.core.extensions import API_URLS, contributions

urlpatterns = [
    path("openapi.json", document_views.OpenApiJsonView.as_view(), name="openapi-json"),
    path("openapi.yaml", document_views.OpenApiYamlView.as_view(), name="openapi-yaml"),
    path("docs", views.docs, name="docs"),
    path("me", views.MeView.as_view(), name="me"),
    path("partners", views.PartnerListView.as_view(), name="partner-list"),
    path("partners/<uuid:id>", views.PartnerDetailView.as_view(), name="partner-detail"),
    # Each app's endpoints (``API_URLS`` in its contributions), in the order of the layers.
    *(path("", include(module)) for module in contributions(API_URLS)),
    # Last: any other path under /api/v1/ is a problem+json 404, not the HTML page.
    re_path(r"^", api_not_found),
]
