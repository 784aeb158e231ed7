"""Routes of the knowledge-base API, included under /api/v1/ (see schakel/api/urls.py)."""

from django.urls import path

from schakel.knowledge.api import views

urlpatterns = [
    path("knowledge-items", views.ItemListView.as_view(), name="knowledge-item-list"),
    path("knowledge-items/<uuid:id>", views.ItemDetailView.as_view(), name="knowledge-item"),
    path(
        "knowledge-items/<uuid:id>/versions",
        views.VersionListView.as_view(),
        name="knowledge-version-list",
    ),
    path(
        "knowledge-items/<uuid:id>/versions/<uuid:version>",
        views.VersionDetailView.as_view(),
        name="knowledge-version",
    ),
    path(
        "knowledge-items/<uuid:id>/versions/<uuid:version>/attachment",
        views.AttachmentView.as_view(),
        name="knowledge-attachment",
    ),
]
