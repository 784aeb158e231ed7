"""Routes of the legal-basis and disclosure API, included under /api/v1/."""

from django.urls import include, path

from schakel.privacy.api import views

urlpatterns = [
    path("legal-bases/", views.LegalBasisListView.as_view(), name="legal-basis-list"),
    path("legal-bases/<uuid:id>/", views.LegalBasisDetailView.as_view(), name="legal-basis-detail"),
    path(
        "processing-activities/",
        views.ProcessingActivityListView.as_view(),
        name="processing-activity-list",
    ),
    path(
        "agenda-items/<uuid:id>/disclosures/",
        views.AgendaItemDisclosuresView.as_view(),
        name="agenda-item-disclosures",
    ),
    path("disclosures/<uuid:id>/", views.DisclosureDetailView.as_view(), name="disclosure-detail"),
    path(
        "disclosures/<uuid:id>/corrections/",
        views.CorrectionsView.as_view(),
        name="disclosure-corrections",
    ),
    path("", include("schakel.privacy.requests.api.urls")),
    path("", include("schakel.privacy.retention.api.urls")),
]
