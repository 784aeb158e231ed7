"""Routes of the legal-basis and register API, included under /api/v1/."""

from django.urls import include, path

from schakel.privacy.api import views

urlpatterns = [
    path("legal-bases", views.LegalBasisListView.as_view(), name="legal-basis-list"),
    path("legal-bases/<uuid:id>", views.LegalBasisDetailView.as_view(), name="legal-basis-detail"),
    path(
        "processing-activities",
        views.ProcessingActivityListView.as_view(),
        name="processing-activity-list",
    ),
    path("", include("schakel.privacy.requests.api.urls")),
    path("", include("schakel.privacy.retention.api.urls")),
]
